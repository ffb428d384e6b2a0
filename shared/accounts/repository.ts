import { nowIso } from '../clock.ts';
import { conflict } from '../errors.ts';
import * as keys from '../storage/keys.ts';
import { indexKeys, type PrimaryKey } from '../storage/keys.ts';
import * as queries from '../storage/queries.ts';
import { claimGuard, getItem, putIf, putNew, queryPage, updateItem } from '../storage/store.ts';
import { type Account, type Credentials, normaliseIdentifier } from './model.ts';

/**
 * Storage of the account aggregate (keys.account, found by email: queries.accountsByEmail) and of
 * the Credentials items (keys.credentials, by normalised identifier: the identifier's guard).
 */
const toItem = (account: Account) => ({
  ...keys.account(account.id),
  ...indexKeys.accountsByEmail(account.email, account.id),
  type: 'Account',
  ...account,
});

/** The Account of a stored item (keys already stripped by the store). */
export const fromItem = (item: Record<string, unknown>): Account => item as unknown as Account;

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
 * the whole item. The password and the lockout state are not on the account (Credentials).
 */
export async function saveAccount(current: Account, next: Account): Promise<Account> {
  const expected = current.version;
  const version = expected + 1;
  const before: Record<string, unknown> = toItem(current);
  const after: Record<string, unknown> = toItem({ ...next, updatedAt: nowIso() });
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': expected, ':version': version };
  const sets = ['#version = :version'];
  const removes: string[] = [];
  const fixed = new Set(['PK', 'SK', 'id', 'version']);
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
  const saved = await updateItem(keys.account(current.id), {
    update: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    condition: 'attribute_exists(PK) AND #version = :expected',
    names,
    values,
  });
  if (!saved) {
    throw conflict(
      'stale_version',
      'Cette ressource a été modifiée entre-temps. Rechargez-la puis recommencez.',
      {
        expectedVersion: expected,
      },
    );
  }
  return { ...next, updatedAt: after.updatedAt as string, version };
}

/**
 * One operator account per SIRET: claims the guard keys.guard('operatorSiret', siret) for
 * `accountId` (a retry by the same account succeeds; another owner gets `onTaken`).
 */
export const claimOperatorSiret = (siret: string, accountId: string, onTaken: (owner: string) => Error) =>
  claimGuard(keys.guard('operatorSiret', siret), accountId, onTaken);

/** The owner recorded by a uniqueness guard (operator SIRET), if any. */
export async function guardOwner(kind: 'operatorSiret', value: string) {
  return (await getItem<{ owner: string }>(keys.guard(kind, value)))?.owner;
}

export async function findAccountByIdentifier(identifier: string): Promise<Account | undefined> {
  const credentials = await getCredentials(identifier);
  return credentials ? getAccount(credentials.accountId) : undefined;
}

export async function findAccountsByEmail(email: string): Promise<Account[]> {
  const page = await queryPage<Record<string, unknown>>({ ...queries.accountsByEmail(email), limit: 10 });
  return page.items.map(fromItem);
}

// Credentials: one item per normalised identifier (keys.credentials), the identifier's guard.

/** The stored names of the lockout state on a Credentials item (read and written by login.ts only). */
export const LOCKOUT_ATTRIBUTES = ['failures', 'lastFailureAt', 'blockedUntil', 'locked'] as const;

const CREDENTIALS_FIELDS: ReadonlyArray<keyof Credentials> = [
  'identifier',
  'accountId',
  'role',
  'status',
  'siret',
  'passwordHash',
  'passwordIsTemporary',
  'temporaryPasswordExpiresAt',
  'passwordChangedAt',
  'secretQuestionSet',
  'loginSeq',
  'lastLoginAt',
];

/** The key of an identifier's Credentials item (normalised). */
export const credentialsKey = (identifier: string): PrimaryKey =>
  keys.credentials(normaliseIdentifier(identifier));

