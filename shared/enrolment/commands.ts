import { ProblemError } from '../http/problem.ts';
import { SCAN_RETRY_AFTER_SECONDS, scanPendingMessage } from '../malware-scan/verdict.ts';
import { deleteCheckedUploads, verifyPendingDocuments } from './documents.ts';
import type { DocumentField, Enrolment } from './model.ts';
import { saveEnrolment, touched } from './repository.ts';
import { DOCUMENT_STEP, documentPath, type StepName } from './requirements.ts';

/** Fails with one 422 naming every rejected document's field (nothing is written). */
function rejectDocuments(failures: { field: DocumentField; reason: string }[]): never {
  const errors = failures.map((failure) => ({ path: documentPath(failure.field), message: failure.reason }));
  throw new ProblemError(422, 'document_rejected', errors[0]?.message ?? 'Justificatif refusé.', { errors });
}

/**
 * Fails with one 409 naming every document whose malware scan has not ended (nothing is
 * written): the same request succeeds once the verdicts are in, usually seconds later.
 */
function awaitScans(fields: DocumentField[]): never {
  const errors = fields.map((field) => ({ path: documentPath(field), message: scanPendingMessage(field) }));
  throw new ProblemError(409, 'document_scan_pending', errors[0]?.message ?? '', {
    errors,
    headers: { 'Retry-After': String(SCAN_RETRY_AFTER_SECONDS) },
  });
}

/** A refused document first (definitive), then one still being scanned (retry). */
export function ensureDocumentsUsable(verified: {
  failures: { field: DocumentField; reason: string }[];
  scanning: DocumentField[];
}): void {
  if (verified.failures.length > 0) rejectDocuments(verified.failures);
  if (verified.scanning.length > 0) awaitScans(verified.scanning);
}

/**
 * Saves a step: verifies the uploaded, not yet verified documents of that step first (a
 * refused or still scanned one stops the whole save), then writes the aggregate once.
 */
export async function saveStep(enrolment: Enrolment, step: StepName, changes: Partial<Enrolment>) {
  const fields = (Object.keys(DOCUMENT_STEP) as DocumentField[]).filter(
    (field) => DOCUMENT_STEP[field] === step,
  );
  const verified = await verifyPendingDocuments({ ...enrolment, ...changes }, fields);
  ensureDocumentsUsable(verified);
  const saved = await saveEnrolment(touched(verified.enrolment, new Date()));
  await deleteCheckedUploads(enrolment, saved);
  return saved;
}
