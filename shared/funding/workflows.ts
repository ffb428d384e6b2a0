import type { WorkflowDefinition, WorkflowTaskDefinition } from '../workflows/types.ts';

/** The decision workflow: the decision's PDF, then its email. */
export const DECISION_WORKFLOW = 'dossierDecided';

export type DecisionKind = 'advance' | 'balance';

/** The email type the workflow sends for each decision (see the email composers). */
export const DECISION_EMAIL_TYPES: Record<DecisionKind, string> = {
  advance: 'advanceDecision',
  balance: 'balanceDecision',
};

/** The email module's generic recorded-email workflow, which sends the payment notices. */
export const PAYMENT_NOTICE_WORKFLOW = 'sendEmail';

/** Funding's state machines and task Lambdas (the email and failure tasks are the email module's). */
export const fundingWorkflows: WorkflowDefinition[] = [
  {
    id: DECISION_WORKFLOW,
    file: 'infra/workflows/dossier-decided.asl.json',
    description:
      'Décision de financement : PDF de décision dans les pièces justificatives, puis courriel de décision',
  },
];

export const fundingWorkflowTasks: WorkflowTaskDefinition[] = [
  {
    id: 'issueDecisionDocument',
    handler: 'functions/funding/issue-decision-document.ts',
    permissions: { table: 'readwrite', bucket: { prefixes: ['dossiers/'], access: 'readwrite' } },
    memoryMb: 512,
    timeoutSeconds: 25,
  },
];
