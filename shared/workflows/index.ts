import type { WorkflowDefinition, WorkflowTaskDefinition } from './types.ts';

/** Every state machine of the system; the CDK stack and the local endpoint read this list. */
export const workflows: readonly WorkflowDefinition[] = [
  {
    id: 'enrolmentSubmitted',
    file: 'infra/workflows/enrolment-submitted.asl.json',
    description: "Demande d'enrôlement déposée : accusé de réception",
  },
];

/** Every Lambda run by a Task state. */
export const workflowTasks: readonly WorkflowTaskDefinition[] = [];
