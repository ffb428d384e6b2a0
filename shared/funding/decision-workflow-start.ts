import { executionName, startWorkflow } from '../workflows/start.ts';
import { DECISION_EMAIL_TYPES, DECISION_WORKFLOW, type DecisionKind } from './decision-workflow-ids.ts';

/** Decision follow-ups (PDF, then the recorded email): one execution per dossier and decision. */
export const startDecisionWorkflow = (dossierNumber: string, decision: DecisionKind) =>
  startWorkflow(DECISION_WORKFLOW, executionName(dossierNumber, decision), {
    dossierNumber,
    decision,
    emailType: DECISION_EMAIL_TYPES[decision],
  });
