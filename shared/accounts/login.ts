import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ProblemError } from '../http/problem.ts';
import { logger } from '../logger.ts';
import { documentClient, tableName } from '../storage/client.ts';
import { keys, type PrimaryKey } from '../storage/keys.ts';
import { getItem, isConditionFailure, putItem, stripKeys } from '../storage/store.ts';
import {
  blockAfter,
  DEFAULT_LOCKOUT_POLICY,
  gateAttempt,
  type LockoutPolicy,
  type LoginAttemptState,
  retentionSeconds,
} from './lockout.ts';
import { type Account, normaliseIdentifier } from './model.ts';
import { consumeRateLimit, limitFromEnv, subjectOf } from './rate-limit.ts';
import {
  ACCOUNT_LOCKOUT_ATTRIBUTES,
  accountKey,
  fromItem,
  guardOwner,
  settleSuccessfulCheck,
} from './repository.ts';
import { decoyHash, hashSecret, needsRehash, verifySecret } from './secret-hash.ts';
import { type IssuedSession, LOGIN_HISTORY_SECONDS, openSession } from './sessions.ts';

/** Per source address: 50 login attempts per 5 minutes (LOGIN_SOURCE_LIMIT overrides). */
const SOURCE_LIMIT = limitFromEnv(
  'login-source',
  { limit: 50, windowSeconds: 300 },
  process.env.LOGIN_SOURCE_LIMIT,
);

/** LOCKOUT_POLICY (JSON, partial) overrides the documented defaults, e.g. shorter delays in tests. */
export function lockoutPolicy(value = process.env.LOCKOUT_POLICY): LockoutPolicy {
  if (!value) return DEFAULT_LOCKOUT_POLICY;
  const policy = { ...DEFAULT_LOCKOUT_POLICY, ...(JSON.parse(value) as Partial<LockoutPolicy>) };
  if (!Object.values(policy).every((n) => Number.isFinite(n) && n >= 0))
    throw new Error('Invalid configuration: LOCKOUT_POLICY');
  return policy;
}

/** Read once per cold start: a malformed setting fails loudly there, not on each login. */
const POLICY = lockoutPolicy();

export const invalidCredentials = (retryAfterSeconds = 0) =>
  new ProblemError(401, 'invalid_credentials', 'Identifiant ou mot de passe incorrect.', {
    ...(retryAfterSeconds > 0
      ? { extensions: { retryAfterSeconds }, headers: { 'Retry-After': String(retryAfterSeconds) } }
      : {}),
  });

function refusedAttempt(reason: 'delayed' | 'locked', retryAfterSeconds: number): ProblemError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const options = {
    extensions: { retryAfterSeconds },
    headers: { 'Retry-After': String(retryAfterSeconds) },
  };
  return reason === 'locked'
    ? new ProblemError(
        423,
        'account_locked',
        `Trop de tentatives de connexion échouées : l'accès est verrouillé pendant ${minutes} minute(s). Vous pouvez aussi réinitialiser votre mot de passe.`,
        options,
      )
    : new ProblemError(
        429,
        'login_delayed',
        `Trop de tentatives de connexion échouées : réessayez dans ${retryAfterSeconds} seconde(s).`,
        options,
      );
}

/** Stored attribute names of a brute-force count (lockout.ts's LoginAttemptState). */
type StateNames = Record<keyof LoginAttemptState, string>;

/**
 * Where the brute-force count of an identifier lives. An identifier that an account has: on the
 * account item (the count's UpdateItem also reads the account). Any other identifier: its own
 * LOGIN_ATTEMPTS item (with a TTL), so unknown identifiers are counted and answered alike.
 */
interface AttemptCounter {
  key: PrimaryKey;
  names: StateNames;
  /** True for the identifier's own item (created on the first attempt, type and TTL); false for an account. */
  standalone: boolean;
}

const identifierCounter = (identifier: string): AttemptCounter => ({
  key: keys.loginAttempts(subjectOf(normaliseIdentifier(identifier))),
  names: {
    failures: 'failures',
    lastFailureAt: 'lastFailureAt',
    blockedUntil: 'blockedUntil',
    locked: 'locked',
  },
  standalone: true,
});

const accountCounter = (accountId: string): AttemptCounter => ({
  key: accountKey(accountId),
  names: ACCOUNT_LOCKOUT_ATTRIBUTES,
  standalone: false,
});

const STATE_NAMES = {
  '#failures': 'failures',
  '#lastFailureAt': 'lastFailureAt',
  '#blockedUntil': 'blockedUntil',
  '#locked': 'locked',
} as const;

