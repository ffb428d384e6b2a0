import * as z from 'zod/mini';
import {
  HASHING_MEMORY_MB,
  HASHING_RESERVED_CONCURRENCY,
  passwordField,
  passwordPolicyProblem,
  required,
  TAGS,
  tableReadWrite,
} from '#shared/routes/accounts-common.ts';
import { resetToken } from '#shared/routes/reset-token.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const resetPasswordRoute = defineRoute({
  id: 'resetPassword',
  method: 'POST',
  path: '/v1/recovery/password/reset',
  access: 'public',
  summary:
    'Réinitialiser le mot de passe : réponse à la question secrète et nouveau mot de passe ; toutes les sessions sont révoquées',
  tags: TAGS,
  request: {
    body: z.strictObject({
      token: resetToken,
      secretAnswer: z.optional(required('Entrez la réponse')),
      newPassword: passwordField('Le nouveau mot de passe'),
      confirmation: passwordField('Confirmez le nouveau mot de passe'),
    }),
  },
  responses: {
    204: { description: 'Mot de passe réinitialisé' },
    ...problemResponses(400, 409, 410, 413, 415, 429),
    ...passwordPolicyProblem(),
  },
  permissions: tableReadWrite,
  idempotency: false,
  memoryMb: HASHING_MEMORY_MB,
  reservedConcurrency: HASHING_RESERVED_CONCURRENCY,
});
