import { describe, expect, it } from 'vitest';
import { fromSesError, TASK_ERRORS, TaskError, toTaskError } from '#shared/workflows/errors.ts';
import { retryExecutionName } from '#shared/workflows/retry-name.ts';

const sesError = (name: string, status?: number) =>
  Object.assign(new Error('Email address is not verified: someone@example.fr'), {
    name,
    ...(status ? { $metadata: { httpStatusCode: status } } : {}),
  });

describe('SES failures become task errors Step Functions can tell apart', () => {
  it.each([
    ['Throttling', 400],
    ['ServiceUnavailable', 503],
    ['InternalFailure', 500],
    ['TooManyRequests', 429],
  ])('%s (%i) is temporary: retried', (name, status) => {
    expect(fromSesError(sesError(name, status)).name).toBe(TASK_ERRORS.emailDeferred);
  });

  it('a network failure (no HTTP answer) is temporary', () => {
    expect(fromSesError(sesError('ECONNREFUSED')).name).toBe(TASK_ERRORS.emailDeferred);
  });

  it.each([
    ['MessageRejected', 400],
    ['MailFromDomainNotVerifiedException', 400],
    ['InvalidParameterValue', 400],
  ])('%s (%i) is permanent: not retried', (name, status) => {
    expect(fromSesError(sesError(name, status)).name).toBe(TASK_ERRORS.emailRejected);
  });

  it('never carries the SES message (it may name the recipient)', () => {
    for (const error of [fromSesError(sesError('MessageRejected', 400)), toTaskError(sesError('X', 400))])
      expect(error.message).not.toContain('@');
    expect(toTaskError(new TypeError('secret value'))).toMatchObject({
      name: TASK_ERRORS.failed,
      message: expect.stringContaining('TypeError'),
    });
    const kept = new TaskError(TASK_ERRORS.invalidInput, 'x');
    expect(toTaskError(kept)).toBe(kept);
  });
});

describe('re-run execution names', () => {
  it('add -retry, then count, and stay valid execution names', () => {
    const name = '0b6a4f0e-8d0c-4c61-9d8f-3c1f3a8e2b11-changesRequested-12';
    expect(retryExecutionName(name)).toBe(`${name}-retry`);
    expect(retryExecutionName(`${name}-retry`)).toBe(`${name}-retry2`);
    expect(retryExecutionName(`${name}-retry9`)).toBe(`${name}-retry10`);
    expect(retryExecutionName(`${name}-retry9`)).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
  });
});
