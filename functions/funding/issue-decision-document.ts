import * as z from 'zod/mini';
import { issueDecisionDocument } from '#shared/funding/decision-task.ts';
import { workflowTask } from '#shared/workflows/task.ts';

/** Task `issueDecisionDocument` of the dossierDecided workflow: the decision PDF, once. */
export const handler = workflowTask(
  'issueDecisionDocument',
  z.object({
    dossierNumber: z.string().check(z.regex(/^FINMSS\d{6}$/)),
    decision: z.enum(['advance', 'balance']),
  }),
  ({ dossierNumber, decision }) => issueDecisionDocument(dossierNumber, decision),
);
