import * as z from 'zod/mini';
import {
  checkedDocumentsRead,
  documentsBucket,
  draftHeaders,
  draftProblems,
  table,
  tags,
} from './enrolment-common.ts';
import { documentFieldSchema, enrolmentIdParams, uploadRequestInput } from './enrolment-schemas.ts';
import { problemResponses } from './schemas.ts';
import { defineRoute } from './types.ts';

/**
 * Justificatifs of the enrolment request: presigned upload, short-lived download, and the model
 * documents (mandat, contrat de prestation). Apart from enrolment.ts so each Lambda bundles less.
 */
export const requestDocumentUploadRoute = defineRoute({
  id: 'requestDocumentUpload',
  method: 'POST',
  path: '/v1/enrolments/{id}/documents',
  handler: 'functions/enrolment/request-document-upload.ts',
  access: 'draft',
  summary: "Déposer un justificatif : formulaire d'envoi direct vers le stockage (POST présigné, 5 minutes)",
  tags,
  request: { params: enrolmentIdParams, body: uploadRequestInput, headers: draftHeaders },
  responses: {
    201: {
      description: 'URL et champs du formulaire multipart à envoyer, le fichier en dernier champ « file »',
      schema: z.strictObject({
        field: z.string(),
        url: z.string(),
        fields: z.record(z.string(), z.string()),
        expiresAt: z.string(),
      }),
    },
    ...draftProblems,
  },
  permissions: { table, bucket: documentsBucket },
});

export const getEnrolmentDocumentRoute = defineRoute({
  id: 'getEnrolmentDocument',
  method: 'GET',
  path: '/v1/enrolments/{id}/documents/{field}',
  handler: 'functions/enrolment/get-enrolment-document.ts',
  access: 'draft',
  summary: 'Télécharger un justificatif vérifié (lien valable 1 minute)',
  tags,
  request: {
    params: z.strictObject({ id: enrolmentIdParams.shape.id, field: documentFieldSchema }),
    headers: draftHeaders,
  },
  responses: {
    200: {
      description: 'Lien de téléchargement temporaire',
      schema: z.strictObject({ url: z.string(), expiresAt: z.string(), fileName: z.string() }),
    },
    ...draftProblems,
  },
  permissions: { table: 'read', bucket: checkedDocumentsRead },
});

export const getModelDocumentRoute = defineRoute({
  id: 'getModelDocument',
  method: 'GET',
  path: '/v1/model-documents/{model}',
  handler: 'functions/enrolment/get-model-document.ts',
  access: 'public',
  summary: 'Télécharger le modèle de mandat ou de contrat de prestation (PDF)',
  tags,
  request: {
    params: z.strictObject({
      model: z.enum(['mandat', 'contrat-prestation'], {
        error: 'Le modèle doit être « mandat » ou « contrat-prestation ».',
      }),
    }),
  },
  responses: {
    200: { description: 'Le modèle, en PDF', mediaType: 'application/pdf' },
    ...problemResponses(404, 422),
  },
});

export const enrolmentDocumentRoutes = [
  requestDocumentUploadRoute,
  getEnrolmentDocumentRoute,
  getModelDocumentRoute,
];
