import { conflict, notFound } from '../errors.ts';
import { claimRetry, getWorkflowFailure } from '../workflows/failure-repository.ts';
import type { Owner } from '../workflows/owner.ts';
import { retryExecutionName } from '../workflows/retry-name.ts';
import { startWorkflow } from '../workflows/start.ts';

/**
 * Nothing is lost when SES stays down past the retries: the failure is recorded with the
 * execution's input and occurrence, and an instructor re-runs it. The re-run reuses the
 * occurrence, so the emails already sent are skipped and only the missing ones go out.
 */
export async function retryWorkflow(owner: Owner, failedExecution: string) {
  const failure = await getWorkflowFailure(owner, failedExecution);
  if (!failure)
    throw notFound(
      'workflow_failure_not_found',
      `Aucun échec d'envoi n'est enregistré sous ce nom pour ${owner.kind === 'enrolment' ? 'cette demande' : 'ce dossier'}.`,
    );
  if (!failure.input)
    throw conflict('workflow_not_rerunnable', "Cet envoi ne peut pas être relancé depuis l'instruction.");
  const name = await claimRetry(owner, failure, retryExecutionName(failure.executionName));
  const { started } = await startWorkflow(failure.workflowId, name, {
    ...failure.input,
    occurrence: failure.occurrence,
  });
  return { workflowId: failure.workflowId, executionName: name, started };
}

export const retryEnrolmentWorkflow = (enrolmentId: string, failedExecution: string) =>
  retryWorkflow({ kind: 'enrolment', id: enrolmentId }, failedExecution);
