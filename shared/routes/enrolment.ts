import * as z from 'zod/mini';
import { STEPS } from '../enrolment/requirements.ts';
import { DRAFT_TOKEN_HEADER } from './access.ts';
import {
  applicantInput,
  bankInput,
  captchaAnswer,
  createdDraftView,
  documentFieldSchema,
  enrolmentIdParams,
  enrolmentView,
  referencingNumber,
  siret,
  submitInput,
  uploadRequestInput,
  vatInput,
} from './enrolment-schemas.ts';
import { problemResponses } from './schemas.ts';
import { defineRoute } from './types.ts';

/** The public enrolment request (guide section 1): captcha, lookups, draft, five steps, submission. */
const tags = ["Demande d'enrôlement"];
const draftHeaders = {
  [DRAFT_TOKEN_HEADER]: { description: 'Jeton du brouillon, remis à sa création', required: true },
};
const table = 'readwrite' as const;
const documentsBucket = { prefixes: ['enrolments/'], access: 'readwrite' as const };
/** Step saves and the submission only read objects (HeadObject, first bytes) to verify them. */
const documentsBucketRead = { prefixes: ['enrolments/'], access: 'read' as const };
const enrolmentResponse = { description: "La demande d'enrôlement", schema: enrolmentView };
const draftProblems = problemResponses(400, 401, 403, 404, 409, 422);

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
      schema: z.object({ id: z.string(), image: z.string(), expiresInSeconds: z.number() }),
    },
    ...problemResponses(400, 503),
  },
  permissions: { table },
  idempotency: false,
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
      schema: z.object({ number: z.string(), dsr: z.object({}) }),
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

const stepRoute = <const Id extends string, const B extends z.ZodMiniType>(
  id: Id,
  step: string,
  summary: string,
  body: B,
) =>
  defineRoute({
    id,
    method: 'PUT',
    path: `/v1/enrolments/{id}/steps/${step}`,
    handler: `functions/enrolment/${id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.ts`,
    access: 'draft',
    summary,
    tags,
    request: { params: enrolmentIdParams, body, headers: draftHeaders },
    responses: { 200: enrolmentResponse, ...draftProblems },
    permissions: { table, bucket: documentsBucketRead },
  });

export const saveReferencingStepRoute = stepRoute(
  'saveReferencingStep',
  'referencing',
  'Étape 1 — Référencement : N° unique de référencement (ANS), DSR rempli par le serveur',
  z.strictObject({ number: referencingNumber }),
);
export const saveApplicantStepRoute = stepRoute(
  'saveApplicantStep',
  'applicant',
  'Étape 2 — Demandeur : établissement, adresse, représentant légal ou tiers déclarant',
  applicantInput,
);
export const saveBankStepRoute = stepRoute(
  'saveBankStep',
  'bank',
  'Étape 3 — Coordonnées bancaires : IBAN, BIC, titulaire, domiciliation',
  bankInput,
);
export const saveVatStepRoute = stepRoute('saveVatStep', 'vat', 'Étape 4 — Taux TVA', vatInput);

export const resetStepRoute = defineRoute({
  id: 'resetEnrolmentStep',
  method: 'DELETE',
  path: '/v1/enrolments/{id}/steps/{step}',
  handler: 'functions/enrolment/reset-step.ts',
  access: 'draft',
  summary: 'Réinitialiser une étape : efface ses réponses et ses justificatifs',
  tags,
  request: {
    params: z.strictObject({
      id: enrolmentIdParams.shape.id,
      step: z.enum(STEPS, { error: `L'étape doit être l'une des suivantes : ${STEPS.join(', ')}.` }),
    }),
    headers: draftHeaders,
  },
  responses: { 200: enrolmentResponse, ...draftProblems },
  permissions: { table, bucket: documentsBucket },
});

export const lookupCompanyRoute = defineRoute({
  id: 'lookupEnrolmentCompany',
  method: 'POST',
  path: '/v1/enrolments/{id}/company-lookup',
  handler: 'functions/enrolment/lookup-company.ts',
  access: 'draft',
  summary: 'Étape 2 — Rechercher : SIRET + captcha → dénomination sociale et adresse (modifiables)',
  tags,
  request: {
    params: enrolmentIdParams,
    body: z.strictObject({ siret, captcha: captchaAnswer }),
    headers: draftHeaders,
  },
  responses: {
    200: {
      description: "L'établissement trouvé",
      schema: z.object({ siret: z.string(), denomination: z.string(), address: z.object({}) }),
    },
    ...draftProblems,
    ...problemResponses(503),
  },
  permissions: { table },
});

export const requestDocumentUploadRoute = defineRoute({
  id: 'requestDocumentUpload',
  method: 'POST',
  path: '/v1/enrolments/{id}/documents',
  handler: 'functions/enrolment/request-document-upload.ts',
  access: 'draft',
  summary: "Déposer un justificatif : formulaire d'envoi direct vers le stockage (POST présigné, 5 minutes)",
  tags,
  request: { params: enrolmentIdParams, body: uploadRequestInput, headers: draftHeaders },
  responses: {
    201: {
      description: 'URL et champs du formulaire multipart à envoyer, le fichier en dernier champ « file »',
      schema: z.object({
        field: z.string(),
        url: z.string(),
        fields: z.record(z.string(), z.string()),
        expiresAt: z.string(),
      }),
    },
    ...draftProblems,
  },
  permissions: { table, bucket: documentsBucket },
});

export const getEnrolmentDocumentRoute = defineRoute({
  id: 'getEnrolmentDocument',
  method: 'GET',
  path: '/v1/enrolments/{id}/documents/{field}',
  handler: 'functions/enrolment/get-enrolment-document.ts',
  access: 'draft',
  summary: 'Télécharger un justificatif déposé (lien valable 1 minute)',
  tags,
  request: {
    params: z.strictObject({ id: enrolmentIdParams.shape.id, field: documentFieldSchema }),
    headers: draftHeaders,
  },
  responses: {
    200: {
      description: 'Lien de téléchargement temporaire',
      schema: z.object({ url: z.string(), expiresAt: z.string(), fileName: z.string() }),
    },
    ...draftProblems,
  },
  permissions: { table: 'read', bucket: documentsBucketRead },
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

export const getModelDocumentRoute = defineRoute({
  id: 'getModelDocument',
  method: 'GET',
  path: '/v1/model-documents/{model}',
  handler: 'functions/enrolment/get-model-document.ts',
  access: 'public',
  summary: 'Télécharger le modèle de mandat ou de contrat de prestation (PDF)',
  tags,
  request: {
    params: z.strictObject({
      model: z.enum(['mandat', 'contrat-prestation'], {
        error: 'Le modèle doit être « mandat » ou « contrat-prestation ».',
      }),
    }),
  },
  responses: { 200: { description: 'Le modèle, en PDF' }, ...problemResponses(404, 422) },
});

export const enrolmentRoutes = [
  createCaptchaRoute,
  getReferencingRoute,
  createEnrolmentRoute,
  getEnrolmentRoute,
  deleteEnrolmentRoute,
  saveReferencingStepRoute,
  saveApplicantStepRoute,
  saveBankStepRoute,
  saveVatStepRoute,
  resetStepRoute,
  lookupCompanyRoute,
  requestDocumentUploadRoute,
  getEnrolmentDocumentRoute,
  submitEnrolmentRoute,
  getModelDocumentRoute,
];
