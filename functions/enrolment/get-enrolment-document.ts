import { presignDownload } from '../../shared/enrolment/document-download.ts';
import { DOCUMENT_FIELDS } from '../../shared/enrolment/model.ts';
import { loadWithDraftToken } from '../../shared/enrolment/repository.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { notFound } from '../../shared/http/problem.ts';
import { getEnrolmentDocumentRoute } from '../../shared/routes/enrolment-documents.ts';

export const handler = httpHandler(getEnrolmentDocumentRoute, async ({ params, headers }) => {
  const enrolment = await loadWithDraftToken(params.id, headers);
  const document = enrolment.documents[params.field];
  if (!document) {
    throw notFound(
      'document_not_found',
      `Aucun fichier « ${DOCUMENT_FIELDS[params.field]} » n'a été déposé.`,
    );
  }
  return ok({ ...(await presignDownload(document)), fileName: document.fileName });
});
