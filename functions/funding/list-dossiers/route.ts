import * as z from 'zod/mini';
import { dossierListSchema, dossierStatusQuery } from '#shared/funding/admin-schemas.ts';
import { paginationQuery, problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const listDossiersRoute = defineRoute({
  id: 'listDossiers',
  method: 'GET',
  path: '/v1/admin/dossiers',
  access: 'instructor',
  summary: 'Dossiers de financement par statut (instruction ASP)',
  tags: ['Instruction'],
  request: { query: z.strictObject({ ...dossierStatusQuery, ...paginationQuery }) },
  responses: {
    200: { description: 'Une page de dossiers', schema: dossierListSchema },
    ...problemResponses(400, 401, 403, 422),
  },
  permissions: { table: 'read' },
});
