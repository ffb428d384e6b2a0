import * as z from 'zod/mini';
import {
  advanceFormSchema,
  advanceRequestBody,
  dossierListSchema,
  dossierNumberParams,
  dossierSchema,
  dossierStatusQuery,
  estimateQuery,
  estimateSchema,
} from '../funding/schemas.ts';
import { DECISION_WORKFLOW } from '../funding/workflow.ts';
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

export const fundingRoutes = [
  getAdvanceFormRoute,
  estimateFundingRoute,
  submitAdvanceRoute,
  getDossierRoute,
  listDossiersRoute,
];
