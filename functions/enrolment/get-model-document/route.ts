import * as z from 'zod/mini';
import { tags } from '#shared/routes/enrolment-common.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const getModelDocumentRoute = defineRoute({
  id: 'getModelDocument',
  method: 'GET',
  path: '/v1/model-documents/{model}',
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
