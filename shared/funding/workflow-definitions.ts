import type { WorkflowDefinition, WorkflowTaskDefinition } from '../workflows/types.ts';
import { DECISION_WORKFLOW } from './decision-workflow-ids.ts';

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
