import * as z from 'zod/mini';
import { checkedDocumentsRead, draftHeaders, draftProblems, tags } from '#shared/routes/enrolment-common.ts';
import { documentFieldSchema, enrolmentIdParams } from '#shared/routes/enrolment-schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const getEnrolmentDocumentRoute = defineRoute({
  id: 'getEnrolmentDocument',
  method: 'GET',
  path: '/v1/enrolments/{id}/documents/{field}',
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
