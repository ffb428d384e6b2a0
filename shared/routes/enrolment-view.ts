import * as z from 'zod/mini';
import { ENROLMENT_STATUSES } from '../enrolment/status.ts';
import {
  addressInput,
  documentContentType,
  documentFieldSchema,
  dsrView,
  lookedUpCompanyView,
  vatInput,
} from './enrolment-schemas.ts';

/** The enrolment as the enrolment and instruction routes answer it. */
const stepStatus = z.strictObject({
  complete: z.boolean(),
  missing: z.array(z.strictObject({ path: z.string(), message: z.string() })),
});

const opt = z.optional;
const str = z.string;
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
const documentStatus = z.enum(['PENDING', 'VERIFIED', 'REJECTED']);
export const enrolmentDocumentView = z.strictObject({
  label: str(),
  fileName: str(),
  contentType: documentContentType,
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

export const enrolmentResponse = { description: "La demande d'enrôlement", schema: enrolmentView };
