import * as z from 'zod/mini';
import { DOCUMENT_FIELDS, type DocumentField } from '../enrolment/model.ts';
import { SIRET_FORMAT_MESSAGE } from '../enrolment/siret.ts';
import { ENROLMENT_STATUSES } from '../enrolment/status.ts';
import { VAT_REGIME_CODES } from '../enrolment/vat.ts';
import { labelled } from '../schema-labels.ts';
import { captchaAnswer } from './captcha-answer.ts';

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

export const personInput = (who: string) =>
  labelled(z.strictObject(personShape(who)), who === 'représentant' ? 'Représentant légal' : 'Dépositaire');

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

const stepStatus = z.strictObject({
  complete: z.boolean(),
  missing: z.array(z.strictObject({ path: z.string(), message: z.string() })),
});

const opt = z.optional;
const str = z.string;
export const dsrView = z.strictObject({ couloir: str(), label: str(), typeLogiciel: str(), vague: str() });
const referencingView = z.strictObject({
  number: str(),
  dsr: dsrView,
  solutionName: str(),
  developerSiret: str(),
  developerName: str(),
});
/** What the server keeps is what the forms accept: the views reuse those schemas where they match. */
const addressView = addressInput;
const personView = z.strictObject({ nom: str(), prenom: str(), email: str(), telephone: str() });
const applicantView = z.strictObject({
  siret: str(),
  denominationSociale: str(),
  registeredDenomination: str(),
  nomCommercial: str(),
  address: addressView,
  isBuyerOperator: z.boolean(),
  isLegalRepresentative: z.boolean(),
  representative: personView,
  depositaire: opt(personView),
  tiersDeclarantCapacity: opt(z.enum(['CENTRE_DE_GESTION', 'EMPLOYE'])),
});
export const lookedUpCompanyView = z.strictObject({
  siret: str(),
  denominationSociale: str(),
  address: addressView,
});
const documentStatus = z.enum(['PENDING', 'VERIFIED', 'REJECTED']);
export const enrolmentDocumentView = z.strictObject({
  label: str(),
  fileName: str(),
  contentType: uploadRequestInput.shape.contentType,
  status: documentStatus,
  size: opt(z.int()),
  rejectionReason: opt(str()),
});

export const enrolmentView = z.strictObject({
  id: str(),
  number: opt(str()),
  status: z.enum(ENROLMENT_STATUSES),
  statusLabel: str(),
  createdAt: str(),
  updatedAt: str(),
  submittedAt: opt(str()),
  draftExpiresAt: opt(str()),
  referencing: opt(referencingView),
  lookedUpCompany: opt(lookedUpCompanyView),
  applicant: opt(applicantView),
  bank: opt(z.strictObject({ iban: str(), bic: str(), titulaire: str(), domiciliation: str() })),
  vat: opt(vatInput),
  /** The instructor's comment when changes were requested (or the reason of a rejection). */
  lastDecisionComment: opt(str()),
  steps: z.strictObject({
    referencing: stepStatus,
    applicant: stepStatus,
    bank: stepStatus,
    vat: stepStatus,
  }),
  complete: z.boolean(),
  requiredDocuments: z.array(documentFieldSchema),
  documents: z.record(str(), enrolmentDocumentView),
});

export const createdDraftView = z.strictObject({ enrolment: enrolmentView, draftToken: str() });
