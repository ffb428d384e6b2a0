import type { FieldError } from '../errors.ts';
import { DOCUMENT_FIELDS, type DocumentField, type Enrolment } from './model.ts';

/**
 * What each step needs (pure): which justificatifs are required given the answers, and which
 * steps are complete. The guide's conditions live here and nowhere else.
 */
export const STEPS = ['referencing', 'applicant', 'bank', 'vat'] as const;
export type StepName = (typeof STEPS)[number];

const STEP_LABELS: Record<StepName, string> = {
  referencing: 'Référencement',
  applicant: 'Demandeur',
  bank: 'Coordonnées bancaires',
  vat: 'Taux TVA',
};

/** The step whose form shows each document field. */
export const DOCUMENT_STEP: Record<DocumentField, StepName> = {
  certificatReferencement: 'referencing',
  contratOperateur: 'referencing',
  kbis: 'applicant',
  bonDeCommande: 'applicant',
  pieceIdentiteRepresentant: 'applicant',
  pieceIdentiteDepositaire: 'applicant',
  contratPrestation: 'applicant',
  mandatRepresentantLegal: 'applicant',
  rib: 'bank',
  attestationNonAssujettissement: 'vat',
};

type Answers = Pick<Enrolment, 'referencing' | 'applicant' | 'vat'>;

/** A buyer operator's SIRET differs from the referenced solution's developer operator. */
export const isBuyerOperator = (enrolment: Answers): boolean =>
  enrolment.applicant !== undefined &&
  enrolment.referencing !== undefined &&
  enrolment.applicant.siret !== enrolment.referencing.developerSiret;

export function requiredDocuments(enrolment: Answers): DocumentField[] {
  const required: DocumentField[] = ['certificatReferencement', 'contratOperateur'];
  const applicant = enrolment.applicant;
  if (applicant) {
    if (applicant.denominationSociale !== applicant.registeredDenomination) required.push('kbis');
    if (isBuyerOperator(enrolment)) required.push('bonDeCommande');
    required.push('pieceIdentiteRepresentant');
    if (!applicant.isLegalRepresentative) {
      required.push('pieceIdentiteDepositaire');
      required.push(
        applicant.tiersDeclarantCapacity === 'EMPLOYE' ? 'mandatRepresentantLegal' : 'contratPrestation',
      );
    }
  }
  required.push('rib');
  if (enrolment.vat?.regime === 'HT') required.push('attestationNonAssujettissement');
  return required;
}

export interface StepStatus {
  complete: boolean;
  missing: FieldError[];
}

export const documentPath = (field: DocumentField) => `documents.${field}`;
const missingDocumentMessage = (field: DocumentField) =>
  `Le document « ${DOCUMENT_FIELDS[field]} » est obligatoire.`;

/** Per step: complete, or the list of what is missing (step answers, required documents). */
export function stepStatuses(enrolment: Enrolment): Record<StepName, StepStatus> {
  const required = requiredDocuments(enrolment);
  const statuses = {} as Record<StepName, StepStatus>;
  for (const step of STEPS) {
    const missing: FieldError[] = [];
    if (enrolment[step] === undefined) {
      missing.push({
        path: `steps.${step}`,
        message: `L'étape « ${STEP_LABELS[step]} » n'est pas renseignée.`,
      });
    }
    for (const field of required) {
      if (DOCUMENT_STEP[field] !== step) continue;
      const document = enrolment.documents[field];
      if (!document) missing.push({ path: documentPath(field), message: missingDocumentMessage(field) });
      else if (document.status === 'REJECTED')
        missing.push({
          path: documentPath(field),
          message: document.rejectionReason ?? missingDocumentMessage(field),
        });
    }
    statuses[step] = { complete: missing.length === 0, missing };
  }
  return statuses;
}
