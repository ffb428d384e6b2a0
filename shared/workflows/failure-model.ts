/**
 * A workflow execution that gave up after its retries, recorded on its owner so instructors see
 * it (and which step failed, through the cause) and can act. One record per execution: the
 * recording task may be retried without duplicates.
 */
export interface WorkflowFailure {
  workflowId: string;
  executionName: string;
  /** Step Functions error name, e.g. `Email.Deferred`. */
  error: string;
  /** French explanation, codes only (task errors never carry personal data). */
  cause: string;
  at: string;
  /** What the execution's emails are keyed by; a re-run reuses it, so sent emails are not resent. */
  occurrence: string;
  /** The execution's input (ids only, by design), to re-run it; absent when not re-runnable. */
  input?: Record<string, unknown>;
  /** The execution that re-ran this one, once an instructor asked for it. */
  retriedAs?: string;
}
