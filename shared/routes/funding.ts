import * as z from 'zod/mini';
import { DECISION_WORKFLOW, PAYMENT_NOTICE_WORKFLOW } from '../funding/decision-workflow.ts';
import {
  advanceFormSchema,
  advanceRequestBody,
  balanceRequestBody,
  callCorrectionBody,
  callIdParams,
  dossierListSchema,
  dossierNumberParams,
  dossierSchema,
  dossierStatusQuery,
  estimateQuery,
  estimateSchema,
  fundingCallSchema,
  paymentRequestBody,
  workflowFailureParams,
  workflowRetrySchema,
} from '../funding/schemas.ts';
import { paginationQuery, problemResponses } from './schemas.ts';
import { defineRoute } from './types.ts';

const TAGS = ['Demande de financement'];

export const getAdvanceFormRoute = defineRoute({
  id: 'getAdvanceForm',
  method: 'GET',
  path: '/v1/funding/advance',
  handler: 'functions/funding/get-advance-form.ts',
  access: 'operator',
  summary:
    "Formulaire de demande d'avance pré-rempli : récapitulatif, taux de TVA applicable, montant fixe éligible, date de clôture",
  tags: TAGS,
  responses: {
    200: { description: 'Le formulaire pré-rempli', schema: advanceFormSchema },
    ...problemResponses(401, 403, 409, 503),
  },
  permissions: { table: 'read' },
});

export const estimateFundingRoute = defineRoute({
  id: 'estimateFunding',
  method: 'GET',
  path: '/v1/funding/advance/estimate',
  handler: 'functions/funding/estimate-funding.ts',
  access: 'operator',
  summary: 'Estimation du financement total à partir des nombres de BAL estimés à la date de clôture',
  tags: TAGS,
  request: { query: estimateQuery },
  responses: {
    200: { description: 'Montants estimés (HT, TVA, TTC), plafond appliqué', schema: estimateSchema },
    ...problemResponses(401, 403, 409, 422, 503),
  },
  permissions: { table: 'read' },
});

export const submitAdvanceRoute = defineRoute({
  id: 'submitAdvanceRequest',
  method: 'POST',
  path: '/v1/funding/advance',
  handler: 'functions/funding/submit-advance.ts',
  access: 'operator',
  summary: "Dépôt de la demande d'avance (six nombres de BAL) ; décidée automatiquement",
  tags: TAGS,
  request: { body: advanceRequestBody },
  responses: {
    201: { description: 'Demande décidée : dossier FINMSS…', schema: dossierSchema },
    ...problemResponses(400, 401, 403, 409, 413, 415, 422, 503),
  },
  permissions: { table: 'readwrite', workflows: [DECISION_WORKFLOW] },
});

export const getDossierRoute = defineRoute({
  id: 'getDossier',
  method: 'GET',
  path: '/v1/funding/dossiers/{number}',
  handler: 'functions/funding/get-dossier.ts',
  access: 'account',
  summary:
    'Dossier de financement : récapitulatif, information de la demande, pièces justificatives, courriels automatiques envoyés, paiement',
  tags: TAGS,
  request: { params: dossierNumberParams },
  responses: {
    200: { description: 'Le dossier', schema: dossierSchema },
    ...problemResponses(401, 403, 404, 503),
  },
  permissions: { table: 'read', bucket: { prefixes: ['dossiers/'], access: 'read' } },
});

export const listDossiersRoute = defineRoute({
  id: 'listDossiers',
  method: 'GET',
  path: '/v1/admin/dossiers',
  handler: 'functions/funding/list-dossiers.ts',
  access: 'instructor',
  summary: 'Dossiers de financement par statut (instruction ASP)',
  tags: ['Instruction'],
  request: { query: z.strictObject({ ...dossierStatusQuery, ...paginationQuery }) },
  responses: {
    200: { description: 'Une page de dossiers', schema: dossierListSchema },
    ...problemResponses(400, 401, 403, 422),
  },
  permissions: { table: 'read' },
});

