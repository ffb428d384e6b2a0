import { ProblemError } from '../http/problem.ts';
import { deleteCheckedUploads, verifyPendingDocuments } from './documents.ts';
import type { DocumentField, Enrolment } from './model.ts';
import { saveEnrolment, touched } from './repository.ts';
import { DOCUMENT_STEP, documentPath, type StepName } from './requirements.ts';

/** Fails with one 422 naming every rejected document's field (nothing is written). */
export function rejectDocuments(failures: { field: DocumentField; reason: string }[]): never {
  const errors = failures.map((failure) => ({ path: documentPath(failure.field), message: failure.reason }));
  throw new ProblemError(422, 'document_rejected', errors[0]?.message ?? 'Justificatif refusé.', { errors });
}

/**
 * Saves a step: verifies the uploaded, not yet verified documents of that step first (a
 * failed one rejects the whole save), then writes the aggregate once.
 */
export async function saveStep(enrolment: Enrolment, step: StepName, changes: Partial<Enrolment>) {
  const fields = (Object.keys(DOCUMENT_STEP) as DocumentField[]).filter(
    (field) => DOCUMENT_STEP[field] === step,
  );
  const verified = await verifyPendingDocuments({ ...enrolment, ...changes }, fields);
  if (verified.failures.length > 0) rejectDocuments(verified.failures);
  const saved = await saveEnrolment(touched(verified.enrolment, new Date()));
  await deleteCheckedUploads(enrolment, saved);
  return saved;
}
