import * as z from 'zod/mini';
import { ENROLMENT_STATUSES } from '../enrolment/status.ts';
import { paginationQuery, problemResponses } from './schemas.ts';
import { defineRoute } from './types.ts';

/**
 * Account routes: login and logout, first-login steps (password change, secret question),
 * recovery of a lost identifier or password, and the private home. None honours an
 * Idempotency-Key: their responses carry secrets (tokens) that must never be stored.
 */
const TAGS = ['Compte'];
const required = (label: string, max = 200) =>
  z
    .string({ error: `Le champ « ${label} » est obligatoire.` })
    .check(
      z.minLength(1, { error: `Le champ « ${label} » est obligatoire.` }),
      z.maxLength(max, { error: `Le champ « ${label} » comporte ${max} caractères au maximum.` }),
    );
/** Longer than the policy's maximum so that the policy, not the schema, names the rule. */
const passwordField = (label: string) => required(label, 1024);

/** First-login steps still to do: change the temporary password, set the secret question. */
const pendingStepsSchema = z.array(z.enum(['password', 'secretQuestion']));
const sessionSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  passwordChangeRequired: z.boolean(),
  pendingSteps: pendingStepsSchema,
});
const acceptedSchema = z.object({ message: z.string() });
const tableReadWrite = { table: 'readwrite' } as const;
/** scrypt N = 2^17 needs 128 MiB; more memory also means more CPU, hence a faster hash. */
const HASHING_MEMORY_MB = 1024;

export const loginRoute = defineRoute({
  id: 'login',
  method: 'POST',
  path: '/v1/sessions',
  handler: 'functions/accounts/login.ts',
  access: 'public',
  summary: 'Se connecter (identifiant et mot de passe) : ouvre une session',
  tags: TAGS,
  request: {
    body: z.strictObject({
      identifier: required('Votre identifiant', 100),
      password: passwordField('Votre mot de passe'),
    }),
  },
  responses: {
    201: {
      description: 'Session ouverte ; le jeton se passe en en-tête Authorization: Bearer',
      schema: z.object({ ...sessionSchema.shape, role: z.enum(['operator', 'instructor']) }),
    },
    ...problemResponses(400, 401, 409, 413, 415, 422, 423, 429),
  },
  permissions: tableReadWrite,
  idempotency: false,
  memoryMb: HASHING_MEMORY_MB,
});

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
    ...problemResponses(400, 401, 409, 413, 415, 422, 423, 429),
  },
  permissions: tableReadWrite,
  allowedBeforePasswordChange: true,
  idempotency: false,
  memoryMb: HASHING_MEMORY_MB,
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
      schema: z.object({ passwordChangeRequired: z.boolean(), pendingSteps: pendingStepsSchema }),
    },
    ...problemResponses(400, 401, 409, 413, 415, 422, 423, 429),
  },
  permissions: tableReadWrite,
  allowedBeforePasswordChange: true,
  idempotency: false,
  memoryMb: HASHING_MEMORY_MB,
});

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
      schema: z.object({ secretQuestion: z.nullable(z.string()) }),
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
    ...problemResponses(400, 409, 410, 413, 415, 422, 429),
  },
  permissions: tableReadWrite,
  idempotency: false,
  memoryMb: HASHING_MEMORY_MB,
});

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
      schema: z.object({
        account: z.object({
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
          z.object({
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
      schema: z.object({
        items: z.array(
          z.object({
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

export const accountRoutes = [
  loginRoute,
  logoutRoute,
  changePasswordRoute,
  setSecretQuestionRoute,
  recoverIdentifierRoute,
  requestPasswordResetRoute,
  resetQuestionRoute,
  resetPasswordRoute,
  meRoute,
  myEnrolmentsRoute,
];

/** What the Lambda authorizer touches: it reads sessions and renews their idle expiry. */
export const authorizerPermissions = { table: 'readwrite' } as const;
