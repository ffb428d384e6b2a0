import * as z from 'zod/mini';
import { amountSchema, beneficiaryFields, vatRegimeSchema } from '#shared/funding/schemas.ts';
import { notValidatedProblem, period, TAGS } from '#shared/routes/funding-common.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

const labelsSchema = z.record(z.string(), z.string());

const advanceFormSchema = z.strictObject({
  callId: z.string(),
  callVersion: z.int(),
  callLabel: z.string(),
  summary: z.strictObject(beneficiaryFields),
  enrolmentId: z.string(),
  vatRegime: vatRegimeSchema,
  vatRateLabel: z.string(),
  fixedEligibleAmount: amountSchema,
  closingDate: z.string(),
  closingDateLabel: z.string(),
  advanceWindow: z.strictObject({ ...period.shape, open: z.boolean() }),
  labels: z.strictObject({ current: labelsSchema, estimatedAtClosing: labelsSchema }),
  dossierNumber: z.nullable(z.string()),
});

export const getAdvanceFormRoute = defineRoute({
  id: 'getAdvanceForm',
  method: 'GET',
  path: '/v1/funding/advance',
  access: 'operator',
  summary:
    "Formulaire de demande d'avance pré-rempli : récapitulatif, taux de TVA applicable, montant fixe éligible, date de clôture",
  tags: TAGS,
  responses: {
    200: { description: 'Le formulaire pré-rempli', schema: advanceFormSchema },
    ...problemResponses(409, 503),
    ...notValidatedProblem(),
  },
  permissions: { table: 'read' },
});
