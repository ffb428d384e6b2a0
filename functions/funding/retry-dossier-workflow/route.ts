import * as z from 'zod/mini';
import { DECISION_WORKFLOW, PAYMENT_NOTICE_WORKFLOW } from '#shared/funding/decision-workflow-ids.ts';
import { dossierNumberParams } from '#shared/funding/schemas.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

const workflowFailureParams = z.strictObject({
  number: dossierNumberParams.shape.number,
  executionName: z
    .string()
    .check(z.regex(/^[A-Za-z0-9_-]{1,80}$/, { error: "Le nom d'exécution est invalide." })),
});

const workflowRetrySchema = z.strictObject({
  workflowId: z.string(),
  executionName: z.string(),
  started: z.boolean(),
});
export const retryDossierWorkflowRoute = defineRoute({
  id: 'retryDossierWorkflow',
  method: 'POST',
  path: '/v1/admin/dossiers/{number}/workflow-failures/{executionName}/retry',
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
