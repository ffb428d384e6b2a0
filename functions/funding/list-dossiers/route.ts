import * as z from 'zod/mini';
import { DOSSIER_STATUSES } from '#shared/funding/dossier-model.ts';
import { amountSchema } from '#shared/funding/schemas.ts';
import { paginationQuery, problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

const dossierStatusQuery = {
  status: z.enum(DOSSIER_STATUSES, {
    error: `Le « Statut » doit valoir l'une des valeurs suivantes : ${DOSSIER_STATUSES.join(', ')}.`,
  }),
};

const dossierListSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      number: z.string(),
      status: z.enum(DOSSIER_STATUSES),
      statusLabel: z.string(),
      siret: z.string(),
      denominationSociale: z.string(),
      referencingNumber: z.string(),
      depositedAt: z.string(),
      decidedAmount: amountSchema,
    }),
  ),
  cursor: z.optional(z.string()),
});

export const listDossiersRoute = defineRoute({
  id: 'listDossiers',
  method: 'GET',
  path: '/v1/admin/dossiers',
  access: 'instructor',
  summary: 'Dossiers de financement par statut (instruction ASP)',
  tags: ['Instruction'],
  request: { query: z.strictObject({ ...dossierStatusQuery, ...paginationQuery() }) },
  responses: {
    200: { description: 'Une page de dossiers', schema: dossierListSchema },
    ...problemResponses(400, 401, 403, 422),
  },
  permissions: { table: 'read' },
});
