import * as z from 'zod/mini';
import { mailboxCountsSchema } from '#shared/funding/counts.ts';
import { DECISION_WORKFLOW } from '#shared/funding/decision-workflow-ids.ts';
import { dossierSchema } from '#shared/funding/dossier-view.ts';
import { conflictWith, notValidatedProblem, period, TAGS } from '#shared/routes/funding-common.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

const advanceRequestBody = z.strictObject({
  current: mailboxCountsSchema('current'),
  estimatedAtClosing: mailboxCountsSchema('estimatedAtClosing'),
});

export const submitAdvanceRoute = defineRoute({
  id: 'submitAdvanceRequest',
  method: 'POST',
  path: '/v1/funding/advance',
  access: 'operator',
  summary: "Dépôt de la demande d'avance (six nombres de BAL) ; décidée automatiquement",
  tags: TAGS,
  request: { body: advanceRequestBody },
  responses: {
    201: { description: 'Demande décidée : dossier FINMSS…', schema: dossierSchema },
    ...problemResponses(503),
    ...notValidatedProblem(),
    ...conflictWith(
      "Conflit : demande d'avance déjà déposée (`dossierNumber`), en cours, ou hors de la période de dépôt (`advanceWindow`)",
      { dossierNumber: z.optional(z.string()), advanceWindow: z.optional(period) },
    ),
  },
  permissions: { table: 'readwrite', workflows: [DECISION_WORKFLOW] },
});
