import { now } from '../clock.ts';
import { ConflictError, InvalidDataError } from '../errors.ts';
import { deleteCheckedUploads, verifyPendingDocuments } from './documents.ts';
import type { DocumentField, Enrolment } from './model.ts';
import { saveEnrolment, touched } from './repository.ts';
import { DOCUMENT_STEP, documentPath, type StepName } from './requirements.ts';
import { SCAN_RETRY_AFTER_SECONDS, scanPendingMessage } from './scan-messages.ts';

/**
 * Fails when a document is not usable (nothing is written): one 422 naming every refused
 * document (definitive), else one 409 naming every document whose malware scan has not ended
 * (the same request succeeds once the verdicts are in, usually seconds later).
 */
export function ensureDocumentsUsable(verified: {
  failures: { field: DocumentField; reason: string }[];
  scanning: DocumentField[];
}): void {
  const refused = verified.failures.length > 0;
  const errors = refused
    ? verified.failures.map(({ field, reason }) => ({ path: documentPath(field), message: reason }))
    : verified.scanning.map((field) => ({ path: documentPath(field), message: scanPendingMessage(field) }));
  const [first] = errors;
  if (!first) return;
  if (refused) throw new InvalidDataError('document_rejected', first.message, { errors });
  throw new ConflictError('document_scan_pending', first.message, {
    errors,
    retryAfterSeconds: SCAN_RETRY_AFTER_SECONDS,
  });
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
  const saved = await saveEnrolment(touched(verified.enrolment, now()));
  await deleteCheckedUploads(enrolment, saved);
  return saved;
}
