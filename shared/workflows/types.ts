import type { Permissions } from '../permissions.ts';

/** A Lambda run by Task states. ASL files name it `${Task_<id>}`; CDK and the local endpoint substitute it. */
export interface WorkflowTaskDefinition {
  id: string;
  /** Handler module, relative to the repository root, exporting `handler`. */
  handler: string;
  permissions: Permissions;
  memoryMb?: number;
  timeoutSeconds?: number;
  /** Reserved concurrency on AWS (see RouteDefinition). */
  reservedConcurrency?: number;
}

/** A state machine: one ASL file (JSONPath) under infra/workflows. */
export interface WorkflowDefinition {
  id: string;
  /** ASL file, relative to the repository root. */
  file: string;
  description: string;
}

/** Placeholder of a task's function ARN inside ASL files. */
export const taskPlaceholder = (taskId: string) => `Task_${taskId}`;

/** Environment variable holding a workflow's state machine ARN in functions that start it. */
export const stateMachineArnVariable = (workflowId: string) =>
  `STATE_MACHINE_ARN_${workflowId.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
