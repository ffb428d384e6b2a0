import { dossierSchema } from '#shared/funding/dossier-view.ts';
import { dossierNumberParams } from '#shared/funding/schemas.ts';
import { TAGS } from '#shared/routes/funding-common.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const getDossierRoute = defineRoute({
  id: 'getDossier',
  method: 'GET',
  path: '/v1/funding/dossiers/{number}',
  access: 'account',
  summary:
    'Dossier de financement : récapitulatif, information de la demande, pièces justificatives, courriels automatiques envoyés, paiement',
  tags: TAGS,
  request: { params: dossierNumberParams },
  responses: {
    200: { description: 'Le dossier', schema: dossierSchema },
    ...problemResponses(404, 503),
  },
  permissions: { table: 'read', bucket: { prefixes: ['dossiers/'], access: 'read' } },
});
