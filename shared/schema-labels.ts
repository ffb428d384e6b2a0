import * as z from 'zod/mini';

/**
 * Gives a field the label a person reads (the guide's): French validation messages name it
 * instead of the JSON member (shared/http/validation.ts), and the OpenAPI document shows it as
 * the schema's `title`.
 */
/* @__NO_SIDE_EFFECTS__ */
export function labelled<S extends z.ZodMiniType>(schema: S, label: string): S {
  z.globalRegistry.add(schema, { title: label });
  return schema;
}

/** The label given to a schema (the one an issue was raised by), if any. */
export function labelOf(schema: unknown): string | undefined {
  const title = schema ? z.globalRegistry.get(schema as z.core.$ZodType)?.title : undefined;
  return typeof title === 'string' ? title : undefined;
}
