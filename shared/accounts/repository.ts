import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conflict } from '../http/problem.ts';
import { documentClient, tableName } from '../storage/client.ts';
import { indexKeys, keys, type PrimaryKey } from '../storage/keys.ts';
import { getItem, isConditionFailure, putNew, queryPage, stripKeys } from '../storage/store.ts';
import type { Account } from './model.ts';

/** Storage of the account aggregate; the only module that spells its keys. */
const toItem = (account: Account) => ({
  ...keys.account(account.id),
  ...indexKeys.accountsByEmail(account.email, account.id),
  type: 'Account',
  ...account,
});

/**
 * The brute-force count of an account's identifier lives on the account item (login.ts counts
 * and reads the account in one UpdateItem). `#` cannot appear in an Account field name, so these
 * attributes never collide with one; they are owned by the login alone: `fromItem` drops them
 * (they never reach an Account, a view or a response) and `saveAccount` never writes them.
 */
export const ACCOUNT_LOCKOUT_ATTRIBUTES = {
  failures: 'lockout#failures',
  lastFailureAt: 'lockout#lastFailureAt',
  blockedUntil: 'lockout#blockedUntil',
  locked: 'lockout#locked',
} as const;

const LOCKOUT_NAMES: ReadonlySet<string> = new Set(Object.values(ACCOUNT_LOCKOUT_ATTRIBUTES));

/** The Account of a stored item (keys already stripped by the store), without the lockout state. */
export function fromItem(item: Record<string, unknown>): Account {
  const account: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) if (!LOCKOUT_NAMES.has(name)) account[name] = value;
  return account as unknown as Account;
}

/** The account item's key, for the login's atomic count (login.ts). */
export const accountKey = (accountId: string): PrimaryKey => keys.account(accountId);

export async function getAccount(accountId: string): Promise<Account | undefined> {
  const item = await getItem<Record<string, unknown>>(keys.account(accountId));
  return item ? fromItem(item) : undefined;
}

export async function createAccount(account: Account, onExists: () => Error): Promise<void> {
  await putNew(toItem(account), onExists);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes `next` if nobody changed the account since `current` was read; returns the new version.
 * One UpdateItem of the attributes that differ (optimistic locking on `version`), not a Put of
 * the whole item: the attributes written without a version by the login (lockout count,
 * `lastLoginAt`, a rehashed password) are left as they are unless this save changes them, so a
 * save from a read taken before a failed guess cannot erase nor resurrect a lockout count.
 */
export async function saveAccount(current: Account, next: Account): Promise<Account> {
  const expected = current.version;
  const version = expected + 1;
  const before: Record<string, unknown> = toItem(current);
  const after: Record<string, unknown> = toItem({ ...next, updatedAt: new Date().toISOString() });
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': expected, ':version': version };
  const sets = ['#version = :version'];
  const removes: string[] = [];
  const fixed = new Set(['PK', 'SK', 'id', 'version', ...LOCKOUT_NAMES]);
  let placeholders = 0;
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (fixed.has(name) || same(after[name], before[name])) continue;
    const placeholder = `a${placeholders++}`;
    names[`#${placeholder}`] = name;
    if (after[name] === undefined) {
      removes.push(`#${placeholder}`);
    } else {
      values[`:${placeholder}`] = after[name];
      sets.push(`#${placeholder} = :${placeholder}`);
    }
  }
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.account(current.id),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) {
      throw conflict(
        'stale_version',
        'Cette ressource a été modifiée entre-temps. Rechargez-la puis recommencez.',
        {
          expectedVersion: expected,
        },
      );
    }
    throw error;
  }
  return { ...next, updatedAt: after.updatedAt as string, version };
}

/** The owner recorded by a uniqueness guard (identifier or operator SIRET), if any. */
export async function guardOwner(kind: 'identifier' | 'operatorSiret', value: string) {
  return (await getItem<{ owner: string }>(keys.guard(kind, value)))?.owner;
}

export async function findAccountByIdentifier(identifier: string): Promise<Account | undefined> {
  const owner = await guardOwner('identifier', identifier);
  return owner ? getAccount(owner) : undefined;
}

export async function findAccountsByEmail(email: string): Promise<Account[]> {
  const { GSI2PK } = indexKeys.accountsByEmail(email);
  const page = await queryPage<Record<string, unknown>>({
    index: 'GSI2',
    partition: { name: 'GSI2PK', value: GSI2PK },
    limit: 10,
  });
  return page.items.map(fromItem);
}

/**
 * After a successful password check: clears the lockout count and sets `extra` (the login's
 * `lastLoginAt`, a rehashed password), in one UpdateItem without a version, so it never
 * conflicts with the owner's own edits. It applies only if the account is still active with
 * the hash that was verified: a concurrent password change or deactivation wins (undefined).
 * Returns the account as stored after the write.
 */
export async function settleSuccessfulCheck(
  account: Account,
  verifiedHash: string,
  extra: { lastLoginAt?: string; passwordHash?: string } = {},
): Promise<Account | undefined> {
  const { failures, lastFailureAt, blockedUntil, locked } = ACCOUNT_LOCKOUT_ATTRIBUTES;
  const written = Object.entries(extra).filter(([, value]) => value !== undefined);
  const sets = written.map(([name]) => `#${name} = :${name}`);
  try {
    const { Attributes } = await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.account(account.id),
        UpdateExpression: `REMOVE #failures, #lastFailureAt, #blockedUntil, #locked${sets.length ? ` SET ${sets.join(', ')}` : ''}`,
        ConditionExpression: 'attribute_exists(PK) AND #status = :active AND #passwordHash = :verified',
        ExpressionAttributeNames: {
          '#failures': failures,
          '#lastFailureAt': lastFailureAt,
          '#blockedUntil': blockedUntil,
          '#locked': locked,
          '#status': 'status',
          '#passwordHash': 'passwordHash',
          ...Object.fromEntries(written.map(([name]) => [`#${name}`, name])),
        },
        ExpressionAttributeValues: {
          ':active': 'ACTIVE',
          ':verified': verifiedHash,
          ...Object.fromEntries(written.map(([name, value]) => [`:${name}`, value])),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes ? fromItem(stripKeys(Attributes)) : undefined;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** Password reset: lifts the brute-force delay or lock of the account (its identifier). */
export async function clearAccountLockout(accountId: string): Promise<void> {
  const { failures, lastFailureAt, blockedUntil, locked } = ACCOUNT_LOCKOUT_ATTRIBUTES;
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.account(accountId),
        UpdateExpression: 'REMOVE #failures, #lastFailureAt, #blockedUntil, #locked',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: {
          '#failures': failures,
          '#lastFailureAt': lastFailureAt,
          '#blockedUntil': blockedUntil,
          '#locked': locked,
        },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
