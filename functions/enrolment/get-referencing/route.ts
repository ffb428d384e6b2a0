import * as z from 'zod/mini';
import { tags } from '#shared/routes/enrolment-common.ts';
import { dsrView, referencingNumber } from '#shared/routes/enrolment-schemas.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const getReferencingRoute = defineRoute({
  id: 'getReferencing',
  method: 'GET',
  path: '/v1/referencings/{number}',
  access: 'public',
  summary: 'Rechercher un N° unique de référencement (ANS) : DSR concerné',
  tags,
  request: { params: z.strictObject({ number: referencingNumber }) },
  responses: {
    200: {
      description: 'La solution référencée (MSS)',
      schema: z.strictObject({
        number: z.string(),
        dsr: dsrView,
        solutionName: z.string(),
        developerSiret: z.string(),
        developerName: z.string(),
      }),
    },
    ...problemResponses(404, 422),
  },
  permissions: { table: 'read' },
});
