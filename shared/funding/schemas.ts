/** Request and response schemas of the funding routes (zod/mini; the OpenAPI document reads them). */
import * as z from 'zod/mini';
import { emailRecordSchema } from '../email/record-model.ts';
import { VAT_REGIME_CODES } from '../enrolment/vat.ts';
import { workflowFailureSchema } from '../workflows/failure-model.ts';
import { COUNT_LABELS, MAILBOX_KINDS, MAX_MAILBOX_COUNT, mailboxCountsSchema } from './counts.ts';
import { DOSSIER_STATUSES } from './dossier-model.ts';

export const advanceRequestBody = z.strictObject({
  current: mailboxCountsSchema('current'),
  estimatedAtClosing: mailboxCountsSchema('estimatedAtClosing'),
});

export const balanceRequestBody = z.strictObject({
  reachedAtClosing: mailboxCountsSchema('reachedAtClosing'),
});

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

export const estimateQuery = z.strictObject({
  applicatives: countQuery(COUNT_LABELS.estimatedAtClosing.applicatives),
  organisationnelles: countQuery(COUNT_LABELS.estimatedAtClosing.organisationnelles),
  personnelles: countQuery(COUNT_LABELS.estimatedAtClosing.personnelles),
});

export const dossierNumberParams = z.strictObject({
  number: z.string().check(z.maxLength(32)),
});

// Responses
export const amountSchema = z.strictObject({
  htCents: z.int(),
  tvaCents: z.int(),
  ttcCents: z.int(),
  ht: z.string(),
  tva: z.string(),
  ttc: z.string(),
});
const countsSchema = z.strictObject(
  Object.fromEntries(MAILBOX_KINDS.map((kind) => [kind, z.int()])) as Record<
    (typeof MAILBOX_KINDS)[number],
    z.ZodMiniInt
  >,
);
const addressSchema = z.strictObject({
  destinataire: z.optional(z.string()),
  entreeBatiment: z.optional(z.string()),
  numero: z.optional(z.string()),
  extension: z.optional(z.string()),
  typeVoie: z.string(),
  nomVoie: z.string(),
  complement: z.optional(z.string()),
  codePostal: z.string(),
  commune: z.string(),
});
const vatRegimeSchema = z.enum(VAT_REGIME_CODES as [string, ...string[]]);
const periodSchema = z.strictObject({ opensAt: z.string(), closesAt: z.string() });
const labelsSchema = z.record(z.string(), z.string());

/** The beneficiary block of the guide's "Récapitulatif". */
const beneficiaryFields = {
  referencingNumber: z.string(),
  siret: z.string(),
  denominationSociale: z.string(),
  address: addressSchema,
  addressLines: z.array(z.string()),
};

export const advanceFormSchema = z.strictObject({
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
  advanceWindow: z.strictObject({ ...periodSchema.shape, open: z.boolean() }),
  labels: z.strictObject({ current: labelsSchema, estimatedAtClosing: labelsSchema }),
  dossierNumber: z.nullable(z.string()),
});

export const estimateSchema = z.strictObject({
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
