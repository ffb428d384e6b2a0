/**
 * The workflow failures recorded on their owner (enrolment or dossier). Access patterns:
 * ownerWorkflowFailureKey (one failure, by execution name), queries.ownerWorkflowFailures.
 */
import { ownerWorkflowFailureKey } from '../storage/keys.ts';
import * as queries from '../storage/queries.ts';
import { getItem, putItem, queryAll, updateItem } from '../storage/store.ts';
import type { WorkflowFailure } from './failure-model.ts';
import type { Owner } from './owner.ts';

export async function recordWorkflowFailure(owner: Owner, failure: WorkflowFailure): Promise<void> {
  await putItem({
    ...ownerWorkflowFailureKey(owner, failure.executionName),
    type: 'WorkflowFailure',
    ...failure,
  });
}

export async function listWorkflowFailures(owner: Owner): Promise<WorkflowFailure[]> {
  const items = await queryAll<WorkflowFailure & { type?: string }>(queries.ownerWorkflowFailures(owner));
  return items.map(({ type: _type, ...failure }) => failure).sort((a, b) => a.at.localeCompare(b.at));
}

export const getWorkflowFailure = (owner: Owner, executionName: string) =>
  getItem<WorkflowFailure>(ownerWorkflowFailureKey(owner, executionName));

/**
 * Records that `failure` is re-run as `retriedAs`, once: returns the name recorded first, so a
 * double click re-runs it under a single execution name.
 */
export async function claimRetry(owner: Owner, failure: WorkflowFailure, retriedAs: string): Promise<string> {
  const claimed = await updateItem(ownerWorkflowFailureKey(owner, failure.executionName), {
    update: 'SET retriedAs = :retriedAs',
    condition: 'attribute_exists(executionName) AND attribute_not_exists(retriedAs)',
    values: { ':retriedAs': retriedAs },
  });
  if (claimed) return retriedAs;
  const current = await getWorkflowFailure(owner, failure.executionName);
  return current?.retriedAs ?? retriedAs;
}

/** A failure as instructors read it (its input stays internal). */
export const toFailureView = ({ input: _input, ...failure }: WorkflowFailure) => failure;
