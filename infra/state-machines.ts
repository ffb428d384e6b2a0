import { fundingWorkflows, fundingWorkflowTasks } from '#shared/funding/workflow-definitions.ts';
import type { Permissions } from '#shared/permissions.ts';
import { emailWorkflows, emailWorkflowTasks } from '#shared/workflows/email-workflows.ts';
import type { WorkflowDefinition, WorkflowTaskDefinition } from '#shared/workflows/types.ts';

// Gathered here, not in shared/workflows: the workflow machinery knows no domain.

/** Every state machine of the system; the CDK stack and the local endpoint read this list. */
export const workflows: readonly WorkflowDefinition[] = [...emailWorkflows, ...fundingWorkflows];

/** Every Lambda run by a Task state. */
export const workflowTasks: readonly WorkflowTaskDefinition[] = [
  ...emailWorkflowTasks,
  ...fundingWorkflowTasks,
];

/**
 * Target of the SES configuration set's events (delivery, bounce, complaint, reject), through an
 * EventBridge rule: records them on the emails (shared/email/delivery-events.ts).
 */
export const emailEventHandler: { handler: string; permissions: Permissions } = {
  handler: 'functions/events/record-email-event.ts',
  permissions: { table: 'readwrite' },
};
