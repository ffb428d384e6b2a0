import * as z from 'zod/mini';
import { ENROLMENT_STATUS_LABELS, INSTRUCTED_STATUSES } from '../enrolment/status.ts';
import { queueEntry } from './admin-queue-entry.ts';
import { paginationQuery, problemResponses } from './schemas.ts';
import { defineRoute } from './types.ts';

/**
 * The instructors' lists of enrolment requests, apart from the request's file and decisions
 * (admin-enrolments.ts) so that the list functions bundle neither the enrolment view nor the
 * decision schemas.
 */
const tags = ["Instruction des demandes d'enrôlement"];

const statusList = INSTRUCTED_STATUSES.map((status) => `${status} (${ENROLMENT_STATUS_LABELS[status]})`).join(
  ', ',
);

export const listAdminEnrolmentsRoute = defineRoute({
  id: 'listAdminEnrolments',
  method: 'GET',
  path: '/v1/admin/enrolments',
  handler: 'functions/admin/list-enrolments.ts',
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
      ...paginationQuery,
    }),
  },
  responses: {
    200: {
      description: 'Une page de demandes, et le curseur de la suivante',
      schema: z.strictObject({ items: z.array(queueEntry), cursor: z.optional(z.string()) }),
    },
    ...problemResponses(400, 401, 403, 422),
  },
  permissions: { table: 'read' },
});

export const searchAdminEnrolmentsRoute = defineRoute({
  id: 'searchAdminEnrolments',
  method: 'GET',
  path: '/v1/admin/operators/{siret}/enrolments',
  handler: 'functions/admin/search-enrolments.ts',
  access: 'instructor',
  summary: "Rechercher les demandes d'enrôlement déposées d'un SIRET (tous statuts, par date de création)",
  tags,
  request: {
    params: z.strictObject({
      siret: z.string().check(z.regex(/^\d{14}$/, { error: 'Le SIRET comporte 14 chiffres.' })),
    }),
    query: z.strictObject(paginationQuery),
  },
  responses: {
    200: {
      description: 'Une page de demandes de ce SIRET, et le curseur de la suivante',
      schema: z.strictObject({ items: z.array(queueEntry), cursor: z.optional(z.string()) }),
    },
    ...problemResponses(400, 401, 403, 422),
  },
  permissions: { table: 'read' },
});

export const adminEnrolmentListRoutes = [listAdminEnrolmentsRoute, searchAdminEnrolmentsRoute];
