import * as z from 'zod/mini';
import type { ResponseDefinition } from './types.ts';

/** Schemas shared by several routes. */
const problemShape = {
  type: z.string(),
  title: z.string(),
  status: z.int(),
  code: z.string(),
  detail: z.string(),
  errors: z.optional(z.array(z.strictObject({ path: z.string(), message: z.string() }))),
  /** Seconds to wait before trying again, with the `Retry-After` header (delays, locks, limits). */
  retryAfterSeconds: z.optional(z.int()),
  requestId: z.optional(z.string()),
};

/** An RFC 9457 problem: closed, its extension members (all optional) declared by the route. */
export const problemSchema = (extensions: Record<string, z.ZodMiniOptional> = {}) =>
  z.strictObject({ ...problemShape, ...extensions });

const plainProblem = problemSchema();
/**
 * Any conflict may be an optimistic-locking one (`stale_version`), which says which version was
 * expected (and, when known, the current one); a route adds its own conflicts' members.
 */
export const conflictProblem = (extensions: Record<string, z.ZodMiniOptional> = {}) =>
  problemSchema({ expectedVersion: z.optional(z.int()), currentVersion: z.optional(z.int()), ...extensions });

export const problemResponse = (
  schema: z.ZodMiniType,
  description = 'Problème (RFC 9457)',
): ResponseDefinition => ({
  description,
  schema,
  mediaType: 'application/problem+json',
});

/** Standard error responses, spread into a route's `responses`. */
export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [status, problemResponse(status === 409 ? conflictProblem() : plainProblem)]),
  );

const limitMessage = 'Le champ « Nombre de résultats par page » doit être un entier entre 1 et 100.';
/** The query fields of a paged list (a builder: only the list routes build them). */
export const paginationQuery = () => ({
  limit: z.optional(
    z
      .pipe(
        z.string({ error: limitMessage }).check(z.regex(/^\d{1,3}$/, { error: limitMessage })),
        z.transform(Number),
      )
      .check(z.refine((n) => n >= 1 && n <= 100, { error: limitMessage })),
  ),
  cursor: z.optional(
    z
      .string({ error: 'Le curseur de page est invalide.' })
      .check(z.maxLength(2048, { error: 'Le curseur de page est invalide.' })),
  ),
});

/** The answer to a captcha (POST /v1/captchas): its id and the code the person read. */
