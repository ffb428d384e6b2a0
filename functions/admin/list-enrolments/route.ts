import * as z from 'zod/mini';
import { ENROLMENT_STATUS_LABELS, INSTRUCTED_STATUSES } from '#shared/enrolment/status.ts';
import { queuePageSchema, tags } from '#shared/routes/instruction-common.ts';
import { paginationQuery, problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

const statusList = INSTRUCTED_STATUSES.map((status) => `${status} (${ENROLMENT_STATUS_LABELS[status]})`).join(
  ', ',
);

export const listAdminEnrolmentsRoute = defineRoute({
  id: 'listAdminEnrolments',
  method: 'GET',
  path: '/v1/admin/enrolments',
  access: 'instructor',
  summary: "Lister les demandes d'enrôlement d'un statut, par date de dépôt",
  tags,
  request: {
    query: z.strictObject({
      status: z._default(
        z.enum(INSTRUCTED_STATUSES, { error: `Le « Statut » doit valoir l'un de : ${statusList}.` }),
        'DEPOSEE',
      ),
      order: z._default(
        z.enum(['asc', 'desc'], {
          error: 'L’« Ordre » doit valoir asc (plus anciennes d’abord) ou desc.',
        }),
        'asc',
      ),
      ...paginationQuery(),
    }),
  },
  responses: {
    200: {
      description: 'Une page de demandes, et le curseur de la suivante',
      schema: queuePageSchema(),
    },
    ...problemResponses(400, 401, 403, 422),
  },
  permissions: { table: 'read' },
});
