import { putItem, queryAll } from '../storage/store.ts';
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
