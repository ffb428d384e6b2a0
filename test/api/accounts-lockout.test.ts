import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalCloud } from '../support/harness.ts';

/**
 * Lockout through the API with short numbers (same code, policy from the environment): two
 * free failures, then a 1 s delay, and the 4th failure locks for 10 minutes. The documented
 * production numbers are checked in test/unit/lockout.test.ts.
 */
const local = useLocalCloud({
  environment: {
    PASSWORD_HASH_LOG_N: '14',
    LOCKOUT_POLICY: JSON.stringify({
      freeFailures: 2,
      baseDelaySeconds: 1,
      lockAfterFailures: 4,
      lockSeconds: 600,
    }),
    LOGIN_SOURCE_LIMIT: '30/300',
  },
});

let support: typeof import('../support/accounts.ts');
let operator: { accountId: string; identifier: string; password: string; token: string };
const login = (identifier: string, password: string) =>
  local.api.post('/v1/sessions', { identifier, password });

beforeAll(async () => {
  support = await import('../support/accounts.ts');
  const { storeEnrolment } = await import('../support/enrolment-fixtures.ts');
  const enrolment = await storeEnrolment({ siret: '39177919600040', status: 'VALIDEE', number: 'ENR0030M0' });
  operator = await support.activeOperator(local, enrolment, 'Verrou-Test#1');
});

/** Fails the login `count` times, waiting out each delay, and returns the last response. */
async function failTimes(identifier: string, count: number) {
  let response = await login(identifier, 'Mauvais-Mot-De-Passe-1');
  for (let i = 1; i < count; i += 1) {
    const wait = Number(response.headers.get('retry-after') ?? 0);
    if (wait > 0) await sleep(wait * 1000 + 50);
    response = await login(identifier, 'Mauvais-Mot-De-Passe-1');
  }
  return response;
}

describe('brute-force protection of the login', () => {
  it('delays, then locks an identifier after repeated failures; a password reset lifts the lock', async () => {
    const second = await failTimes(operator.identifier, 2);
    expect(second.status).toBe(401);
    expect(second.headers.get('retry-after')).toBeNull();
    const third = await login(operator.identifier, 'Mauvais-Mot-De-Passe-1');
    expect(third.status).toBe(401);
    expect(third.body.retryAfterSeconds).toBe(1);
    const tooSoon = await login(operator.identifier, operator.password);
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.code).toBe('login_delayed');
    await sleep(1100);
    const fourth = await login(operator.identifier, 'Mauvais-Mot-De-Passe-1');
    expect(fourth.status).toBe(401);
    const locked = await login(operator.identifier, operator.password);
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('account_locked');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(590);
    // The existing session is not affected by the lock.
    expect((await local.api.get('/v1/me', support.bearer(operator.token))).status).toBe(200);

    await local.api.post('/v1/recovery/password', { identifier: operator.identifier });
    const mail = (await local.sentEmails()).at(-1);
    const token = /#jeton=([\w-]+)/.exec(mail?.body.text ?? '')?.[1];
    const newPassword = 'Apres-Verrou#2';
    const reset = await local.api.post('/v1/recovery/password/reset', {
      token,
      secretAnswer: 'saint etienne',
      newPassword,
      confirmation: newPassword,
    });
    expect(reset.status).toBe(204);
    expect((await login(operator.identifier, newPassword)).status).toBe(201);

    const { queryPage } = await import('../../shared/storage/store.ts');
    const { keys } = await import('../../shared/storage/keys.ts');
    const history = await queryPage<{ outcome: string; sourceIp: string }>({
      partition: { name: 'PK', value: keys.account(operator.accountId).PK },
      sortPrefix: { name: 'SK', value: 'LOGIN#' },
    });
    // activeOperator's login, 4 failures (refused attempts are not checked), the last login.
    expect(history.items.map((item) => item.outcome)).toEqual([
      'success',
      'failure',
      'failure',
      'failure',
      'failure',
      'success',
    ]);
  });

  it('locks an unknown identifier the same way, so a lock reveals nothing', async () => {
    const fourth = await failTimes('personne.inconnue', 4);
    expect(fourth.status).toBe(401);
    const locked = await login('personne.inconnue', 'Nimporte-Quoi-1');
    expect(locked.status).toBe(423);
  });

  it('counts concurrent guesses: a burst cannot slip past the lock', async () => {
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => login('cible.concurrente', `Essai-Parallele-${i}!`)),
    );
    const checked = burst.filter((response) => response.status === 401).length;
    expect(checked).toBeGreaterThanOrEqual(4);
    expect(burst.every((response) => [401, 423, 429].includes(response.status))).toBe(true);
    expect((await login('cible.concurrente', 'Essai-Suivant-1!')).status).toBe(423);
  });

  it('throttles login attempts per source address, whatever the identifier', async () => {
    // 30 attempts per window from one address; the tests above used most of them.
    let attempts = 0;
    let response = await login('quelquun.autre', 'Nimporte-Quoi-1');
    while (response.status !== 429 && attempts < 30) {
      attempts += 1;
      response = await login(`quelquun.autre${attempts}`, 'Nimporte-Quoi-1');
    }
    expect(response.status).toBe(429);
    expect(response.body.code).toBe('too_many_requests');
    const evenRight = await login(operator.identifier, 'Apres-Verrou#2');
    expect(evenRight.status).toBe(429);
    expect(Number(evenRight.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
