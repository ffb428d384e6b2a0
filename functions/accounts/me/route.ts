import * as z from 'zod/mini';
import { TAGS } from '#shared/routes/accounts-common.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

const nullableString = z.nullable(z.string());

export const meRoute = defineRoute({
  id: 'getMe',
  method: 'GET',
  path: '/v1/me',
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
