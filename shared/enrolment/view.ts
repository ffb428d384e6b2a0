import { DOCUMENT_FIELDS, type DocumentField, type Enrolment } from './model.ts';
import { requiredDocuments, stepStatuses } from './requirements.ts';
import { ENROLMENT_STATUS_LABELS } from './status.ts';

/** What the draft holder reads: its answers, documents, and per step what is still missing. */
export function enrolmentView(enrolment: Enrolment) {
  const steps = stepStatuses(enrolment);
  const documents: Record<string, unknown> = {};
  for (const [field, document] of Object.entries(enrolment.documents)) {
    if (!document) continue;
    documents[field] = {
      label: DOCUMENT_FIELDS[field as DocumentField],
      fileName: document.fileName,
      contentType: document.contentType,
      status: document.status,
      ...(document.size !== undefined ? { size: document.size } : {}),
      ...(document.rejectionReason ? { rejectionReason: document.rejectionReason } : {}),
    };
  }
  return {
    id: enrolment.id,
    ...(enrolment.number ? { number: enrolment.number } : {}),
    status: enrolment.status,
    statusLabel: ENROLMENT_STATUS_LABELS[enrolment.status],
    createdAt: enrolment.createdAt,
    updatedAt: enrolment.updatedAt,
    ...(enrolment.submittedAt ? { submittedAt: enrolment.submittedAt } : {}),
    ...(enrolment.expiresAt ? { draftExpiresAt: new Date(enrolment.expiresAt * 1000).toISOString() } : {}),
    ...(enrolment.referencing ? { referencing: enrolment.referencing } : {}),
    ...(enrolment.lookedUpCompany ? { lookedUpCompany: enrolment.lookedUpCompany } : {}),
    ...(enrolment.applicant ? { applicant: enrolment.applicant } : {}),
    ...(enrolment.bank ? { bank: enrolment.bank } : {}),
    ...(enrolment.vat ? { vat: enrolment.vat } : {}),
    ...(enrolment.lastDecision?.comment ? { lastDecisionComment: enrolment.lastDecision.comment } : {}),
    steps,
    complete: Object.values(steps).every((step) => step.complete),
    requiredDocuments: requiredDocuments(enrolment),
    documents,
  };
}
