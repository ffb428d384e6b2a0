import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { solveCaptcha } from '../support/enrolment.ts';
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
    // The LoginLocked business metric is checked on stdout (EMF).
    POWERTOOLS_METRICS_DISABLED: 'false',
  },
});

let support: typeof import('../support/accounts.ts');
let operator: { accountId: string; identifier: string; password: string; token: string };
/** The identifier's credentials item as stored (support module loaded once the cloud is up). */
const rawCredentials = async (identifier: string) =>
  (await import('../support/accounts.ts')).rawCredentials(identifier);
const login = (identifier: string, password: string) =>
  local.api.post('/v1/sessions', { identifier, password });

beforeAll(async () => {
  support = await import('../support/accounts.ts');
  const { storeEnrolment } = await import('../support/enrolment-fixtures.ts');
  const enrolment = await storeEnrolment({ siret: '39177919600040', status: 'VALIDEE', number: 'ENR0030M0' });
  operator = await support.activeOperator(local, enrolment, 'Verrou-Test#1');
});

const LOCKOUT_NAMES = /failures|lastFailureAt|blockedUntil|locked|lockout/i;

/** The separate brute-force item of an identifier (unknown identifiers only). */
async function identifierCounter(identifier: string) {
  const { getItem } = await import('#shared/storage/store.ts');
  const keys = await import('#shared/storage/keys.ts');
  const { subjectOf } = await import('#shared/accounts/rate-limit.ts');
  return getItem(keys.loginAttempts(subjectOf(identifier)));
}

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
    const stdout = vi.spyOn(process.stdout, 'write');
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
    // One LoginLocked metric, from the failure that locked (EMF line on stdout), none before.
    const lockMetrics = stdout.mock.calls
      .map(([chunk]) => String(chunk))
      .filter((line) => line.includes('"LoginLocked"'));
    stdout.mockRestore();
    expect(lockMetrics.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({
        _aws: expect.objectContaining({
          CloudWatchMetrics: [
            {
              Namespace: 'SegurMss',
              Dimensions: [['service']],
              Metrics: [{ Name: 'LoginLocked', Unit: 'Count' }],
            },
          ],
        }),
        LoginLocked: 1,
      }),
    ]);
    const locked = await login(operator.identifier, operator.password);
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('account_locked');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(590);
    // The existing session is not affected by the lock.
    const me = await local.api.get('/v1/me', support.bearer(operator.token));
    expect(me.status).toBe(200);
    // The lock is stored on the identifier's credentials item, and never leaves the store.
    expect(await rawCredentials(operator.identifier)).toMatchObject({ failures: 4, locked: true });
    expect(JSON.stringify(me.body)).not.toMatch(/lockout|failures|blockedUntil|locked/i);
    const { getAccount, findAccountsByEmail } = await import('#shared/accounts/repository.ts');
    const account = await getAccount(operator.accountId);
    expect(Object.keys(account ?? {}).filter((name) => LOCKOUT_NAMES.test(name))).toEqual([]);
    const byEmail = await findAccountsByEmail(account?.email ?? '');
    expect(byEmail.flatMap((item) => Object.keys(item)).filter((name) => LOCKOUT_NAMES.test(name))).toEqual(
      [],
    );
    // Counted on the credentials item, not on a separate item of the identifier.
    expect(await identifierCounter(operator.identifier)).toBeUndefined();

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
    // The reset lifted the lock stored on the credentials item.
    const lifted = await rawCredentials(operator.identifier);
    expect(Object.keys(lifted ?? {}).filter((name) => LOCKOUT_NAMES.test(name))).toEqual([]);
    expect((await login(operator.identifier, newPassword)).status).toBe(201);

    // The journal: failures under the account, successes as their session items (6 months).
    const { queryPage } = await import('#shared/storage/store.ts');
    const keys = await import('#shared/storage/keys.ts');
    const { indexKeys } = keys;
    const failures = await queryPage<{ outcome: string; sourceIp: string }>({
      partition: { name: 'PK', value: keys.account(operator.accountId).PK },
      sortPrefix: { name: 'SK', value: 'LOGIN#' },
    });
    // 4 failures (refused attempts are not checked).
    expect(failures.items.map((item) => item.outcome)).toEqual(['failure', 'failure', 'failure', 'failure']);
    const sessions = await queryPage<{
      origin: string;
      sourceIp: string;
      revokedAt?: string;
      expiresAt: number;
    }>({
      index: 'GSI1',
      partition: { name: 'GSI1PK', value: indexKeys.sessionsByAccount(operator.accountId).GSI1PK },
    });
    // activeOperator's login and the last login; the session of the password change is no login.
    const logins = sessions.items.filter((item) => item.origin === 'login');
    expect(logins).toHaveLength(2);
    for (const item of [...failures.items, ...logins])
      expect(item.sourceIp).toEqual(expect.stringMatching(/\S/));
    // The first login's session was revoked by the password change and stays as its record.
    expect(logins[0]?.revokedAt).toEqual(expect.any(String));
    expect(logins[1]?.revokedAt).toBeUndefined();
    expect(logins[0]?.expiresAt).toBeGreaterThan(Date.now() / 1000 + 180 * 86_400);
  });

  it('locks an unknown identifier the same way, so a lock reveals nothing', async () => {
    const fourth = await failTimes('personne.inconnue', 4);
    expect(fourth.status).toBe(401);
    const locked = await login('personne.inconnue', 'Nimporte-Quoi-1');
    expect(locked.status).toBe(423);
    // Counted on the identifier's own item, since no account has it.
    expect(await identifierCounter('personne.inconnue')).toMatchObject({ failures: 4, locked: true });
  });

  it('counts concurrent guesses: each 401 answers a recorded failure, and a burst cannot slip past the delay or the lock', async () => {
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => login('cible.concurrente', `Essai-Parallele-${i}!`)),
    );
    const checked = burst.filter((response) => response.status === 401).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(burst.every((response) => [401, 423, 429].includes(response.status))).toBe(true);
    // No guess is answered unless its failure was recorded; the others met the delay or the lock.
    expect(await identifierCounter('cible.concurrente')).toMatchObject({ failures: checked });
    expect([423, 429]).toContain((await login('cible.concurrente', 'Essai-Suivant-1!')).status);
  });

  it('over its failure limit, an address needs a captcha to log in: correct credentials still open a session', async () => {
    // 30 failed logins per window from one address; the tests above made most of them.
    let attempts = 0;
    let response = await login('quelquun.autre', 'Nimporte-Quoi-1');
    while (response.status !== 429 && attempts < 30) {
      attempts += 1;
      response = await login(`quelquun.autre${attempts}`, 'Nimporte-Quoi-1');
    }
    expect(response.status).toBe(429);
    expect(response.body.code).toBe('captcha_required');
    expect(response.body.detail).toMatch(/captcha/);
    expect(response.body.errors).toEqual([{ path: 'body.captcha', message: expect.any(String) }]);
    // Decided on the address alone: a known identifier with its right password is asked the same.
    const withoutCaptcha = await login(operator.identifier, 'Apres-Verrou#2');
    expect(withoutCaptcha.status).toBe(429);
    expect(withoutCaptcha.body.code).toBe('captcha_required');

    const loginWith = (password: string, captcha: { id: string; answer: string }) =>
      local.api.post('/v1/sessions', { identifier: operator.identifier, password, captcha });
    const wrongCaptcha = await loginWith('Apres-Verrou#2', {
      ...(await solveCaptcha(local.api)),
      answer: 'XXXXXX',
    });
    expect(wrongCaptcha.status).toBe(422);
    expect(wrongCaptcha.body.code).toBe('captcha_invalid');
    const wrongPassword = await loginWith('Pas-Le-Bon#9', await solveCaptcha(local.api));
    expect(wrongPassword.status).toBe(401);
    const right = await loginWith('Apres-Verrou#2', await solveCaptcha(local.api));
    expect(right.status).toBe(201);
    expect(right.body.token).toEqual(expect.any(String));
  });
});
