import * as z from 'zod/mini';
import { acceptedSchema, required, TAGS } from '#shared/routes/accounts-common.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const requestPasswordResetRoute = defineRoute({
  id: 'requestPasswordReset',
  method: 'POST',
  path: '/v1/recovery/password',
  access: 'public',
  summary:
    "J'ai oublié mon mot de passe : un lien à usage unique est envoyé par courriel si le compte existe",
  tags: TAGS,
  request: { body: z.strictObject({ identifier: required('Votre identifiant', 100) }) },
  responses: {
    202: { description: 'Même réponse que le compte existe ou non', schema: acceptedSchema },
    ...problemResponses(400, 413, 415, 422, 429),
  },
  permissions: { table: 'readwrite', ses: true },
  idempotency: false,
});
