import { DomainError, type DomainErrorName } from '../errors.ts';

/**
 * Errors thrown by workflow tasks. Their `name` is the error Step Functions matches in the ASL
 * `Retry`/`Catch` fields, and their message is the `Cause` recorded in the execution history and
 * on the failure record instructors read: French, and never personal data (no address, no name,
 * no secret) — only codes.
 */
export class TaskError extends Error {
  constructor(name: TaskErrorName, message: string) {
    super(message);
    this.name = name;
  }
}

/** Error names the ASL files refer to. */
export const TASK_ERRORS = {
  /** Temporary (SES throttling or unavailable, network): retried with backoff. */
  emailDeferred: 'Email.Deferred',
  /** Permanent (SES refused the message, sender not verified): not retried. */
  emailRejected: 'Email.Rejected',
  /** The task was started with input it cannot act on (unknown owner, wrong status): not retried. */
  invalidInput: 'Task.InvalidInput',
  /** Any other failure (storage, a dependency): retried, its original name kept in the message. */
  failed: 'Task.Failed',
} as const;
export type TaskErrorName = (typeof TASK_ERRORS)[keyof typeof TASK_ERRORS];

const TRANSIENT_SES_ERRORS = new Set([
  'Throttling',
  'ThrottlingException',
  'ServiceUnavailable',
  'InternalFailure',
  'RequestTimeout',
  'TimeoutError',
]);

/**
 * Maps an SES SDK error to a task error. The SES client of workflow tasks makes one attempt
 * (see shared/aws/ses.ts), so every failure surfaces here and Step Functions alone retries.
 */
export function fromSesError(error: unknown): TaskError {
  const name = (error as Error)?.name ?? 'Error';
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  const transient = TRANSIENT_SES_ERRORS.has(name) || status === undefined || status >= 500 || status === 429;
  return transient
    ? new TaskError(TASK_ERRORS.emailDeferred, `Envoi du courriel différé : SES indisponible (${name}).`)
    : new TaskError(TASK_ERRORS.emailRejected, `Envoi du courriel refusé par SES (${name}).`);
}

/**
 * Domain errors no retry can cure: the task names an owner that does not exist, or one whose state
 * the step refuses. Their messages are written for the failure record (French, codes only).
 */
const PERMANENT: ReadonlySet<DomainErrorName> = new Set(['NotFoundError', 'InvalidDataError']);

/**
 * The Step Functions error of a task failure: task errors as they are, permanent domain errors as
 * `Task.InvalidInput` with their message; any other error (a conflict, a dependency) is retried as
 * `Task.Failed`, its message (it may carry data) replaced by its name.
 */
export const toTaskError = (error: unknown): TaskError =>
  error instanceof TaskError
    ? error
    : error instanceof DomainError && PERMANENT.has(error.name)
      ? new TaskError(TASK_ERRORS.invalidInput, error.message)
      : new TaskError(
          TASK_ERRORS.failed,
          `Échec technique de l'étape (${(error as Error)?.name ?? 'Error'}).`,
        );
