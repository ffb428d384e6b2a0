import { releaseActiveEnrolment } from '#shared/enrolment/active-guard.ts';
import { deleteObjects, objectKeysOf } from '#shared/enrolment/documents.ts';
import { deleteEnrolment, loadWithDraftToken } from '#shared/enrolment/repository.ts';
import { noContent } from '#shared/http/handler.ts';
import { ProblemError } from '#shared/http/problem.ts';
import { draftWriteHandler } from '#shared/http/write-handler.ts';
import { deleteEnrolmentRoute } from './route.ts';

/** "Quitter sans enregistrer": only a never-submitted draft can go, with its uploaded files. */
export const handler = draftWriteHandler(
  deleteEnrolmentRoute,
  loadWithDraftToken,
  async (_input, enrolment) => {
    if (enrolment.status !== 'BROUILLON') {
      throw new ProblemError(
        409,
        'enrolment_not_deletable',
        "Cette demande d'enrôlement a déjà été déposée : elle ne peut pas être supprimée.",
      );
    }
    await deleteObjects(Object.values(enrolment.documents).flatMap(objectKeysOf));
    await deleteEnrolment(enrolment.id);
    // A submission that failed after claiming its guard leaves it held by this draft: free it.
    await releaseActiveEnrolment(enrolment);
    return noContent();
  },
);
