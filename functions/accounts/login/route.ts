import * as z from 'zod/mini';
import { sessionSchema } from '#shared/routes/account-session.ts';
import {
  HASHING_MEMORY_MB,
  HASHING_RESERVED_CONCURRENCY,
  passwordField,
  required,
  TAGS,
  tableReadWrite,
} from '#shared/routes/accounts-common.ts';
import { captchaAnswer } from '#shared/routes/captcha-answer.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const loginRoute = defineRoute({
  id: 'login',
  method: 'POST',
  path: '/v1/sessions',
  access: 'public',
  summary: 'Se connecter (identifiant et mot de passe) : ouvre une session',
  tags: TAGS,
  request: {
    body: z.strictObject({
      identifier: required('Votre identifiant', 100),
      password: passwordField('Votre mot de passe'),
      /** Required once the caller's address is over its failure limit (429 captcha_required). */
      captcha: z.optional(captchaAnswer),
    }),
  },
  responses: {
    201: {
      description: 'Session ouverte ; le jeton se passe en en-tête Authorization: Bearer',
      schema: z.strictObject({ ...sessionSchema.shape, role: z.enum(['operator', 'instructor']) }),
    },
    ...problemResponses(400, 401, 409, 413, 415, 422, 423, 429),
  },
  permissions: tableReadWrite,
  adapters: ['captcha'],
  idempotency: false,
  memoryMb: HASHING_MEMORY_MB,
  reservedConcurrency: HASHING_RESERVED_CONCURRENCY,
});
