import { presignDownload } from '#shared/enrolment/document-download.ts';
import { DOCUMENT_FIELDS, isChecked } from '#shared/enrolment/model.ts';
import { loadWithDraftToken } from '#shared/enrolment/repository.ts';
import { draftHandler } from '#shared/http/draft-handler.ts';
import { ok } from '#shared/http/handler.ts';
import { conflict, notFound } from '#shared/http/problem.ts';
import { getEnrolmentDocumentRoute } from './route.ts';

export const handler = draftHandler(
  getEnrolmentDocumentRoute,
  loadWithDraftToken,
  async ({ params }, enrolment) => {
    const document = enrolment.documents[params.field];
    if (!document) {
      throw notFound(
        'document_not_found',
        `Aucun fichier « ${DOCUMENT_FIELDS[params.field]} » n'a été déposé.`,
      );
    }
    // Only checked bytes are served: an upload not yet checked may still be replaced by its form.
    if (!isChecked(document)) {
      throw conflict(
        'document_not_checked',
        `Le fichier « ${DOCUMENT_FIELDS[params.field]} » n'a pas encore été vérifié : enregistrez son étape.`,
      );
    }
    return ok({ ...(await presignDownload(document)), fileName: document.fileName });
  },
);
