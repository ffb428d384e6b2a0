import * as z from 'zod/mini';
import {
  documentsBucket,
  draftHeaders,
  draftProblems,
  enrolmentResponse,
  table,
  tags,
} from './enrolment-common.ts';
import {
  createdDraftView,
  dsrView,
  enrolmentIdParams,
  referencingNumber,
  submitInput,
} from './enrolment-schemas.ts';
import { problemResponses } from './schemas.ts';
import { defineRoute } from './types.ts';

/** The public enrolment request (guide section 1): captcha, lookups, draft, submission (steps: enrolment-steps.ts). */

export const createCaptchaRoute = defineRoute({
  id: 'createCaptcha',
  method: 'POST',
  path: '/v1/captchas',
  handler: 'functions/enrolment/create-captcha.ts',
  access: 'public',
  summary: 'Nouveau code captcha (image, à usage unique, valable 2 minutes)',
  tags,
  responses: {
    201: {
      description: 'Le captcha à afficher',
      schema: z.strictObject({ id: z.string(), image: z.string(), expiresInSeconds: z.number() }),
    },
    ...problemResponses(400, 503),
  },
  permissions: { table },
  idempotency: false,
});

export const getCaptchaAudioRoute = defineRoute({
  id: 'getCaptchaAudio',
  method: 'GET',
  path: '/v1/captchas/{captchaId}/audio',
  handler: 'functions/enrolment/get-captcha-audio.ts',
  access: 'public',
  summary: 'Écouter le code captcha (alternative audio à l’image, RGAA) : WAV, sans consommer le captcha',
  tags,
  request: {
    params: z.strictObject({
      captchaId: z
        .string()
        .check(z.regex(/^[A-Za-z0-9-]{1,100}$/, { error: 'Identifiant de captcha invalide.' })),
    }),
  },
  responses: {
    200: { description: 'Le code épelé, en WAV', mediaType: 'audio/wav' },
    ...problemResponses(404, 422, 503),
  },
  permissions: { table: 'read' },
});

export const getReferencingRoute = defineRoute({
  id: 'getReferencing',
  method: 'GET',
  path: '/v1/referencings/{number}',
  handler: 'functions/enrolment/get-referencing.ts',
  access: 'public',
  summary: 'Rechercher un N° unique de référencement (ANS) : DSR concerné',
  tags,
  request: { params: z.strictObject({ number: referencingNumber }) },
  responses: {
    200: {
      description: 'La solution référencée (MSS)',
      schema: z.strictObject({
        number: z.string(),
        dsr: dsrView,
        solutionName: z.string(),
        developerSiret: z.string(),
        developerName: z.string(),
      }),
    },
    ...problemResponses(404, 422),
  },
  permissions: { table: 'read' },
});

export const createEnrolmentRoute = defineRoute({
  id: 'createEnrolment',
  method: 'POST',
  path: '/v1/enrolments',
  handler: 'functions/enrolment/create-enrolment.ts',
  access: 'public',
  summary: "Commencer une demande d'enrôlement (brouillon) à partir du N° de référencement ANS",
  tags,
  request: { body: z.strictObject({ referencingNumber }) },
  responses: {
    201: { description: 'Le brouillon et son jeton', schema: createdDraftView },
    ...draftProblems,
  },
  permissions: { table },
});

export const getEnrolmentRoute = defineRoute({
  id: 'getEnrolment',
  method: 'GET',
  path: '/v1/enrolments/{id}',
  handler: 'functions/enrolment/get-enrolment.ts',
  access: 'draft',
  summary: 'Reprendre une demande : réponses, justificatifs, étapes complètes et manquantes (récapitulatif)',
  tags,
  request: { params: enrolmentIdParams, headers: draftHeaders },
  responses: { 200: enrolmentResponse, ...draftProblems },
  permissions: { table: 'read' },
});

export const deleteEnrolmentRoute = defineRoute({
  id: 'deleteEnrolment',
  method: 'DELETE',
  path: '/v1/enrolments/{id}',
  handler: 'functions/enrolment/delete-enrolment.ts',
  access: 'draft',
  summary: 'Quitter sans enregistrer : supprime le brouillon et ses fichiers',
  tags,
  request: { params: enrolmentIdParams, headers: draftHeaders },
  responses: { 204: { description: 'Brouillon supprimé' }, ...draftProblems },
  permissions: { table, bucket: documentsBucket },
});

export const submitEnrolmentRoute = defineRoute({
  id: 'submitEnrolment',
  method: 'POST',
  path: '/v1/enrolments/{id}/submit',
  handler: 'functions/enrolment/submit-enrolment.ts',
  access: 'draft',
  summary: 'Étape 5 — Terminer : captcha, CGU, article 441-7, sincérité → numéro de demande ENR…',
  tags,
  request: { params: enrolmentIdParams, body: submitInput, headers: draftHeaders },
  responses: { 200: enrolmentResponse, ...draftProblems },
  permissions: { table, bucket: documentsBucket, workflows: ['enrolmentSubmitted'] },
});

export const enrolmentRoutes = [
  createCaptchaRoute,
  getCaptchaAudioRoute,
  getReferencingRoute,
  createEnrolmentRoute,
  getEnrolmentRoute,
  deleteEnrolmentRoute,
  submitEnrolmentRoute,
];
