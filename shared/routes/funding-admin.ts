import * as z from 'zod/mini';
import {
  callCorrectionBody,
  callIdParams,
  dossierListSchema,
  dossierStatusQuery,
  fundingCallHistorySchema,
  fundingCallSchema,
  paymentRequestBody,
  workflowFailureParams,
  workflowRetrySchema,
} from '../funding/admin-schemas.ts';
import { DECISION_WORKFLOW, PAYMENT_NOTICE_WORKFLOW } from '../funding/decision-workflow-ids.ts';
import { dossierNumberParams, dossierSchema } from '../funding/schemas.ts';
import { paginationQuery, problemResponses } from './schemas.ts';
import { defineRoute } from './types.ts';

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

export const listFundingCallVersionsRoute = defineRoute({
  id: 'listFundingCallVersions',
  method: 'GET',
  path: '/v1/admin/funding-calls/{callId}/versions',
  handler: 'functions/funding/list-funding-call-versions.ts',
  access: 'instructor',
  summary: "Historique des versions de l'appel à financement, la plus récente d'abord",
  tags: ['Instruction'],
  request: { params: callIdParams },
  responses: {
    200: { description: "Les versions de l'appel à financement", schema: fundingCallHistorySchema },
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

/** The instructors' funding routes: dossiers by status, payments, the call, re-runs. */
export const fundingAdminRoutes = [
  listDossiersRoute,
  launchPaymentRoute,
  getFundingCallRoute,
  listFundingCallVersionsRoute,
  correctFundingCallRoute,
  retryDossierWorkflowRoute,
];
