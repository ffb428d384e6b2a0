import * as z from 'zod/mini';
import { enrolmentIdParams } from '#shared/routes/enrolment-schemas.ts';
import { tags } from '#shared/routes/instruction-common.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';
import { workflowStart } from '#shared/routes/workflow-start.ts';

export const retryEnrolmentWorkflowRoute = defineRoute({
  id: 'retryEnrolmentWorkflow',
  method: 'POST',
  path: '/v1/admin/enrolments/{id}/workflow-failures/{executionName}/retry',
  access: 'instructor',
  summary:
    'Relancer un envoi de courriels en échec : seuls les courriels non encore envoyés partent (une seule relance par échec, même en cas de double clic)',
  tags,
  request: {
    params: z.strictObject({
      id: enrolmentIdParams.shape.id,
      executionName: z
        .string()
        .check(z.regex(/^[A-Za-z0-9_-]{1,80}$/, { error: "Le nom d'exécution est invalide." })),
    }),
  },
  responses: {
    200: { description: 'La relance est démarrée (ou l’était déjà)', schema: workflowStart },
    ...problemResponses(401, 403, 404, 409, 422),
  },
  permissions: {
    table: 'readwrite',
    workflows: [
      'enrolmentSubmitted',
      'enrolmentValidated',
      'enrolmentChangesRequested',
      'enrolmentRejected',
      'sendEmail',
    ],
  },
});
