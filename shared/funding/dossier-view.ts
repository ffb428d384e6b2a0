/** The dossier as the funding routes answer it (zod/mini; the OpenAPI document reads it). */
import * as z from 'zod/mini';
import { emailRecordSchema } from '../email/record-view.ts';
import { workflowFailureSchema } from '../workflows/failure-view.ts';
import { DOSSIER_STATUSES } from './dossier-model.ts';
import { amountSchema, beneficiaryFields, countsSchema, vatRegimeSchema } from './schemas.ts';

const paymentItemSchema = z.strictObject({
  kind: z.enum(['AVANCE', 'SOLDE']),
  label: z.string(),
  status: z.enum(['NON_DECIDE', 'A_PAYER', 'MIS_EN_PAIEMENT']),
  statusLabel: z.string(),
  amount: z.nullable(amountSchema),
  ibanMasked: z.nullable(z.string()),
  launchedAt: z.nullable(z.string()),
  reference: z.nullable(z.string()),
});

const paymentSummarySchema = z.strictObject({
  items: z.array(paymentItemSchema),
  paidTtcCents: z.int(),
  paidTtc: z.string(),
});

export const dossierSchema = z.strictObject({
  number: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  statusLabel: z.string(),
  callId: z.string(),
  callVersion: z.int(),
  version: z.int(),
  summary: z.strictObject({
    ...beneficiaryFields,
    dossierNumber: z.string(),
    depositedAt: z.string(),
    depositedOn: z.string(),
    status: z.enum(DOSSIER_STATUSES),
    statusLabel: z.string(),
  }),
  advance: z.strictObject({
    vatRegime: vatRegimeSchema,
    vatRateLabel: z.string(),
    fixedEligibleAmount: amountSchema,
    current: countsSchema,
    estimatedAtClosing: countsSchema,
    estimatedTotal: amountSchema,
    decidedAmount: amountSchema,
    decidedAt: z.string(),
    closingDate: z.string(),
  }),
  balance: z.nullable(
    z.strictObject({
      reachedAtClosing: countsSchema,
      total: amountSchema,
      decidedAmount: amountSchema,
      depositedAt: z.string(),
      depositedOn: z.string(),
      decidedAt: z.string(),
      /** Version of the funding call the balance decision applied (the advance's is `callVersion`). */
      callVersion: z.int(),
    }),
  ),
  documents: z.array(
    z.strictObject({
      kind: z.enum(['DECISION_ATTRIBUTION', 'DECISION_SOLDE']),
      fileName: z.string(),
      type: z.string(),
      contentType: z.string(),
      size: z.int(),
      depositedAt: z.string(),
      depositedOn: z.string(),
      download: z.strictObject({ url: z.string(), expiresAt: z.string() }),
    }),
  ),
  emails: z.array(emailRecordSchema),
  payment: paymentSummarySchema,
  /** Instructors only: follow-ups that gave up after their retries (they may re-run them). */
  workflowFailures: z.optional(z.array(workflowFailureSchema)),
});
