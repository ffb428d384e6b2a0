import * as z from 'zod/mini';
import { logger } from './logger.ts';

/**
 * Reads and validates the environment variables a module needs, once, at cold start.
 * A missing or malformed variable fails the cold start loudly instead of a request later.
 */
export function readEnv<S extends Record<string, z.ZodMiniType>>(shape: S): z.infer<z.ZodMiniObject<S>> {
  const result = z.object(shape).safeParse(process.env);
  if (!result.success) {
    const names = result.error.issues.map((issue) => issue.path.join('.')).join(', ');
    logger.error('Invalid configuration', { variables: names });
    throw new Error(`Invalid configuration: ${names}`);
  }
  return result.data;
}

/** `"true"` / `"1"` → true, anything else → false; for boolean feature switches in the environment. */
export const envFlag = z.pipe(
  z.optional(z.string()),
  z.transform((value) => value === 'true' || value === '1'),
);
