import { executionName, startWorkflow } from '../workflows/start.ts';

/** Decision follow-ups (PDF, then the recorded email): one execution per dossier and decision. */
export const DECISION_WORKFLOW = 'dossierDecided';

export type DecisionKind = 'advance' | 'balance';

/** The email type the workflow sends for each decision (see the email composers). */
export const DECISION_EMAIL_TYPES: Record<DecisionKind, string> = {
  advance: 'advanceDecision',
  balance: 'balanceDecision',
};

export const startDecisionWorkflow = (dossierNumber: string, decision: DecisionKind) =>
  startWorkflow(DECISION_WORKFLOW, executionName(dossierNumber, decision), {
    dossierNumber,
    decision,
    emailType: DECISION_EMAIL_TYPES[decision],
  });
