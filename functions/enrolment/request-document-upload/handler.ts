import { now, nowIso } from '#shared/clock.ts';
import {
  deleteObjects,
  objectKeysOf,
  presignUpload,
  UPLOAD_EXPIRY_SECONDS,
} from '#shared/enrolment/documents.ts';
import { fileNameMatchesType } from '#shared/enrolment/file-rules.ts';
import type { StoredDocument } from '#shared/enrolment/model.ts';
import { loadEditable, saveEnrolment, touched } from '#shared/enrolment/repository.ts';
import { created } from '#shared/http/handler.ts';
import { invalidField } from '#shared/http/problem.ts';
import { draftWriteHandler } from '#shared/http/write-handler.ts';
import { requestDocumentUploadRoute } from './route.ts';

/**
 * A presigned POST for one justificatif, under a key the server chooses in this draft's
 * prefix. The document is recorded as PENDING; it is verified when its step (or the request) is
 * saved. A replaced document's objects (upload, checked copy) are deleted once the new one is recorded.
 */
export const handler = draftWriteHandler(
  requestDocumentUploadRoute,
  loadEditable,
  async ({ body }, enrolment) => {
    if (!fileNameMatchesType(body.fileName, body.contentType)) {
      throw invalidField(
        'body.fileName',
        'Fichier de type .png, .jpg, .jpeg ou .pdf attendu, conforme au type déclaré.',
      );
    }
    const upload = await presignUpload(enrolment.id, body.field, body.contentType);
    const previous = enrolment.documents[body.field];
    const document: StoredDocument = {
      field: body.field,
      key: upload.key,
      fileName: body.fileName,
      contentType: body.contentType,
      status: 'PENDING',
      uploadedAt: nowIso(),
    };
    await saveEnrolment(
      touched({ ...enrolment, documents: { ...enrolment.documents, [body.field]: document } }, now()),
    );
    await deleteObjects(objectKeysOf(previous));
    return created(
      {
        field: body.field,
        url: upload.url,
        fields: upload.fields,
        expiresAt: new Date(Date.now() + UPLOAD_EXPIRY_SECONDS * 1000).toISOString(),
      },
      `/v1/enrolments/${enrolment.id}/documents/${body.field}`,
    );
  },
);
