import * as z from 'zod/mini';
import { pendingStepsSchema } from '#shared/routes/account-session.ts';
import {
  HASHING_MEMORY_MB,
  HASHING_RESERVED_CONCURRENCY,
  passwordField,
  required,
  TAGS,
  tableReadWrite,
} from '#shared/routes/accounts-common.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const setSecretQuestionRoute = defineRoute({
  id: 'setSecretQuestion',
  method: 'PUT',
  path: '/v1/me/secret-question',
  access: 'account',
  summary: 'Positionnement de la question secrète (le mot de passe est demandé pour la changer ensuite)',
  tags: TAGS,
  request: {
    body: z.strictObject({
      question: z
        .string({ error: 'Le champ « Entrez la question secrète » est obligatoire.' })
        .check(
          z.trim(),
          z.minLength(5, { error: 'La question secrète doit comporter au moins 5 caractères.' }),
          z.maxLength(200, { error: 'La question secrète comporte 200 caractères au maximum.' }),
        ),
      answer: required('Entrez la réponse'),
      currentPassword: z.optional(passwordField('Votre mot de passe')),
    }),
  },
  responses: {
    200: {
      description: 'Question secrète enregistrée',
      schema: z.strictObject({ passwordChangeRequired: z.boolean(), pendingSteps: pendingStepsSchema }),
    },
    ...problemResponses(400, 401, 409, 413, 415, 422, 423, 429),
  },
  permissions: tableReadWrite,
  allowedBeforePasswordChange: true,
  idempotency: false,
  memoryMb: HASHING_MEMORY_MB,
  reservedConcurrency: HASHING_RESERVED_CONCURRENCY,
});
