import * as z from 'zod/mini';
import { DOCUMENT_FIELDS, type DocumentField } from '../enrolment/model.ts';
import { SIRET_FORMAT_MESSAGE } from '../enrolment/siret.ts';
import { VAT_REGIME_CODES } from '../enrolment/vat.ts';
import { labelled } from '../schema-labels.ts';

/**
 * Schemas several enrolment routes share, French messages with the guide's labels. A route's own
 * schemas live in its contract (functions/enrolment/<action>/route.ts), the enrolment as the
 * routes answer it in enrolment-view.ts: esbuild cannot see that zod's builders are pure across
 * modules, so every schema of an imported module is built at cold start, used or not.
 */
export const text = (label: string, max = 100) =>
  z
    .string({ error: `Le champ « ${label} » est obligatoire.` })
    .check(
      z.regex(/\S/, { error: `Le champ « ${label} » est obligatoire.` }),
      z.maxLength(max, { error: `Le champ « ${label} » doit contenir au plus ${max} caractères.` }),
    );

export const optionalText = (label: string, max = 100) =>
  z.optional(
    z
      .string({ error: `Le champ « ${label} » doit être un texte.` })
      .check(z.maxLength(max, { error: `Le champ « ${label} » doit contenir au plus ${max} caractères.` })),
  );

export const enrolmentIdParams = z.strictObject({
  id: z.string().check(z.regex(/^[0-9a-f-]{36}$/, { error: "L'identifiant de la demande est invalide." })),
});

export const referencingNumber = z
  .string({ error: 'Le champ « N° unique de référencement (ANS) » est obligatoire.' })
  .check(
    z.regex(/^[A-Za-z0-9]{3,20}$/, {
      error: 'Le « N° unique de référencement (ANS) » est invalide (exemple : zbuMSS0046).',
    }),
  );

export const siret = z
  .string({ error: 'Le champ « Numéro de SIRET » est obligatoire.' })
  .check(z.regex(/^\s*(\d\s*){14}$/, { error: SIRET_FORMAT_MESSAGE }));

export const addressInput = labelled(
  z.strictObject({
    destinataire: optionalText('Identité du destinataire / service'),
    entreeBatiment: optionalText('Entrée / Bât / Immeuble'),
    numero: optionalText('N°', 10),
    extension: optionalText('Extension', 10),
    typeVoie: text('Type de voie', 20),
    nomVoie: text('Nom de voie'),
    complement: optionalText("Complément d'adresse"),
    codePostal: z
      .string({ error: 'Le champ « Code postal » est obligatoire.' })
      .check(z.regex(/^\d{5}$/, { error: 'Le « Code postal » doit comporter 5 chiffres.' })),
    commune: text('Commune'),
  }),
  'Adresse',
);

export const vatInput = z.strictObject({
  regime: z.enum(VAT_REGIME_CODES as [string, ...string[]], {
    error: `Le champ « Taux TVA » doit valoir l'une des valeurs suivantes : ${VAT_REGIME_CODES.join(', ')}.`,
  }),
});

export const documentFieldSchema = z.enum(
  Object.keys(DOCUMENT_FIELDS) as [DocumentField, ...DocumentField[]],
  {
    error: `Le justificatif doit être l'un des suivants : ${Object.keys(DOCUMENT_FIELDS).join(', ')}.`,
  },
);

/** The file types a justificatif may have (the guide's .png, .jpg, .jpeg or .pdf). */
export const documentContentType = z.enum(['application/pdf', 'image/png', 'image/jpeg'], {
  error: 'Fichier de type .png, .jpg, .jpeg ou .pdf attendu (application/pdf, image/png ou image/jpeg).',
});

export const dsrView = z.strictObject({
  couloir: z.string(),
  label: z.string(),
  typeLogiciel: z.string(),
  vague: z.string(),
});

export const lookedUpCompanyView = z.strictObject({
  siret: z.string(),
  denominationSociale: z.string(),
  address: addressInput,
});
