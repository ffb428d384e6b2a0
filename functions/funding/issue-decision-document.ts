import * as z from 'zod/mini';
import { issueDecisionDocument } from '../../shared/funding/decision-task.ts';

const input = z.object({
  dossierNumber: z.string().check(z.regex(/^FINMSS\d{6}$/)),
  decision: z.enum(['advance', 'balance']),
});

/** Task `issueDecisionDocument` of the dossierDecided workflow. */
export const handler = async (event: unknown) => {
  const { dossierNumber, decision } = input.parse(event);
  return issueDecisionDocument(dossierNumber, decision);
};