const namesOf = (counter: AttemptCounter) => ({
  ...Object.fromEntries(
    Object.entries(STATE_NAMES).map(([placeholder, field]) => [placeholder, counter.names[field]]),
  ),
  ...(counter.standalone ? { '#type': 'type' } : {}),
});

/** A failed login of an existing account, kept 6 months (successes are their session item). */
async function recordFailedLogin(accountId: string, sourceIp: string) {
  const at = new Date().toISOString();
  await putItem({
    ...keys.accountLogin(accountId, at, randomUUID()),
    type: 'LoginAttempt',
    accountId,
    outcome: 'failure',
    sourceIp,
    at,
    expiresAt: Math.floor(Date.now() / 1000) + LOGIN_HISTORY_SECONDS,
  });
}

/** The stored item after a counted attempt (keys stripped) and the failures this attempt makes. */
interface CountedAttempt {
  failures: number;
  item: Record<string, unknown>;
}

/** Attempts at a count that other attempts keep changing before giving up (a 429, retry soon). */
const MAX_COUNT_ROUNDS = 5;

/**
 * Counts an attempt atomically, before the slow hash check, so that concurrent guesses are all
 * counted; refuses it while the identifier is delayed or locked. Returns the number of
 * consecutive failures this attempt makes if it fails, with the stored item (for an account,
 * the account itself: one call counts and reads it). Undefined when the account item is gone.
 */
