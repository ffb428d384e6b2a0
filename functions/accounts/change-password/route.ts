import * as z from 'zod/mini';
import { sessionSchema } from '#shared/routes/account-session.ts';
import {
  HASHING_MEMORY_MB,
  HASHING_RESERVED_CONCURRENCY,
  passwordField,
  passwordPolicyProblem,
  TAGS,
  tableReadWrite,
} from '#shared/routes/accounts-common.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const changePasswordRoute = defineRoute({
  id: 'changePassword',
  method: 'PUT',
  path: '/v1/me/password',
  access: 'account',
  summary:
    'Changement du mot de passe (obligatoire à la première connexion) ; toutes les sessions sont révoquées',
  tags: TAGS,
  request: {
    body: z.strictObject({
      currentPassword: passwordField("L'ancien mot de passe"),
      newPassword: passwordField('Le nouveau mot de passe'),
      confirmation: passwordField('Confirmez le nouveau mot de passe'),
    }),
  },
  responses: {
    200: { description: 'Mot de passe changé ; nouvelle session', schema: sessionSchema },
    ...problemResponses(400, 401, 409, 413, 415, 423, 429),
    ...passwordPolicyProblem(),
  },
  permissions: tableReadWrite,
  allowedBeforePasswordChange: true,
  idempotency: false,
  memoryMb: HASHING_MEMORY_MB,
  reservedConcurrency: HASHING_RESERVED_CONCURRENCY,
});
