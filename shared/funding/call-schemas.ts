/** The funding call as the instructors' routes read and correct it (zod/mini). */
import * as z from 'zod/mini';
import { labelled } from '../schema-labels.ts';

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

export const callFields = {
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

export const fundingCallSchema = z.strictObject({
  callId: z.string(),
  version: z.int(),
  ...callFields,
  correctedAt: z.optional(z.string()),
  correctedBy: z.optional(z.string()),
});
