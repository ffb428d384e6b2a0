import { SESClient } from '@aws-sdk/client-ses';

/** SES v1 client; locally AWS_ENDPOINT_URL_SES points it at the emulator. */
export const sesClient = new SESClient({});

/**
 * For workflow tasks: one attempt per call. Step Functions' Retry (backoff, full jitter, visible
 * in the execution history) is then the only retry policy, and each attempt recorded on the email
 * is one real SES call; SDK retries inside a task would hide failures and multiply the wait.
 */
export const sesClientSingleAttempt = new SESClient({ maxAttempts: 1 });