async function admitAttempt(
  counter: AttemptCounter,
  now: number,
  policy: LockoutPolicy,
): Promise<CountedAttempt | undefined> {
  const expiresAt = Math.ceil(now + policy.forgetAfterSeconds);
  const own = counter.standalone ? ', #type = :type, expiresAt = :expiresAt' : '';
  const ownValues = counter.standalone ? { ':type': 'LoginAttempts', ':expiresAt': expiresAt } : {};
  const update = async (expression: string, condition: string, values: Record<string, unknown>) => {
    const { Attributes } = await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: counter.key,
        UpdateExpression: `${expression}${own}`,
        ConditionExpression: condition,
        ExpressionAttributeNames: namesOf(counter),
        ExpressionAttributeValues: { ...values, ...ownValues },
        ReturnValues: 'ALL_NEW',
      }),
    );
    const item = stripKeys<Record<string, unknown>>(Attributes ?? {});
    return { failures: Number(item[counter.names.failures]), item };
  };
  for (let round = 0; round < MAX_COUNT_ROUNDS; round += 1) {
    try {
      // Only a live, unblocked count grows; anything else is decided below.
      const live = '#blockedUntil <= :now AND #locked = :false AND #lastFailureAt > :staleBefore';
      return await update(
        'ADD #failures :one SET #lastFailureAt = :now, #blockedUntil = if_not_exists(#blockedUntil, :zero), #locked = if_not_exists(#locked, :false)',
        counter.standalone
          ? `attribute_not_exists(PK) OR (${live} AND expiresAt > :now)`
          : `attribute_exists(PK) AND (attribute_not_exists(#failures) OR (${live}))`,
        {
          ':one': 1,
          ':zero': 0,
          ':now': now,
          ':false': false,
          ':staleBefore': now - policy.forgetAfterSeconds,
        },
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const stored = await getItem<Record<string, unknown>>(counter.key);
    if (!stored && !counter.standalone) return undefined;
    const state =
      stored?.[counter.names.failures] === undefined
        ? undefined
        : (Object.fromEntries(
            Object.entries(counter.names).map(([field, name]) => [field, stored[name]]),
          ) as unknown as LoginAttemptState);
    const gate = gateAttempt(state, now);
    if (!gate.allowed) throw refusedAttempt(gate.reason, gate.retryAfterSeconds);
    // A stale count (old failures, or a lock served): start over, unless another attempt
    // changed it since it was read (then count again).
    try {
      return await update(
        'SET #failures = :one, #lastFailureAt = :now, #blockedUntil = :zero, #locked = :false',
        state
          ? '#failures = :seen AND #lastFailureAt = :seenAt'
          : counter.standalone
            ? 'attribute_not_exists(PK) OR expiresAt <= :now'
            : 'attribute_exists(PK) AND attribute_not_exists(#failures)',
        {
          ':one': 1,
          ':zero': 0,
          ':now': now,
          ':false': false,
          ...(state ? { ':seen': state.failures, ':seenAt': state.lastFailureAt } : {}),
        },
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  throw refusedAttempt('delayed', 1);
}

/** After a failure: the delay or lock that the count calls for. */
async function blockAfterFailure(
  counter: AttemptCounter,
  failures: number,
  now: number,
  policy: LockoutPolicy,
) {
  const state = blockAfter(failures, now, policy);
  await documentClient
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: counter.key,
        // An account item has no TTL: only the identifier's own item expires.
        UpdateExpression: `SET #blockedUntil = :until, #locked = :locked${counter.standalone ? ', expiresAt = :expiresAt' : ''}`,
        // A later attempt was counted meanwhile: its own outcome decides (a lock is never undone).
        ConditionExpression: '#failures = :failures',
        ExpressionAttributeNames: {
          '#failures': counter.names.failures,
          '#blockedUntil': counter.names.blockedUntil,
          '#locked': counter.names.locked,
        },
        ExpressionAttributeValues: {
          ':failures': failures,
          ':until': state.blockedUntil,
          ':locked': state.locked,
          ...(counter.standalone
            ? { ':expiresAt': Math.ceil(now + retentionSeconds(state, now, policy)) }
            : {}),
        },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
  return state;
}

/** A password that matched, with the hash it matched (the success write is conditional on it). */
interface VerifiedPassword {
  account: Account;
  verifiedHash: string;
}

/**
 * Checks a password for `identifier`, counting failures against it whether or not the account
 * exists (same answers, same calls and time: an unknown identifier is counted on its own item
 * and verified against a decoy hash). Throws 401 / 429 / 423 problems. The count is not
 * cleared yet: the caller settles the success (settleSuccessfulCheck).
 */
async function verifyPassword(
  identifier: string,
  password: string,
  sourceIp: string,
): Promise<VerifiedPassword> {
  const policy = POLICY;
  // Fractional seconds: a 1 s delay must not vanish by rounding to the same second.
  const now = Date.now() / 1000;
  const owner = await guardOwner('identifier', normaliseIdentifier(identifier));
  let counter = owner ? accountCounter(owner) : identifierCounter(identifier);
  let counted = await admitAttempt(counter, now, policy);
  if (!counted) {
    // A guard left by an account that no longer exists: count as an unknown identifier.
    counter = identifierCounter(identifier);
    counted = (await admitAttempt(counter, now, policy)) as CountedAttempt;
  }
  const account = counter.standalone ? undefined : fromItem(counted.item);
  const usable = account?.status === 'ACTIVE' && account.passwordHash !== undefined;
  const valid = await verifySecret(password, usable ? (account.passwordHash as string) : decoyHash());
  if (!valid || !usable || !account) {
    const state = await blockAfterFailure(counter, counted.failures, now, policy);
    if (account) await recordFailedLogin(account.id, sourceIp);
    logger.info('Login failed', { failures: counted.failures, locked: state.locked });
    throw invalidCredentials(Math.ceil(state.blockedUntil - now));
  }
  return { account, verifiedHash: account.passwordHash as string };
}

/**
 * Checks the password of `identifier` like a login (counted, delayed, locked) and clears the
 * count on success; returns the account. Used to confirm the current password of a session.
 */
export async function checkPassword(
  identifier: string,
  password: string,
  sourceIp: string,
): Promise<Account> {
  const { account, verifiedHash } = await verifyPassword(identifier, password, sourceIp);
  const settled = await settleSuccessfulCheck(account, verifiedHash);
  // The password changed (or the account was disabled) while it was being checked.
  if (!settled) throw invalidCredentials();
  return settled;
}

/** POST /v1/sessions: identifier + password → a new session token. */
export async function login(
  identifier: string,
  password: string,
  sourceIp: string,
): Promise<IssuedSession & { role: Account['role'] }> {
  await consumeRateLimit(
    SOURCE_LIMIT,
    sourceIp,
    'Trop de tentatives de connexion depuis votre adresse : réessayez dans quelques minutes.',
  );
  const { account, verifiedHash } = await verifyPassword(identifier, password, sourceIp);
  if (
    account.passwordIsTemporary &&
    account.temporaryPasswordExpiresAt !== undefined &&
    account.temporaryPasswordExpiresAt <= new Date().toISOString()
  ) {
    await settleSuccessfulCheck(account, verifiedHash);
    throw new ProblemError(
      401,
      'temporary_password_expired',
      'Votre mot de passe provisoire a expiré. Utilisez « J’ai oublié mon mot de passe » pour en recevoir un nouveau.',
    );
  }
  // One write, without a version: clears the count, records the login, upgrades the hash.
  const saved = await settleSuccessfulCheck(account, verifiedHash, {
    lastLoginAt: new Date().toISOString(),
    ...(needsRehash(verifiedHash) ? { passwordHash: await hashSecret(password) } : {}),
  });
  // The password changed (or the account was disabled) while it was being checked.
  if (!saved) throw invalidCredentials();
  logger.info('Login succeeded', { accountId: saved.id });
  // The session item is also the journal record of this login (source address, 6 months).
  return { ...(await openSession(saved, { sourceIp, origin: 'login' })), role: saved.role };
}
