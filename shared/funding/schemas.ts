/**
 * Schemas several funding routes share (zod/mini). A route's own schemas live in its contract
 * (functions/funding/<action>/route.ts): esbuild cannot see that zod's builders are pure across
 * modules, so every schema of an imported module is built at cold start, used or not.
 */
import * as z from 'zod/mini';
import { VAT_REGIME_CODES } from '../enrolment/vat.ts';
import { MAILBOX_KINDS } from './counts.ts';

export const dossierNumberParams = z.strictObject({
  number: z.string().check(z.maxLength(32)),
});

export const amountSchema = z.strictObject({
  htCents: z.int(),
  tvaCents: z.int(),
  ttcCents: z.int(),
  ht: z.string(),
  tva: z.string(),
  ttc: z.string(),
});
export const countsSchema = z.strictObject(
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
export const vatRegimeSchema = z.enum(VAT_REGIME_CODES as [string, ...string[]]);

/** The beneficiary block of the guide's "Récapitulatif". */
export const beneficiaryFields = {
  referencingNumber: z.string(),
  siret: z.string(),
  denominationSociale: z.string(),
  address: addressSchema,
  addressLines: z.array(z.string()),
};
