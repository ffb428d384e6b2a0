import * as z from 'zod/mini';
import { ENROLMENT_STATUSES } from '../enrolment/status.ts';
import { TAGS } from './accounts-common.ts';
import { paginationQuery, problemResponses } from './schemas.ts';
import { defineRoute } from './types.ts';

/** The private home of a logged-in account: who it is, and the tracking of its enrolments. */
const nullableString = z.nullable(z.string());

export const meRoute = defineRoute({
  id: 'getMe',
  method: 'GET',
  path: '/v1/me',
  handler: 'functions/accounts/me.ts',
  access: 'account',
  summary:
    'Mon compte : identifiant, profil et, pour un opérateur, son identité (SIRET, dénomination, n° ANS)',
  tags: TAGS,
  responses: {
    200: {
      description: 'Le compte connecté',
      schema: z.strictObject({
        account: z.strictObject({
          id: z.string(),
          identifier: z.string(),
          role: z.enum(['operator', 'instructor']),
          email: z.string(),
          secretQuestion: nullableString,
          passwordChangeRequired: z.boolean(),
          createdAt: z.string(),
          lastLoginAt: nullableString,
        }),
        operator: z.nullable(
          z.strictObject({
            siret: z.string(),
            denominationSociale: nullableString,
            nomCommercial: nullableString,
            referencingNumber: nullableString,
            solutionName: nullableString,
          }),
        ),
      }),
    },
    ...problemResponses(401, 403),
  },
  permissions: { table: 'read' },
});

export const myEnrolmentsRoute = defineRoute({
  id: 'listMyEnrolments',
  method: 'GET',
  path: '/v1/me/enrolments',
  handler: 'functions/accounts/my-enrolments.ts',
  access: 'operator',
  summary: "Suivi des demandes d'enrôlement : numéro, dates et statut des demandes de l'opérateur",
  tags: TAGS,
  request: { query: z.strictObject(paginationQuery) },
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

export const homeRoutes = [meRoute, myEnrolmentsRoute];
