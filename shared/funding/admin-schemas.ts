/** Request and response schemas of the instructors' funding routes (zod/mini). */
import * as z from 'zod/mini';
import { labelled } from '../schema-labels.ts';
import { DOSSIER_STATUSES } from './dossier-model.ts';
import { amountSchema, dossierNumberParams } from './schemas.ts';

export const dossierStatusQuery = {
  status: z.enum(DOSSIER_STATUSES, {
    error: `Le « Statut » doit valoir l'une des valeurs suivantes : ${DOSSIER_STATUSES.join(', ')}.`,
  }),
};

export const dossierListSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      number: z.string(),
      status: z.enum(DOSSIER_STATUSES),
      statusLabel: z.string(),
      siret: z.string(),
      denominationSociale: z.string(),
      referencingNumber: z.string(),
      depositedAt: z.string(),
      decidedAmount: amountSchema,
    }),
  ),
  cursor: z.optional(z.string()),
});

export const paymentRequestBody = z.strictObject({
  kind: z.enum(['AVANCE', 'SOLDE'], {
    error: 'La « Nature du paiement » doit valoir AVANCE (avance) ou SOLDE (solde).',
  }),
  reference: z.optional(
    z.string({ error: 'La « Référence de paiement » doit être un texte.' }).check(
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
  labelled(
    z.strictObject({ opensAt: instant(`${label} — ouverture`), closesAt: instant(`${label} — fermeture`) }),
    label,
  );

export const callIdParams = z.strictObject({ callId: z.string().check(z.regex(/^[A-Z0-9-]{1,64}$/)) });

const callFields = {
  label: labelled(
    z
      .string()
      .check(
        z.minLength(1, { error: "Le « Libellé de l'appel » est obligatoire." }),
        z.maxLength(200, { error: "Le « Libellé de l'appel » comporte 200 caractères au maximum." }),
      ),
    "Libellé de l'appel",
  ),
  fixedPartCents: cents('Part fixe (centimes HT)'),
  ratesCents: labelled(
    z.strictObject({
      applicatives: cents('Montant par BAL applicative (centimes HT)'),
      organisationnelles: cents('Montant par BAL organisationnelle (centimes HT)'),
      personnelles: cents('Montant par BAL personnelle (centimes HT)'),
    }),
    'Montants par BAL (centimes HT)',
  ),
  capCents: cents('Plafond (centimes HT)'),
  closingDate: z.iso.date({ error: 'Le champ « Date de clôture » doit être une date AAAA-MM-JJ.' }),
  advanceWindow: period("Période de dépôt des demandes d'avance"),
  balanceWindow: period('Période de dépôt des demandes de solde'),
  legalBasis: labelled(
    z.array(z.string().check(z.minLength(1), z.maxLength(500))).check(z.minLength(1), z.maxLength(10)),
    'Base légale',
  ),
};

export const callCorrectionBody = z.strictObject({
  expectedVersion: labelled(z.int().check(z.minimum(1)), 'Version affichée'),
  ...callFields,
});

export const fundingCallSchema = z.strictObject({
  callId: z.string(),
  version: z.int(),
  ...callFields,
  correctedAt: z.optional(z.string()),
  correctedBy: z.optional(z.string()),
});

export const fundingCallHistorySchema = z.strictObject({ items: z.array(fundingCallSchema) });

export const workflowFailureParams = z.strictObject({
  number: dossierNumberParams.shape.number,
  executionName: z
    .string()
    .check(z.regex(/^[A-Za-z0-9_-]{1,80}$/, { error: "Le nom d'exécution est invalide." })),
});

export const workflowRetrySchema = z.strictObject({
  workflowId: z.string(),
  executionName: z.string(),
  started: z.boolean(),
});