export const submitBalanceRoute = defineRoute({
  id: 'submitBalanceRequest',
  method: 'POST',
  path: '/v1/funding/dossiers/{number}/balance',
  handler: 'functions/funding/submit-balance.ts',
  access: 'operator',
  summary:
    'Dépôt de la demande de solde (nombres de BAL atteints à la date de clôture) ; décidée automatiquement',
  tags: TAGS,
  request: { params: dossierNumberParams, body: balanceRequestBody },
  responses: {
    201: { description: 'Solde décidé', schema: dossierSchema },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 503),
  },
  permissions: {
    table: 'readwrite',
    bucket: { prefixes: ['dossiers/'], access: 'read' },
    workflows: [DECISION_WORKFLOW],
  },
});

export const launchPaymentRoute = defineRoute({
  id: 'launchPayment',
  method: 'POST',
  path: '/v1/admin/dossiers/{number}/payments',
  handler: 'functions/funding/launch-payment.ts',
  access: 'instructor',
  summary: "Mise en paiement de l'avance ou du solde sur l'IBAN de l'enrôlement (instruction ASP)",
  tags: ['Instruction'],
  request: { params: dossierNumberParams, body: paymentRequestBody },
  responses: {
    201: { description: 'Paiement lancé ; le dossier avec son état de paiement', schema: dossierSchema },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 503),
  },
  permissions: {
    table: 'readwrite',
    bucket: { prefixes: ['dossiers/'], access: 'read' },
    workflows: [PAYMENT_NOTICE_WORKFLOW],
  },
});

export const getFundingCallRoute = defineRoute({
  id: 'getFundingCall',
  method: 'GET',
  path: '/v1/admin/funding-calls/{callId}',
  handler: 'functions/funding/get-funding-call.ts',
  access: 'instructor',
  summary: "Configuration de l'appel à financement : part fixe, montants par BAL, plafond, dates",
  tags: ['Instruction'],
  request: { params: callIdParams },
  responses: {
    200: { description: "L'appel à financement", schema: fundingCallSchema },
    ...problemResponses(401, 403, 404, 422),
  },
  permissions: { table: 'read' },
});

export const correctFundingCallRoute = defineRoute({
  id: 'correctFundingCall',
  method: 'PUT',
  path: '/v1/admin/funding-calls/{callId}',
  handler: 'functions/funding/correct-funding-call.ts',
  access: 'instructor',
  summary:
    "Correction de l'appel à financement (nouvelle version ; les décisions gardent la version appliquée)",
  tags: ['Instruction'],
  request: { params: callIdParams, body: callCorrectionBody },
  responses: {
    200: { description: "L'appel à financement corrigé", schema: fundingCallSchema },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
  permissions: { table: 'readwrite' },
});

export const retryDossierWorkflowRoute = defineRoute({
  id: 'retryDossierWorkflow',
  method: 'POST',
  path: '/v1/admin/dossiers/{number}/workflow-failures/{executionName}/retry',
  handler: 'functions/funding/retry-dossier-workflow.ts',
  access: 'instructor',
  summary:
    'Relancer une suite de décision en échec (PDF, courriel) : seul ce qui manque est refait, une seule relance par échec',
  tags: ['Instruction'],
  request: { params: workflowFailureParams },
  responses: {
    200: { description: 'La relance est démarrée (ou l’était déjà)', schema: workflowRetrySchema },
    ...problemResponses(401, 403, 404, 409, 422),
  },
  permissions: { table: 'readwrite', workflows: [DECISION_WORKFLOW, PAYMENT_NOTICE_WORKFLOW] },
});

export const fundingRoutes = [
  getAdvanceFormRoute,
  estimateFundingRoute,
  submitAdvanceRoute,
  getDossierRoute,
  submitBalanceRoute,
  listDossiersRoute,
  launchPaymentRoute,
  getFundingCallRoute,
  correctFundingCallRoute,
  retryDossierWorkflowRoute,
];
