import * as z from 'zod/mini';
import { mailboxCountsSchema } from '#shared/funding/counts.ts';
import { DECISION_WORKFLOW } from '#shared/funding/decision-workflow-ids.ts';
import { dossierSchema } from '#shared/funding/dossier-view.ts';
import { dossierNumberParams } from '#shared/funding/schemas.ts';
import { conflictWith, period, TAGS } from '#shared/routes/funding-common.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

const balanceRequestBody = z.strictObject({
  reachedAtClosing: mailboxCountsSchema('reachedAtClosing'),
});

export const submitBalanceRoute = defineRoute({
  id: 'submitBalanceRequest',
  method: 'POST',
  path: '/v1/funding/dossiers/{number}/balance',
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
