import * as z from 'zod/mini';
import {
  acceptedSchema,
  HASHING_MEMORY_MB,
  HASHING_RESERVED_CONCURRENCY,
  passwordField,
  passwordPolicyProblem,
  required,
  TAGS,
  tableReadWrite,
} from './accounts-common.ts';
import { problemResponses } from './schemas.ts';
import { defineRoute } from './types.ts';

/**
 * Recovery of a lost identifier or password (public routes). A module of its own so that the
 * logged-in account Lambdas do not bundle these routes.
 */
export const recoverIdentifierRoute = defineRoute({
  id: 'recoverIdentifier',
  method: 'POST',
  path: '/v1/recovery/identifier',
  handler: 'functions/accounts/recover-identifier.ts',
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

export const requestPasswordResetRoute = defineRoute({
  id: 'requestPasswordReset',
  method: 'POST',
  path: '/v1/recovery/password',
  handler: 'functions/accounts/request-password-reset.ts',
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

const resetToken = z
  .string({ error: 'Le lien de réinitialisation est incomplet.' })
  .check(z.regex(/^[A-Za-z0-9_-]{20,128}$/, { error: 'Le lien de réinitialisation est invalide.' }));

export const resetQuestionRoute = defineRoute({
  id: 'getResetQuestion',
  method: 'POST',
  path: '/v1/recovery/password/question',
  handler: 'functions/accounts/reset-question.ts',
  access: 'public',
  summary: 'Question secrète à afficher avec le formulaire de réinitialisation (jeton reçu par courriel)',
  tags: TAGS,
  request: { body: z.strictObject({ token: resetToken }) },
  responses: {
    200: {
      description: 'La question secrète (null si pas encore définie)',
      schema: z.strictObject({ secretQuestion: z.nullable(z.string()) }),
    },
    ...problemResponses(400, 410, 413, 415, 422),
  },
  permissions: { table: 'read' },
  idempotency: false,
});

export const resetPasswordRoute = defineRoute({
  id: 'resetPassword',
  method: 'POST',
  path: '/v1/recovery/password/reset',
  handler: 'functions/accounts/reset-password.ts',
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
    ...passwordPolicyProblem,
  },
  permissions: tableReadWrite,
  idempotency: false,
  memoryMb: HASHING_MEMORY_MB,
  reservedConcurrency: HASHING_RESERVED_CONCURRENCY,
});

export const recoveryRoutes = [
  recoverIdentifierRoute,
  requestPasswordResetRoute,
  resetQuestionRoute,
  resetPasswordRoute,
];
