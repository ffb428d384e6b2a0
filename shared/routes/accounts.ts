import * as z from 'zod/mini';
import { pendingStepsSchema, sessionSchema } from './account-session.ts';
import {
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
 * Account routes: login and logout, first-login steps (password change, secret question); the
 * private home lives in accounts-home.ts, recovery in accounts-recovery.ts. No account route
 * honours an Idempotency-Key: their responses carry secrets (tokens) that must never be stored.
 */

export const logoutRoute = defineRoute({
  id: 'logout',
  method: 'DELETE',
  path: '/v1/sessions/current',
  handler: 'functions/accounts/logout.ts',
  access: 'account',
  summary: 'Se déconnecter : la session en cours est révoquée',
  tags: TAGS,
  responses: { 204: { description: 'Session révoquée' }, ...problemResponses(401) },
  permissions: tableReadWrite,
  allowedBeforePasswordChange: true,
  idempotency: false,
});

export const changePasswordRoute = defineRoute({
  id: 'changePassword',
  method: 'PUT',
  path: '/v1/me/password',
  handler: 'functions/accounts/change-password.ts',
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
    ...passwordPolicyProblem,
  },
  permissions: tableReadWrite,
  allowedBeforePasswordChange: true,
  idempotency: false,
  memoryMb: HASHING_MEMORY_MB,
  reservedConcurrency: HASHING_RESERVED_CONCURRENCY,
});

export const setSecretQuestionRoute = defineRoute({
  id: 'setSecretQuestion',
  method: 'PUT',
  path: '/v1/me/secret-question',
  handler: 'functions/accounts/set-secret-question.ts',
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

export const accountRoutes = [logoutRoute, changePasswordRoute, setSecretQuestionRoute];
