import * as z from 'zod/mini';
import { ENROLMENT_STATUSES } from '../enrolment/status.ts';
import { DECISION_WORKFLOW } from '../funding/decision-workflow-ids.ts';
import {
  advanceFormSchema,
  advanceRequestBody,
  balanceRequestBody,
  dossierNumberParams,
  dossierSchema,
  estimateQuery,
  estimateSchema,
} from '../funding/schemas.ts';
import { conflictProblem, problemResponse, problemResponses, problemSchema } from './schemas.ts';
import { defineRoute } from './types.ts';

const TAGS = ['Demande de financement'];

const period = z.strictObject({ opensAt: z.string(), closesAt: z.string() });
/** An operator whose enrolment is not validated: `enrolmentStatus` says where it stands (null: none). */
const notValidatedProblem = {
  403: problemResponse(
    problemSchema({ enrolmentStatus: z.optional(z.nullable(z.enum(ENROLMENT_STATUSES))) }),
    "Accès refusé ; `enrolmentStatus` : statut de la dernière demande d'enrôlement",
  ),
};
const conflictWith = (description: string, extensions: Record<string, z.ZodMiniOptional>) => ({
  409: problemResponse(conflictProblem(extensions), description),
});

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
    ...problemResponses(409, 503),
    ...notValidatedProblem,
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
    ...problemResponses(409, 503),
    ...notValidatedProblem,
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
    ...problemResponses(503),
    ...notValidatedProblem,
    ...conflictWith(
      "Conflit : demande d'avance déjà déposée (`dossierNumber`), en cours, ou hors de la période de dépôt (`advanceWindow`)",
      { dossierNumber: z.optional(z.string()), advanceWindow: z.optional(period) },
    ),
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
    ...problemResponses(404, 503),
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
    ...problemResponses(404, 503),
    ...conflictWith(
      'Conflit : solde déjà déposé (`dossierNumber`) ou hors de la période de dépôt (`balanceWindow`, après la date de clôture `closingDate`)',
      {
        dossierNumber: z.optional(z.string()),
        balanceWindow: z.optional(period),
        closingDate: z.optional(z.string()),
      },
    ),
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
