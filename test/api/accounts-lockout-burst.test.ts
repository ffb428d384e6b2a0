import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalCloud } from '../support/harness.ts';

/**
 * Concurrent attempts on an existing account, whose lockout state lives on its identifier's
 * credentials item: the documented numbers (the 10th consecutive failure locks) without the
 * delays, so that the outcome does not depend on the order in which a burst reaches the table.
 */
const local = useLocalCloud({
  environment: { PASSWORD_HASH_LOG_N: '14', LOCKOUT_POLICY: JSON.stringify({ baseDelaySeconds: 0 }) },
});

let operator: { accountId: string; identifier: string; password: string; token: string };
/** The identifier's credentials item as stored (support module loaded once the cloud is up). */
const rawCredentials = async (identifier: string) =>
  (await import('../support/accounts.ts')).rawCredentials(identifier);
const login = (identifier: string, password: string) =>
  local.api.post('/v1/sessions', { identifier, password });

/** The failures recorded in the account's journal (one `LOGIN#` record per recorded failure). */
async function recordedFailures(accountId: string) {
  const { queryAll } = await import('#shared/storage/store.ts');
  const keys = await import('#shared/storage/keys.ts');
  const items = await queryAll<{ outcome: string }>({
    partition: { name: 'PK', value: keys.account(accountId).PK },
    sortPrefix: { name: 'SK', value: 'LOGIN#' },
  });
  return items.filter((item) => item.outcome === 'failure').length;
}

beforeAll(async () => {
  const support = await import('../support/accounts.ts');
  const { storeEnrolment } = await import('../support/enrolment-fixtures.ts');
  const enrolment = await storeEnrolment({ siret: '47992882200069', status: 'VALIDEE', number: 'ENR0031M0' });
  operator = await support.activeOperator(local, enrolment, 'Rafale-Test#1');
});

describe('concurrent attempts on an existing account', () => {
  it('keeps the count apart from the account: a save from an earlier read erases nothing', async () => {
    const { getAccount, saveAccount } = await import('#shared/accounts/repository.ts');
    const before = await getAccount(operator.accountId);
    expect((await login(operator.identifier, 'Mauvais-Essai-1!')).status).toBe(401);
    // The owner's own edit, from a read taken before the failure: no conflict, count kept.
    await saveAccount(before!, { ...before!, secretQuestion: 'Nom de ma première école ?' });
    expect(await rawCredentials(operator.identifier)).toMatchObject({ failures: 1 });
    expect((await getAccount(operator.accountId))?.secretQuestion).toBe('Nom de ma première école ?');
    expect((await login(operator.identifier, operator.password)).status).toBe(201);
    const cleared = await rawCredentials(operator.identifier);
    expect(Object.keys(cleared ?? {}).filter((name) => /failures|blockedUntil|locked/i.test(name))).toEqual(
      [],
    );
    expect(cleared?.lastLoginAt).toEqual(expect.any(String));
  });

  it('answers the right password sent twice at once with 201s or a 409, never a 401', async () => {
    const pair = await Promise.all([
      login(operator.identifier, operator.password),
      login(operator.identifier, operator.password),
    ]);
    const statuses = pair.map((response) => response.status).sort();
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    for (const response of pair.filter((r) => r.status === 409))
      expect(response.body.code).toBe('login_conflict');
  });

  it('answers four wrong passwords sent at once on a known identifier exactly as on an unknown one', async () => {
    const burst = (identifier: string) =>
      Array.from({ length: 4 }, (_, i) => login(identifier, `Essai-Simultane-${i}!`));
    const responses = await Promise.all([...burst(operator.identifier), ...burst('personne.inexistante')]);
    const answers = (part: typeof responses) =>
      part
        .map((r) => JSON.stringify([r.status, r.body.code, r.body.detail, r.headers.get('retry-after')]))
        .sort();
    const [known, unknown] = [answers(responses.slice(0, 4)), answers(responses.slice(4))];
    expect(known).toEqual(
      Array(4).fill(
        JSON.stringify([401, 'invalid_credentials', 'Identifiant ou mot de passe incorrect.', null]),
      ),
    );
    expect(unknown).toEqual(known);
    expect(await rawCredentials(operator.identifier)).toMatchObject({ failures: 4 });
  });

  it('answers only counted guesses in bursts of 12 parallel wrong guesses, and bursts still end in the lock', async () => {
    let locked = false;
    for (let burstNumber = 0; burstNumber < 12 && !locked; burstNumber += 1) {
      const before = await recordedFailures(operator.accountId);
      const burst = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          login(operator.identifier, `Essai-Parallele-${burstNumber}-${i}!`),
        ),
      );
      const statuses = burst.map((response) => response.status);
      const answered = statuses.filter((status) => status === 401).length;
      // Every 401 answers a failure that was recorded; the rest met a conflict or the lock.
      expect(await recordedFailures(operator.accountId)).toBe(before + answered);
      expect(statuses.every((status) => [401, 409, 423].includes(status))).toBe(true);
      for (const response of burst.filter((r) => r.status === 409))
        expect(response.body.code).toBe('login_conflict');
      // A burst that met no lock recorded at least one failure.
      if (!statuses.includes(423)) expect(answered).toBeGreaterThanOrEqual(1);
      locked = statuses.includes(423) || (await rawCredentials(operator.identifier))?.locked === true;
    }
    expect(locked).toBe(true);
    expect(await rawCredentials(operator.identifier)).toMatchObject({ failures: 10, locked: true });
    const right = await login(operator.identifier, operator.password);
    expect(right.status).toBe(423);
    expect(right.body.code).toBe('account_locked');
  });
});
