import { DescribeExecutionCommand, ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfnClient } from '../aws/sfn.ts';
import { stateMachineArnVariable } from './types.ts';

const MAX_NAME_LENGTH = 80;

/** Execution names allow letters, digits, - and _ only, 80 at most. */
export const executionName = (...parts: (string | number)[]) =>
  parts
    .map((part) => String(part).replace(/[^A-Za-z0-9_-]/g, '-'))
    .join('-')
    .slice(0, MAX_NAME_LENGTH);

export function stateMachineArn(workflowId: string): string {
  const arn = process.env[stateMachineArnVariable(workflowId)];
  if (!arn) throw new Error(`No state machine ARN configured for workflow ${workflowId}`);
  return arn;
}

/**
 * Starts a workflow under a deterministic name, so that a retried command is a no-op: Step
 * Functions refuses a second execution of the same name (or returns the first for the same input).
 */
export async function startWorkflow(workflowId: string, name: string, input: Record<string, unknown>) {
  const arn = stateMachineArn(workflowId);
  try {
    const { executionArn } = await sfnClient.send(
      new StartExecutionCommand({ stateMachineArn: arn, name, input: JSON.stringify(input) }),
    );
    return { executionArn: executionArn as string, started: true };
  } catch (error) {
    if (!(error instanceof ExecutionAlreadyExists) && (error as Error).name !== 'ExecutionAlreadyExists')
      throw error;
    const executionArn = `${arn.replace(':stateMachine:', ':execution:')}:${name}`;
    await sfnClient.send(new DescribeExecutionCommand({ executionArn }));
    return { executionArn, started: false };
  }
}
