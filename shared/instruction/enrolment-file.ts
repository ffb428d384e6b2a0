import { toEmailView } from '../email/email-types.ts';
import { listEmailRecords } from '../email/record-repository.ts';
import { readAuditTrail } from '../enrolment/audit-repository.ts';
import { presignDownload } from '../enrolment/document-download.ts';
import { type DocumentField, type Enrolment, isChecked } from '../enrolment/model.ts';
import { getEnrolment } from '../enrolment/repository.ts';
import { enrolmentView } from '../enrolment/view.ts';
import { notFound } from '../errors.ts';
import { listWorkflowFailures, toFailureView } from '../workflows/failure-repository.ts';

/**
 * Everything an instructor reads to decide: every field, the documents with short-lived download
 * links, the audit trail, the automatic emails and the workflow failures.
 */
async function auditTrail(enrolmentId: string) {
  const events: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await readAuditTrail(enrolmentId, cursor);
    for (const { eventId, who, action, fromStatus, toStatus, at, comment } of page.items)
      events.push({ eventId, who, action, fromStatus, toStatus, at, ...(comment ? { comment } : {}) });
    cursor = page.cursor;
  } while (cursor);
  return events;
}

/** The applicant's view of each document, plus a download link for each verified one. */
async function documentsWithLinks(enrolment: Enrolment, documents: Record<string, unknown>) {
  const withLinks: Record<string, unknown> = {};
  for (const [field, view] of Object.entries(documents)) {
    const stored = enrolment.documents[field as DocumentField];
    withLinks[field] = {
      ...(view as object),
      ...(stored?.uploadedAt ? { uploadedAt: stored.uploadedAt } : {}),
      ...(isChecked(stored) ? { download: await presignDownload(stored) } : {}),
    };
  }
  return withLinks;
}

export async function readEnrolmentFile(enrolmentId: string) {
  const enrolment = await getEnrolment(enrolmentId);
  if (!enrolment?.submittedAt)
    throw notFound('enrolment_not_found', "Cette demande d'enrôlement n'existe pas ou n'a pas été déposée.");
  const owner = { kind: 'enrolment' as const, id: enrolmentId };
  const view = enrolmentView(enrolment);
  const [audit, emails, workflowFailures, documents] = await Promise.all([
    auditTrail(enrolmentId),
    listEmailRecords(owner),
    listWorkflowFailures(owner),
    documentsWithLinks(enrolment, view.documents),
  ]);
  return {
    ...view,
    version: enrolment.version,
    documents,
    ...(enrolment.declarations ? { declarations: enrolment.declarations } : {}),
    ...(enrolment.lastDecision ? { lastDecision: enrolment.lastDecision } : {}),
    ...(enrolment.accountId ? { accountId: enrolment.accountId } : {}),
    audit,
    emails: emails.map(toEmailView),
    workflowFailures: workflowFailures.map(toFailureView),
  };
}
