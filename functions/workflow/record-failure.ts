import * as z from 'zod/mini';
import { nowIso } from '#shared/clock.ts';
import { recordWorkflowFailure } from '#shared/workflows/failure-repository.ts';
import { ownerSchema } from '#shared/workflows/owner.ts';
import { workflowTask } from '#shared/workflows/task.ts';

/** On AWS a Lambda task's Cause is the JSON error report; keep its message only (never the stack). */
function readableCause(cause: string | undefined): string {
  if (!cause) return '';
  try {
    const report = JSON.parse(cause) as { errorMessage?: unknown };
    if (typeof report.errorMessage === 'string') return report.errorMessage.slice(0, 500);
  } catch {
    // Not JSON: the local engine gives the message itself.
  }
  return cause.slice(0, 500);
}

/** The Catch target of every task: records on the owner that the execution gave up, and why. */
export const handler = workflowTask(
  'recordWorkflowFailure',
  z.object({
    owner: ownerSchema,
    workflowId: z.string(),
    executionName: z.string(),
    // Optional for state machines that do not pass them: their failures cannot be re-run.
    occurrence: z.optional(z.string()),
    input: z.optional(z.record(z.string(), z.unknown())),
    error: z.string(),
    cause: z.optional(z.string()),
  }),
  async ({ owner, workflowId, executionName, occurrence, input, error, cause }) => {
    await recordWorkflowFailure(owner, {
      workflowId,
      executionName,
      occurrence: occurrence ?? executionName,
      ...(input ? { input } : {}),
      error,
      cause: readableCause(cause),
      at: nowIso(),
    });
    return { recorded: true };
  },
);
