import * as z from 'zod/mini';
import { queuePageSchema, tags } from '#shared/routes/instruction-common.ts';
import { paginationQuery, problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const searchAdminEnrolmentsRoute = defineRoute({
  id: 'searchAdminEnrolments',
  method: 'GET',
  path: '/v1/admin/operators/{siret}/enrolments',
  access: 'instructor',
  summary: "Rechercher les demandes d'enrôlement déposées d'un SIRET (tous statuts, par date de création)",
  tags,
  request: {
    params: z.strictObject({
      siret: z.string().check(z.regex(/^\d{14}$/, { error: 'Le SIRET comporte 14 chiffres.' })),
    }),
    query: z.strictObject(paginationQuery()),
  },
  responses: {
    200: {
      description: 'Une page de demandes de ce SIRET, et le curseur de la suivante',
      schema: queuePageSchema(),
    },
    ...problemResponses(400, 401, 403, 422),
  },
  permissions: { table: 'read' },
});
