import * as z from 'zod/mini';
import { acceptedSchema, TAGS } from '#shared/routes/accounts-common.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

/** Recovery of a lost identifier (public): the identifier is sent to the account's email. */
export const recoverIdentifierRoute = defineRoute({
  id: 'recoverIdentifier',
  method: 'POST',
  path: '/v1/recovery/identifier',
  access: 'public',
  summary: "J'ai oublié mon identifiant : l'identifiant est envoyé par courriel si un compte existe",
  tags: TAGS,
  request: {
    body: z.strictObject({
      email: z.email({
        error: 'Le champ « Adresse électronique » doit contenir une adresse électronique valide.',
      }),
    }),
  },
  responses: {
    202: { description: 'Même réponse que le compte existe ou non', schema: acceptedSchema },
    ...problemResponses(400, 413, 415, 422, 429),
  },
  permissions: { table: 'readwrite', ses: true },
  idempotency: false,
});
