/**
 * Storage of the sessions: keys.session(tokenHash), one item per session (also the journal
 * record of its login), listed by account (queries.sessionsOfAccountSince); and
 * keys.sessionRevocation(accountId), the account's "every session opened before" mark.
 */
import * as keys from '../storage/keys.ts';
import { indexKeys } from '../storage/keys.ts';
import * as queries from '../storage/queries.ts';
import { getItems, putItem, queryAll, updateItem } from '../storage/store.ts';
import type { StoredSession } from './session-token.ts';

/** Writes a new session item (with its journal fields and its TTL). */
export async function putSession(
  tokenHash: string,
  session: StoredSession & { sourceIp: string; origin: string; expiresAt: number },
): Promise<void> {
  await putItem({
    ...keys.session(tokenHash),
    ...indexKeys.sessionsByAccount(session.accountId, session.createdAt),
    type: 'Session',
    tokenHash,
    ...session,
  });
}

/** One BatchGetItem: the session and its account's revocation mark (epoch ms), both consistent. */
export async function readSessionAndRevocation(tokenHash: string, accountId: string) {
  const [session, revocation] = await getItems<StoredSession & { revokedBeforeMs?: number }>([
    keys.session(tokenHash),
    keys.sessionRevocation(accountId),
  ]);
  return { session, revokedBeforeMs: revocation?.revokedBeforeMs };
}

/**
 * Pushes the idle expiry back, conditional on the item still existing and not revoked; the TTL
 * (`expiresAt`, the journal's) is left alone.
 */
export async function renewSession(
  tokenHash: string,
  renewedAt: number,
  idleExpiresAt: number,
): Promise<void> {
  await updateItem(keys.session(tokenHash), {
    update: 'SET renewedAt = :now, idleExpiresAt = :idle',
    condition: 'attribute_exists(PK) AND attribute_not_exists(revokedAt)',
    values: { ':now': renewedAt, ':idle': idleExpiresAt },
  });
}

/** Marks one session revoked; false when it does not exist or was already revoked. */
export async function markSessionRevoked(tokenHash: string, at: string): Promise<boolean> {
  const revoked = await updateItem(keys.session(tokenHash), {
    update: 'SET revokedAt = :at',
    condition: 'attribute_exists(PK) AND attribute_not_exists(revokedAt)',
    values: { ':at': at },
  });
  return revoked !== undefined;
}

/** The account's revocation mark: every session opened before `atMs` ends. */
export async function markSessionsRevokedBefore(accountId: string, atMs: number): Promise<void> {
  await updateItem(keys.sessionRevocation(accountId), {
    update: 'SET #type = :type, revokedBeforeMs = :now',
    names: { '#type': 'type' },
    values: { ':type': 'SessionRevocation', ':now': atMs },
  });
}

/** The account's sessions opened since `openedSince` (ISO date), with their token hash. */
export const listSessionsOpenedSince = (accountId: string, openedSince: string) =>
  queryAll<{ tokenHash?: string; revokedAt?: string; absoluteExpiresAt?: number }>(
    queries.sessionsOfAccountSince(accountId, openedSince),
  );

/** Lifts the first-login restriction of a live session of `accountId`. */
export async function clearSessionPasswordChangeRequired(
  tokenHash: string,
  accountId: string,
): Promise<void> {
  await updateItem(keys.session(tokenHash), {
    update: 'SET passwordChangeRequired = :false',
    condition: 'accountId = :accountId AND attribute_not_exists(revokedAt)',
    values: { ':false': false, ':accountId': accountId },
  });
}
