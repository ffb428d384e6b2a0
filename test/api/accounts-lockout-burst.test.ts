import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalCloud } from '../support/harness.ts';

/**
 * Concurrent guesses on an existing account, whose count lives on the account item: the
 * documented numbers (the 10th consecutive failure locks) without the delays, so that the
 * outcome does not depend on the order in which a burst reaches the table.
 */
const local = useLocalCloud({
  environment: { PASSWORD_HASH_LOG_N: '14', LOCKOUT_POLICY: JSON.stringify({ baseDelaySeconds: 0 }) },
});

let operator: { accountId: string; identifier: string; password: string; token: string };
const login = (identifier: string, password: string) =>
  local.api.post('/v1/sessions', { identifier, password });

async function rawAccount(accountId: string) {
  const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
  const { documentClient, tableName } = await import('../../shared/storage/client.ts');
  const { keys } = await import('../../shared/storage/keys.ts');
  return (await documentClient.send(new GetCommand({ TableName: tableName, Key: keys.account(accountId) })))
    .Item;
}

beforeAll(async () => {
  const support = await import('../support/accounts.ts');
  const { storeEnrolment } = await import('../support/enrolment-fixtures.ts');
  const enrolment = await storeEnrolment({ siret: '47992882200069', status: 'VALIDEE', number: 'ENR0031M0' });
  operator = await support.activeOperator(local, enrolment, 'Rafale-Test#1');
});

describe('concurrent guesses on an existing account', () => {
  it('counts a save from an earlier read without erasing the count', async () => {
    const { getAccount, saveAccount } = await import('../../shared/accounts/repository.ts');
    const before = await getAccount(operator.accountId);
    expect((await login(operator.identifier, 'Mauvais-Essai-1!')).status).toBe(401);
    // The owner's own edit, from a read taken before the failure: no conflict, count kept.
    await saveAccount(before!, { ...before!, secretQuestion: 'Nom de ma première école ?' });
    expect(await rawAccount(operator.accountId)).toMatchObject({
      'lockout#failures': 1,
      secretQuestion: 'Nom de ma première école ?',
    });
    expect((await login(operator.identifier, operator.password)).status).toBe(201);
    const cleared = await rawAccount(operator.accountId);
    expect(Object.keys(cleared ?? {}).filter((name) => name.startsWith('lockout'))).toEqual([]);
    expect(cleared?.lastLoginAt).toEqual(expect.any(String));
  });

  it('counts all of 12 parallel wrong guesses: the 10th failure locks, even the right password', async () => {
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(operator.identifier, `Essai-Parallele-${i}!`)),
    );
    const checked = burst.filter((response) => response.status === 401).length;
    // Every checked guess was counted before its hash was checked; the rest met the lock.
    expect(checked).toBeGreaterThanOrEqual(10);
    expect(burst.filter((response) => response.status !== 401).every((r) => r.status === 423)).toBe(true);
    expect(await rawAccount(operator.accountId)).toMatchObject({
      'lockout#failures': checked,
      'lockout#locked': true,
    });
    const right = await login(operator.identifier, operator.password);
    expect(right.status).toBe(423);
    expect(right.body.code).toBe('account_locked');
  });
});
