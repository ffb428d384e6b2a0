import * as z from 'zod/mini';
import {
  documentsBucket,
  draftHeaders,
  draftProblems,
  table,
  tags,
} from '#shared/routes/enrolment-common.ts';
import {
  documentContentType,
  documentFieldSchema,
  enrolmentIdParams,
} from '#shared/routes/enrolment-schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

/** Justificatifs of the enrolment request: a presigned upload of one document. */
const uploadRequestInput = z.strictObject({
  field: documentFieldSchema,
  fileName: z
    .string({ error: 'Le nom du fichier est obligatoire.' })
    .check(
      z.minLength(1),
      z.maxLength(200, { error: 'Le nom du fichier doit contenir au plus 200 caractères.' }),
    ),
  contentType: documentContentType,
});

export const requestDocumentUploadRoute = defineRoute({
  id: 'requestDocumentUpload',
  method: 'POST',
  path: '/v1/enrolments/{id}/documents',
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
