import { fundingWorkflows, fundingWorkflowTasks } from '../funding/workflows.ts';
import { emailWorkflows, emailWorkflowTasks } from './email-workflows.ts';
import type { WorkflowDefinition, WorkflowTaskDefinition } from './types.ts';

/** Every state machine of the system; the CDK stack and the local endpoint read this list. */
export const workflows: readonly WorkflowDefinition[] = [...emailWorkflows, ...fundingWorkflows];

/** Every Lambda run by a Task state. */
export const workflowTasks: readonly WorkflowTaskDefinition[] = [
  ...emailWorkflowTasks,
  ...fundingWorkflowTasks,
];
