import { describe, expect, it } from 'vitest';
import { startDirectoryServer } from '../support/directory-server.ts';
import { createDraft, solveCaptcha } from '../support/enrolment.ts';
import { useLocalCloud } from '../support/harness.ts';

/**
 * A request whose function times out leaves its idempotency record IN_PROGRESS (issue 18, item 2):
 * the local gateway enforces the function's timeout as Lambda does (past it, nothing the
 * invocation still does reaches the emulators), and a retry with the same key takes the record
 * over once the function's deadline plus a margin has passed, instead of a 409 for 24 hours.
 */
const DIRECTORY_DELAY_MS = 1500;
const FUNCTION_TIMEOUT_SECONDS = 0.5;
const directoryUrl = await startDirectoryServer({ delayMs: () => DIRECTORY_DELAY_MS });

const local = useLocalCloud({
  environment: { COMPANY_DIRECTORY: 'api', COMPANY_DIRECTORY_URL: directoryUrl },
  functionTimeouts: { lookupEnrolmentCompany: FUNCTION_TIMEOUT_SECONDS },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a function that times out does not block its Idempotency-Key for 24 hours', () => {
  it('timeout → 500; same key → 409 while the function could still run; taken over afterwards', async () => {
    const draft = await createDraft(local.api);
    const body = { siret: '47992882200069', captcha: await solveCaptcha(local.api) };
    const headers = { ...draft.headers, 'idempotency-key': `lookup-${draft.id}` };
    const lookup = () => local.api.post(`/v1/enrolments/${draft.id}/company-lookup`, body, headers);

    const started = Date.now();
    const timedOut = await lookup();
    // The gateway answered at the function's timeout, as API Gateway does when Lambda stops it.
    expect(Date.now() - started).toBeLessThan(DIRECTORY_DELAY_MS);
    expect(timedOut.status).toBe(500);
    expect(timedOut.body).toEqual({ message: 'Internal Server Error' });

    const during = await lookup();
    const takeoverAt = Date.now() + Number(during.headers.get('retry-after')) * 1000;
    expect(during.status).toBe(409);
    expect(during.body.code).toBe('idempotency_in_progress');
    expect(Number(during.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    // Once the directory has answered, the stopped invocation has still written nothing.
    await sleep(DIRECTORY_DELAY_MS + 500 - (Date.now() - started));
    const resumed = await local.api.get(`/v1/enrolments/${draft.id}`, draft.headers);
    expect(resumed.body.lookedUpCompany).toBeUndefined();
    expect((await lookup()).status).toBe(409);

    // Past the deadline and its margin, the retry runs the request again: the captcha was spent by
    // the stopped attempt (one-time), so the answer is that of a second run, not a 409.
    await sleep(takeoverAt - Date.now() + 100);
    const takenOver = await lookup();
    expect(takenOver.status).toBe(422);
    expect(takenOver.body.code).toBe('captcha_invalid');
    const replayed = await lookup();
    expect(replayed.status).toBe(422);
    expect(replayed.headers.get('idempotency-replayed')).toBe('true');
  });
});
