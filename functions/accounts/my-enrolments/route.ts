import * as z from 'zod/mini';
import { ENROLMENT_STATUSES } from '#shared/enrolment/status.ts';
import { TAGS } from '#shared/routes/accounts-common.ts';
import { paginationQuery, problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

const nullableString = z.nullable(z.string());

export const myEnrolmentsRoute = defineRoute({
  id: 'listMyEnrolments',
  method: 'GET',
  path: '/v1/me/enrolments',
  access: 'operator',
  summary: "Suivi des demandes d'enrôlement : numéro, dates et statut des demandes de l'opérateur",
  tags: TAGS,
  request: { query: z.strictObject(paginationQuery()) },
  responses: {
    200: {
      description: "Les demandes d'enrôlement déposées par l'opérateur (SIRET du compte)",
      schema: z.strictObject({
        items: z.array(
          z.strictObject({
            id: z.string(),
            number: nullableString,
            status: z.enum(ENROLMENT_STATUSES),
            statusLabel: z.string(),
            createdAt: z.string(),
            submittedAt: nullableString,
            updatedAt: z.string(),
          }),
        ),
        cursor: z.optional(z.string()),
      }),
    },
    ...problemResponses(400, 401, 403, 422),
  },
  permissions: { table: 'read' },
});