/** The Credentials of a stored item (keys stripped or not), without the lockout state. */
export function credentialsFromItem(item: Record<string, unknown>): Credentials {
  const credentials: Record<string, unknown> = {};
  for (const name of CREDENTIALS_FIELDS) if (item[name] !== undefined) credentials[name] = item[name];
  credentials.loginSeq = Number(item.loginSeq ?? 0);
  credentials.secretQuestionSet = item.secretQuestionSet === true;
  credentials.passwordIsTemporary = item.passwordIsTemporary === true;
  return credentials as unknown as Credentials;
}

/** The stored Credentials item of an identifier (with its lockout state), consistent read. */
export const getCredentialsItem = (identifier: string) =>
  getItem<Record<string, unknown>>(credentialsKey(identifier));

/** Consistent read of an identifier's Credentials. */
export async function getCredentials(identifier: string): Promise<Credentials | undefined> {
  const item = await getCredentialsItem(identifier);
  return item ? credentialsFromItem(item) : undefined;
}

/**
 * Claims an identifier for an account by creating its Credentials item (attribute_not_exists).
 * A retry by the same account succeeds (`created: false`); another account gets `onTaken`.
 */
export async function claimCredentials(
  credentials: Credentials,
  onTaken: (owner: string) => Error,
): Promise<{ created: boolean }> {
  const key = credentialsKey(credentials.identifier);
  const item = { ...key, type: 'Credentials', ...credentials, createdAt: nowIso() };
  if (await putIf(item, { expression: 'attribute_not_exists(PK)' })) return { created: true };
  const existing = await getItem<{ accountId: string }>(key);
  if (existing === undefined) return claimCredentials(credentials, onTaken);
  if (existing.accountId === credentials.accountId) return { created: false };
  throw onTaken(existing.accountId);
}

export interface CredentialsUpdate {
  set?: Record<string, unknown>;
  remove?: string[];
  /** Removes the lockout state (a success, a new password). */
  clearLockout?: boolean;
  /** Increments `loginSeq`: a login that read the item before this write cannot record its outcome. */
  bumpLoginSeq?: boolean;
  /** Conditions besides the item existing. */
  expect?: { loginSeq?: number; passwordHash?: string; active?: boolean };
}

/**
 * One conditional UpdateItem of a Credentials item; the item as stored after it, or undefined
 * when a condition failed (the item is missing, or changed since it was read).
 */
export async function updateCredentials(
  identifier: string,
  update: CredentialsUpdate,
): Promise<Credentials | undefined> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  let n = 0;
  const name = (attribute: string) => {
    const placeholder = `#n${n++}`;
    names[placeholder] = attribute;
    return placeholder;
  };
  const value = (v: unknown) => {
    const placeholder = `:v${n++}`;
    values[placeholder] = v;
    return placeholder;
  };
  for (const [attribute, v] of Object.entries(update.set ?? {}))
    if (v !== undefined) sets.push(`${name(attribute)} = ${value(v)}`);
  for (const attribute of [...(update.remove ?? []), ...(update.clearLockout ? LOCKOUT_ATTRIBUTES : [])])
    removes.push(name(attribute));
  const conditions = ['attribute_exists(PK)'];
  let seqName: string | undefined;
  const seq = () => {
    seqName ??= name('loginSeq');
    return seqName;
  };
  const expected = update.expect ?? {};
  if (expected.loginSeq !== undefined) {
    const seen = value(expected.loginSeq);
    conditions.push(
      expected.loginSeq === 0
        ? `(${seq()} = ${seen} OR attribute_not_exists(${seq()}))`
        : `${seq()} = ${seen}`,
    );
  }
  if (update.bumpLoginSeq) sets.push(`${seq()} = if_not_exists(${seq()}, ${value(0)}) + ${value(1)}`);
  if (expected.passwordHash !== undefined)
    conditions.push(`${name('passwordHash')} = ${value(expected.passwordHash)}`);
  if (expected.active) conditions.push(`${name('status')} = ${value('ACTIVE')}`);
  const expression = [
    sets.length ? `SET ${sets.join(', ')}` : '',
    removes.length ? `REMOVE ${removes.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const stored = await updateItem(credentialsKey(identifier), {
    update: expression,
    condition: conditions.join(' AND '),
    names,
    ...(Object.keys(values).length ? { values } : {}),
    returns: 'ALL_NEW',
  });
  return stored ? credentialsFromItem(stored) : undefined;
}
