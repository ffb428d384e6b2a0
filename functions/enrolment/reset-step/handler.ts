import { now } from '#shared/clock.ts';
import { deleteObjects, objectKeysOf } from '#shared/enrolment/documents.ts';
import type { DocumentField, Enrolment } from '#shared/enrolment/model.ts';
import { loadEditable, saveEnrolment, touched } from '#shared/enrolment/repository.ts';
import { DOCUMENT_STEP } from '#shared/enrolment/requirements.ts';
import { enrolmentView } from '#shared/enrolment/view.ts';
import { ok } from '#shared/http/handler.ts';
import { draftWriteHandler } from '#shared/http/write-handler.ts';
import { resetStepRoute } from './route.ts';

/** "Réinitialiser": the step's answers and justificatifs go; the files are deleted once the write is done. */
export const handler = draftWriteHandler(resetStepRoute, loadEditable, async ({ params }, enrolment) => {
  const documents = { ...enrolment.documents };
  const removedKeys: string[] = [];
  for (const field of Object.keys(documents) as DocumentField[]) {
    const document = documents[field];
    if (DOCUMENT_STEP[field] !== params.step || !document) continue;
    removedKeys.push(...objectKeysOf(document));
    delete documents[field];
  }
  const next: Enrolment = { ...enrolment, documents };
  delete next[params.step];
  if (params.step === 'applicant') delete next.lookedUpCompany;
  const saved = await saveEnrolment(touched(next, now()));
  await deleteObjects(removedKeys);
  return ok(enrolmentView(saved));
});
