import * as z from 'zod/mini';

/** Schemas shared by several routes. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  code: z.string(),
  detail: z.string(),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  requestId: z.optional(z.string()),
});

/** Standard error responses, spread into a route's `responses`. */
export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [status, { description: 'Problème (RFC 9457)', schema: problemSchema }]),
  );

export const paginationQuery = {
  limit: z.optional(
    z
      .pipe(
        z
          .string()
          .check(z.regex(/^\d{1,3}$/, { error: 'Le champ « limit » doit être un entier entre 1 et 100.' })),
        z.transform(Number),
      )
      .check(
        z.refine((n) => n >= 1 && n <= 100, {
          error: 'Le champ « limit » doit être un entier entre 1 et 100.',
        }),
      ),
  ),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
};
