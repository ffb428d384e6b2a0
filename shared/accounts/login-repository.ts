/**
 * Storage of what a login reads and records besides the Credentials item (repository.ts): the
 * LOGIN_ATTEMPTS item of an identifier no account has (keys.loginAttempts, by hashed
 * identifier, with a TTL), the failed-login journal under the account (keys.accountLogin), and
 * the one BatchGetItem a login starts with.
 */
import { randomUUID } from 'node:crypto';
import { nowIso, nowSeconds } from '../clock.ts';
import * as keys from '../storage/keys.ts';
import { getItem, getItems, putIf, putItem } from '../storage/store.ts';
import { normaliseIdentifier } from './model.ts';
import { subjectOf } from './rate-limit.ts';
import { type RateWindow, rateWindowKey } from './rate-limit-repository.ts';
import { credentialsKey } from './repository.ts';
import { LOGIN_HISTORY_SECONDS } from './sessions.ts';

const unknownIdentifierKey = (identifier: string) =>
  keys.loginAttempts(subjectOf(normaliseIdentifier(identifier)));

/**
 * One BatchGetItem (consistent reads): the identifier's Credentials item, its LOGIN_ATTEMPTS item
 * (the lockout state of an identifier no account has) and the count of the source's window.
 */
export async function readLoginItems(identifier: string, window: RateWindow) {
  const [credentials, attempts, counter] = await getItems<Record<string, unknown>>([
    credentialsKey(identifier),
    unknownIdentifierKey(identifier),
    rateWindowKey(window),
  ]);
  return { credentials, attempts, sourceFailures: Number(counter?.count ?? 0) };
}

/** The LOGIN_ATTEMPTS item of an identifier no account has (its lockout state), if any. */
export const getUnknownIdentifierAttempts = (identifier: string) =>
  getItem<Record<string, unknown>>(unknownIdentifierKey(identifier));

/**
 * Stores the lockout state of an identifier no account has, conditional on the `loginSeq` read
 * (`seen`; `undefined`: no item was read); false if another attempt recorded first.
 */
export const writeUnknownIdentifierAttempts = (
  identifier: string,
  state: Record<string, unknown> & { loginSeq: number; expiresAt: number },
  seen: number | undefined,
  nowSeconds: number,
): Promise<boolean> =>
  putIf(
    { ...unknownIdentifierKey(identifier), type: 'LoginAttempts', ...state },
    seen === undefined
      ? {
          expression: 'attribute_not_exists(PK) OR expiresAt <= :now',
          values: { ':now': Math.floor(nowSeconds) },
        }
      : {
          expression: 'loginSeq = :seen OR (attribute_not_exists(loginSeq) AND :seen = :zero)',
          values: { ':seen': seen, ':zero': 0 },
        },
  );

/** A failed login of an existing account, kept 6 months (successes are their session item). */
export async function recordFailedLogin(accountId: string, sourceIp: string): Promise<void> {
  const at = nowIso();
  await putItem({
    ...keys.accountLogin(accountId, at, randomUUID()),
    type: 'LoginAttempt',
    accountId,
    outcome: 'failure',
    sourceIp,
    at,
    expiresAt: nowSeconds() + LOGIN_HISTORY_SECONDS,
  });
}
