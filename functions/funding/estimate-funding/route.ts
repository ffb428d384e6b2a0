import * as z from 'zod/mini';
import { COUNT_LABELS, MAX_MAILBOX_COUNT } from '#shared/funding/counts.ts';
import { amountSchema, countsSchema, vatRegimeSchema } from '#shared/funding/schemas.ts';
import { notValidatedProblem, TAGS } from '#shared/routes/funding-common.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

/** Counts typed in a query string (the estimate the front end asks for as the operator types). */
const countQuery = (label: string) =>
  z
    .pipe(
      z.string({ error: `Le champ « ${label} » est obligatoire.` }).check(
        z.regex(/^\d{1,7}$/, {
          error: `Le champ « ${label} » doit être un nombre entier compris entre 0 et 1 000 000.`,
        }),
      ),
      z.transform(Number),
    )
    .check(
      z.refine((value) => value <= MAX_MAILBOX_COUNT, {
        error: `Le champ « ${label} » doit être un nombre entier compris entre 0 et 1 000 000.`,
      }),
    );

const estimateQuery = z.strictObject({
  applicatives: countQuery(COUNT_LABELS.estimatedAtClosing.applicatives),
  organisationnelles: countQuery(COUNT_LABELS.estimatedAtClosing.organisationnelles),
  personnelles: countQuery(COUNT_LABELS.estimatedAtClosing.personnelles),
});

const estimateSchema = z.strictObject({
  counts: countsSchema,
  vatRegime: vatRegimeSchema,
  vatRateLabel: z.string(),
  total: amountSchema,
  capped: z.boolean(),
  cap: amountSchema,
  advance: amountSchema,
  expectedBalance: amountSchema,
  closingDate: z.string(),
});

export const estimateFundingRoute = defineRoute({
  id: 'estimateFunding',
  method: 'GET',
  path: '/v1/funding/advance/estimate',
  access: 'operator',
  summary: 'Estimation du financement total à partir des nombres de BAL estimés à la date de clôture',
  tags: TAGS,
  request: { query: estimateQuery },
  responses: {
    200: { description: 'Montants estimés (HT, TVA, TTC), plafond appliqué', schema: estimateSchema },
    ...problemResponses(409, 503),
    ...notValidatedProblem(),
  },
  permissions: { table: 'read' },
});
