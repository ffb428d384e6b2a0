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

/** The answer to a captcha (POST /v1/captchas): its id and the code the person read. */
export const captchaAnswer = z.strictObject({
  id: z.string({ error: 'Le champ « Captcha » est obligatoire.' }).check(z.minLength(1), z.maxLength(100)),
  answer: z
    .string({ error: 'Le champ « Captcha » est obligatoire.' })
    .check(z.minLength(1, { error: 'Le champ « Captcha » est obligatoire.' }), z.maxLength(20)),
});
