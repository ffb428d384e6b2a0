import { presignDownload } from '../../shared/enrolment/document-download.ts';
import { draftHandler } from '../../shared/enrolment/draft-handler.ts';
import { DOCUMENT_FIELDS } from '../../shared/enrolment/model.ts';
import { loadWithDraftToken } from '../../shared/enrolment/repository.ts';
import { ok } from '../../shared/http/handler.ts';
import { notFound } from '../../shared/http/problem.ts';
import { getEnrolmentDocumentRoute } from '../../shared/routes/enrolment-documents.ts';

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
    return ok({ ...(await presignDownload(document)), fileName: document.fileName });
  },
);
