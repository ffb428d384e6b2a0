import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/**
 * A function's timeout, as Lambda enforces it. On AWS a timed-out invocation is stopped: nothing
 * it would still do (complete a record, delete it, any write) ever happens. In this single
 * process its promise cannot be stopped, so once its deadline has passed every HTTP request it
 * makes (to the emulators: DynamoDB, S3, SES, Step Functions) is cut before it is sent.
 */
const invocation = new AsyncLocalStorage<{ stopped: boolean }>();

subscribe('http.client.request.created', (message) => {
  if (invocation.getStore()?.stopped)
    (message as { request: ClientRequest }).request.destroy(
      new Error('Function timed out: invocation stopped'),
    );
});

export class FunctionTimedOut extends Error {
  constructor(timeoutSeconds: number) {
    super(`Function timed out after ${timeoutSeconds} s`);
    this.name = 'FunctionTimedOut';
  }
}

/**
 * Runs one invocation with its deadline: `invoke` gets the remaining time (the Lambda context's
 * getRemainingTimeInMillis); past the deadline the call rejects with FunctionTimedOut and the
 * invocation is stopped.
 */
export async function invokeWithTimeout<T>(
  timeoutSeconds: number,
  invoke: (remainingMs: () => number) => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  const state = { stopped: false };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      state.stopped = true;
      reject(new FunctionTimedOut(timeoutSeconds));
    }, timeoutSeconds * 1000);
  });
  try {
    return await Promise.race([
      invocation.run(state, () => invoke(() => Math.max(deadline - Date.now(), 0))),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
