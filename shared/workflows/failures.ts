import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../storage/client.ts';
import { getItem, isConditionFailure, putItem, queryAll } from '../storage/store.ts';
import type { WorkflowFailure } from './failure-model.ts';
import { type Owner, ownerChildren, ownerWorkflowFailureKey } from './owner.ts';

export async function recordWorkflowFailure(owner: Owner, failure: WorkflowFailure): Promise<void> {
  await putItem({
    ...ownerWorkflowFailureKey(owner, failure.executionName),
    type: 'WorkflowFailure',
    ...failure,
  });
}

export async function listWorkflowFailures(owner: Owner): Promise<WorkflowFailure[]> {
  const items = await queryAll<WorkflowFailure & { type?: string }>(ownerChildren(owner, 'workflowFailure'));
  return items.map(({ type: _type, ...failure }) => failure).sort((a, b) => a.at.localeCompare(b.at));
}

export const getWorkflowFailure = (owner: Owner, executionName: string) =>
  getItem<WorkflowFailure>(ownerWorkflowFailureKey(owner, executionName));

/**
 * Records that `failure` is re-run as `retriedAs`, once: returns the name recorded first, so a
 * double click re-runs it under a single execution name.
 */
export async function claimRetry(owner: Owner, failure: WorkflowFailure, retriedAs: string): Promise<string> {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: ownerWorkflowFailureKey(owner, failure.executionName),
        UpdateExpression: 'SET retriedAs = :retriedAs',
        ConditionExpression: 'attribute_exists(executionName) AND attribute_not_exists(retriedAs)',
        ExpressionAttributeValues: { ':retriedAs': retriedAs },
      }),
    );
    return retriedAs;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const current = await getWorkflowFailure(owner, failure.executionName);
    return current?.retriedAs ?? retriedAs;
  }
}

/** A failure as instructors read it (its input stays internal). */
export const toFailureView = ({ input: _input, ...failure }: WorkflowFailure) => failure;
