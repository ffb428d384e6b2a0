import * as z from 'zod/mini';
import { DOCUMENT_FIELDS, type DocumentField } from '../enrolment/model.ts';
import { SIRET_FORMAT_MESSAGE } from '../enrolment/siret.ts';
import { ENROLMENT_STATUSES } from '../enrolment/status.ts';
import { VAT_REGIME_CODES } from '../enrolment/vat.ts';

/** Request and response schemas of the enrolment routes, French messages with the guide's labels. */
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
      .string()
      .check(z.maxLength(max, { error: `Le champ « ${label} » doit contenir au plus ${max} caractères.` })),
  );

export const enrolmentIdParams = z.strictObject({
  id: z.string().check(z.regex(/^[0-9a-f-]{36}$/, { error: "L'identifiant de la demande est invalide." })),
});

export const captchaAnswer = z.strictObject({
  id: z.string({ error: 'Le champ « Captcha » est obligatoire.' }).check(z.minLength(1), z.maxLength(100)),
  answer: z
    .string({ error: 'Le champ « Captcha » est obligatoire.' })
    .check(z.minLength(1, { error: 'Le champ « Captcha » est obligatoire.' }), z.maxLength(20)),
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

const personShape = (who: string) => ({
  nom: text(`Nom du ${who}`),
  prenom: text(`Prénom du ${who}`),
  email: z
    .string({ error: `Le champ « Email du ${who} » est obligatoire.` })
    .check(
      z.email({ error: `Le champ « Email du ${who} » doit être une adresse électronique valide.` }),
      z.maxLength(254),
    ),
  emailConfirmation: z.string({ error: `Le champ « Confirmation email du ${who} » est obligatoire.` }),
  telephone: z.string({ error: `Le champ « Téléphone du ${who} » est obligatoire.` }).check(
    z.regex(/^\+?[0-9 .()-]{10,20}$/, {
      error: `Le champ « Téléphone du ${who} » doit être un numéro de téléphone valide.`,
    }),
  ),
});

export const personInput = (who: string) => z.strictObject(personShape(who));

export const addressInput = z.strictObject({
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
});

export const applicantInput = z.strictObject({
  siret,
  denominationSociale: text('Dénomination sociale', 200),
  nomCommercial: text('Nom commercial', 200),
  address: addressInput,
  isLegalRepresentative: z.boolean({
    error: 'Le champ « Je suis le représentant légal du fournisseur » est obligatoire (Oui ou Non).',
  }),
  representative: personInput('représentant'),
  depositaire: z.optional(personInput('dépositaire')),
  tiersDeclarantCapacity: z.optional(
    z.enum(['CENTRE_DE_GESTION', 'EMPLOYE'], {
      error: 'La « Qualité de tiers déclarant » doit être CENTRE_DE_GESTION ou EMPLOYE.',
    }),
  ),
});

export const bankInput = z.strictObject({
  iban: text('IBAN', 50),
  bic: text('BIC', 20),
  titulaire: text('Titulaire', 140),
  domiciliation: text('Domiciliation', 140),
});

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

export const uploadRequestInput = z.strictObject({
  field: documentFieldSchema,
  fileName: z
    .string({ error: 'Le nom du fichier est obligatoire.' })
    .check(
      z.minLength(1),
      z.maxLength(200, { error: 'Le nom du fichier doit contenir au plus 200 caractères.' }),
    ),
  contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg'], {
    error: 'Fichier de type .png, .jpg, .jpeg ou .pdf attendu (application/pdf, image/png ou image/jpeg).',
  }),
});

const mustAccept = (message: string) => z.literal(true, { error: message });

export const submitInput = z.strictObject({
  captcha: captchaAnswer,
  acceptCgu: mustAccept('Vous devez lire et accepter les CGU.'),
  acknowledgeArticle4417: mustAccept(
    "Vous devez déclarer être informé(e) des dispositions de l'article 441-7 du code pénal.",
  ),
  certifySincerity: mustAccept(
    "Vous devez certifier que l'ensemble des éléments saisis sont sincères et véritables.",
  ),
});

const stepStatus = z.object({
  complete: z.boolean(),
  missing: z.array(z.object({ path: z.string(), message: z.string() })),
});

/** The answers as stored (shared/enrolment/model.ts), as the draft holder and instructors read them. */
const personView = z.object({
  nom: z.string(),
  prenom: z.string(),
  email: z.string(),
  telephone: z.string(),
});
const addressView = z.object({
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
const answersView = {
  referencing: z.optional(
    z.object({
      number: z.string(),
      dsr: z.object({ couloir: z.string(), label: z.string(), typeLogiciel: z.string(), vague: z.string() }),
      solutionName: z.string(),
      developerSiret: z.string(),
      developerName: z.string(),
    }),
  ),
  lookedUpCompany: z.optional(
    z.object({ siret: z.string(), denominationSociale: z.string(), address: addressView }),
  ),
  applicant: z.optional(
    z.object({
      siret: z.string(),
      denominationSociale: z.string(),
      registeredDenomination: z.string(),
      nomCommercial: z.string(),
      address: addressView,
      isBuyerOperator: z.boolean(),
      isLegalRepresentative: z.boolean(),
      representative: personView,
      depositaire: z.optional(personView),
      tiersDeclarantCapacity: z.optional(z.enum(['CENTRE_DE_GESTION', 'EMPLOYE'])),
    }),
  ),
  bank: z.optional(
    z.object({ iban: z.string(), bic: z.string(), titulaire: z.string(), domiciliation: z.string() }),
  ),
  vat: z.optional(z.object({ regime: z.enum(VAT_REGIME_CODES as [string, ...string[]]) })),
  /** The instructor's comment of the last decision (what "à modifier" asks for). */
  lastDecisionComment: z.optional(z.string()),
};

export const documentView = z.object({
  label: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  status: z.string(),
  size: z.optional(z.int()),
  rejectionReason: z.optional(z.string()),
});

export const enrolmentView = z.object({
  id: z.string(),
  number: z.optional(z.string()),
  status: z.enum(ENROLMENT_STATUSES),
  statusLabel: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.optional(z.string()),
  draftExpiresAt: z.optional(z.string()),
  ...answersView,
  steps: z.object({ referencing: stepStatus, applicant: stepStatus, bank: stepStatus, vat: stepStatus }),
  complete: z.boolean(),
  requiredDocuments: z.array(z.string()),
  documents: z.record(z.string(), documentView),
});

export const createdDraftView = z.object({ enrolment: enrolmentView, draftToken: z.string() });
