import { DECISION_WORKFLOW } from '../funding/decision-workflow.ts';
import {
  advanceFormSchema,
  advanceRequestBody,
  balanceRequestBody,
  dossierNumberParams,
  dossierSchema,
  estimateQuery,
  estimateSchema,
} from '../funding/schemas.ts';
import { problemResponses } from './schemas.ts';
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

/** The operator's funding routes (the instructors' are in funding-admin.ts, so each bundle keeps its own). */
export const fundingRoutes = [
  getAdvanceFormRoute,
  estimateFundingRoute,
  submitAdvanceRoute,
  getDossierRoute,
  submitBalanceRoute,
];
