/** Request and response schemas of the funding routes (zod/mini; the OpenAPI document reads them). */
import * as z from 'zod/mini';
import { emailRecordSchema } from '../email/record-model.ts';
import { VAT_REGIME_CODES } from '../enrolment/vat.ts';
import { workflowFailureSchema } from '../workflows/failure-model.ts';
import { COUNT_LABELS, MAILBOX_KINDS, MAX_MAILBOX_COUNT, mailboxCountsSchema } from './counts.ts';
import { DOSSIER_STATUSES } from './dossier.ts';

export const advanceRequestBody = z.strictObject({
  current: mailboxCountsSchema(COUNT_LABELS.current),
  estimatedAtClosing: mailboxCountsSchema(COUNT_LABELS.estimatedAtClosing),
});

export const balanceRequestBody = z.strictObject({
  reachedAtClosing: mailboxCountsSchema(COUNT_LABELS.reachedAtClosing),
});

/** Counts typed in a query string (the estimate the front end asks for as the operator types). */
const countQuery = (label: string) =>
  z
    .pipe(
      z.string().check(
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

export const dossierStatusQuery = {
  status: z.enum(DOSSIER_STATUSES, {
    error: `Le champ « status » doit valoir l'une des valeurs suivantes : ${DOSSIER_STATUSES.join(', ')}.`,
  }),
};

// Responses
export const amountSchema = z.object({
  htCents: z.int(),
  tvaCents: z.int(),
  ttcCents: z.int(),
  ht: z.string(),
  tva: z.string(),
  ttc: z.string(),
});
const countsSchema = z.object(
  Object.fromEntries(MAILBOX_KINDS.map((kind) => [kind, z.int()])) as Record<
    (typeof MAILBOX_KINDS)[number],
    z.ZodMiniInt
  >,
);
const addressSchema = z.object({
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
const periodSchema = z.object({ opensAt: z.string(), closesAt: z.string() });
const labelsSchema = z.record(z.string(), z.string());

/** The beneficiary block of the guide's "Récapitulatif". */
const beneficiaryFields = {
  ansNumber: z.string(),
  siret: z.string(),
  denominationSociale: z.string(),
  address: addressSchema,
  addressLines: z.array(z.string()),
};

export const advanceFormSchema = z.object({
  callId: z.string(),
  callVersion: z.int(),
  callLabel: z.string(),
  recapitulatif: z.object(beneficiaryFields),
  enrolmentId: z.string(),
  vatRegime: vatRegimeSchema,
  vatRateLabel: z.string(),
  fixedEligibleAmount: amountSchema,
  closingDate: z.string(),
  closingDateLabel: z.string(),
  advanceWindow: z.object({ ...periodSchema.shape, open: z.boolean() }),
  labels: z.object({ current: labelsSchema, estimatedAtClosing: labelsSchema }),
  dossierNumber: z.nullable(z.string()),
});

export const estimateSchema = z.object({
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

const paymentItemSchema = z.object({
  kind: z.enum(['AVANCE', 'SOLDE']),
  label: z.string(),
  status: z.enum(['NON_DECIDE', 'A_PAYER', 'MIS_EN_PAIEMENT']),
  statusLabel: z.string(),
  amount: z.nullable(amountSchema),
  ibanMasked: z.nullable(z.string()),
  launchedAt: z.nullable(z.string()),
  reference: z.nullable(z.string()),
});

export const paymentSummarySchema = z.object({
  items: z.array(paymentItemSchema),
  paidTtcCents: z.int(),
  paidTtc: z.string(),
});

export const dossierSchema = z.object({
  number: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  statusLabel: z.string(),
  callId: z.string(),
  callVersion: z.int(),
  version: z.int(),
  recapitulatif: z.object({
    ...beneficiaryFields,
    dossierNumber: z.string(),
    depositedAt: z.string(),
    depositedOn: z.string(),
    status: z.enum(DOSSIER_STATUSES),
    statusLabel: z.string(),
  }),
  demande: z.object({
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
  solde: z.nullable(
    z.object({
      reachedAtClosing: countsSchema,
      total: amountSchema,
      decidedAmount: amountSchema,
      depositedAt: z.string(),
      depositedOn: z.string(),
      decidedAt: z.string(),
    }),
  ),
  piecesJustificatives: z.array(
    z.object({
      kind: z.enum(['DECISION_ATTRIBUTION', 'DECISION_SOLDE']),
      fileName: z.string(),
      type: z.string(),
      contentType: z.string(),
      size: z.int(),
      depositedAt: z.string(),
      depositedOn: z.string(),
      download: z.object({ url: z.string(), expiresAt: z.string() }),
    }),
  ),
  courriels: z.array(emailRecordSchema),
  paiement: paymentSummarySchema,
  /** Instructors only: follow-ups that gave up after their retries (they may re-run them). */
  incidents: z.optional(z.array(workflowFailureSchema)),
});

export const dossierListSchema = z.object({
  items: z.array(
    z.object({
      number: z.string(),
      status: z.enum(DOSSIER_STATUSES),
      statusLabel: z.string(),
      siret: z.string(),
      denominationSociale: z.string(),
      ansNumber: z.string(),
      depositedAt: z.string(),
      decidedAmount: amountSchema,
    }),
  ),
  cursor: z.optional(z.string()),
});

export const paymentRequestBody = z.strictObject({
  kind: z.enum(['AVANCE', 'SOLDE'], {
    error: 'Le champ « kind » doit valoir AVANCE (avance) ou SOLDE (solde).',
  }),
  reference: z.optional(
    z.string().check(
      z.regex(/^[\w./-]{1,40}$/, {
        error: 'La référence de paiement comporte 1 à 40 lettres, chiffres ou signes . / - _.',
      }),
    ),
  ),
});

const cents = (label: string) =>
  z.int({ error: `Le champ « ${label} » doit être un montant entier en centimes.` }).check(
    z.refine((value) => value >= 0 && value <= 100_000_000_00, {
      error: `Le champ « ${label} » doit être un montant en centimes entre 0 et 10 000 000 000.`,
    }),
  );
const instant = (label: string) =>
  z.iso.datetime({ error: `Le champ « ${label} » doit être une date et heure ISO 8601 (UTC).` });
const period = (label: string) =>
  z.strictObject({ opensAt: instant(`${label} — ouverture`), closesAt: instant(`${label} — fermeture`) });

export const callIdParams = z.strictObject({ callId: z.string().check(z.regex(/^[A-Z0-9-]{1,64}$/)) });

const callFields = {
  label: z.string().check(z.minLength(1), z.maxLength(200)),
  fixedPartCents: cents('Part fixe (centimes HT)'),
  ratesCents: z.strictObject({
    applicatives: cents('Montant par BAL applicative (centimes HT)'),
    organisationnelles: cents('Montant par BAL organisationnelle (centimes HT)'),
    personnelles: cents('Montant par BAL personnelle (centimes HT)'),
  }),
  capCents: cents('Plafond (centimes HT)'),
  closingDate: z.iso.date({ error: 'Le champ « Date de clôture » doit être une date AAAA-MM-JJ.' }),
  advanceWindow: period("Période de dépôt des demandes d'avance"),
  balanceWindow: period('Période de dépôt des demandes de solde'),
  legalBasis: z
    .array(z.string().check(z.minLength(1), z.maxLength(500)))
    .check(z.minLength(1), z.maxLength(10)),
};

export const callCorrectionBody = z.strictObject({
  expectedVersion: z.int().check(z.minimum(1)),
  ...callFields,
});

export const fundingCallSchema = z.object({ callId: z.string(), version: z.int(), ...callFields });

export const workflowFailureParams = z.strictObject({
  number: dossierNumberParams.shape.number,
  executionName: z
    .string()
    .check(z.regex(/^[A-Za-z0-9_-]{1,80}$/, { error: "Le nom d'exécution est invalide." })),
});

export const workflowRetrySchema = z.object({
  workflowId: z.string(),
  executionName: z.string(),
  started: z.boolean(),
});
