import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ProblemError } from '../http/problem.ts';
import { logger } from '../logger.ts';
import { documentClient, tableName } from '../storage/client.ts';
import { keys } from '../storage/keys.ts';
import { deleteItem, getItem, isConditionFailure, putItem } from '../storage/store.ts';
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
import { findAccountByIdentifier, saveAccount } from './repository.ts';
import { decoyHash, hashSecret, needsRehash, verifySecret } from './secret-hash.ts';
import { type IssuedSession, openSession } from './sessions.ts';

/** Login history is kept 6 months (security journal), then expires. */
const LOGIN_HISTORY_SECONDS = 183 * 86_400;

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

const attemptsKey = (identifier: string) => keys.loginAttempts(subjectOf(normaliseIdentifier(identifier)));

async function recordLogin(accountId: string, outcome: 'success' | 'failure', sourceIp: string) {
  const at = new Date().toISOString();
  await putItem({
    ...keys.accountLogin(accountId, at, randomUUID()),
    type: 'LoginAttempt',
    accountId,
    outcome,
    sourceIp,
    at,
    expiresAt: Math.floor(Date.now() / 1000) + LOGIN_HISTORY_SECONDS,
  });
}

/** Lifts the brute-force delay or lock of an identifier (successful login, password reset). */
export const clearLoginFailures = (identifier: string) => deleteItem(attemptsKey(identifier));

/**
 * Counts an attempt on `identifier` atomically, before the slow hash check, so that concurrent
 * guesses are all counted; refuses it while the identifier is delayed or locked. Returns the
 * number of consecutive failures this attempt makes if it fails.
 */
async function admitAttempt(identifier: string, now: number, policy: LockoutPolicy): Promise<number> {
  const key = attemptsKey(identifier);
  const expiresAt = Math.ceil(now + policy.forgetAfterSeconds);
  try {
    const { Attributes } = await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression:
          'ADD failures :one SET #type = :type, lastFailureAt = :now, expiresAt = :expiresAt, blockedUntil = if_not_exists(blockedUntil, :zero), locked = if_not_exists(locked, :false)',
        // Only a live, unblocked count grows; anything else is decided below.
        ConditionExpression:
          'attribute_not_exists(PK) OR (blockedUntil <= :now AND locked = :false AND lastFailureAt > :staleBefore AND expiresAt > :now)',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':zero': 0,
          ':type': 'LoginAttempts',
          ':now': now,
          ':false': false,
          ':staleBefore': now - policy.forgetAfterSeconds,
          ':expiresAt': expiresAt,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Number(Attributes?.failures);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  const state = await getItem<LoginAttemptState>(key);
  const gate = gateAttempt(state, now);
  if (!gate.allowed) throw refusedAttempt(gate.reason, gate.retryAfterSeconds);
  // A stale count (old failures, or a lock served): start over.
  await putItem({
    ...key,
    type: 'LoginAttempts',
    failures: 1,
    lastFailureAt: now,
    blockedUntil: 0,
    locked: false,
    expiresAt,
  });
  return 1;
}

/** After a failure: the delay or lock that the count calls for. */
async function blockAfterFailure(identifier: string, failures: number, now: number, policy: LockoutPolicy) {
  const state = blockAfter(failures, now, policy);
  await documentClient
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: attemptsKey(identifier),
        UpdateExpression: 'SET blockedUntil = :until, locked = :locked, expiresAt = :expiresAt',
        // A later attempt was counted meanwhile: its own outcome decides (a lock is never undone).
        ConditionExpression: 'failures = :failures',
        ExpressionAttributeValues: {
          ':failures': failures,
          ':until': state.blockedUntil,
          ':locked': state.locked,
          ':expiresAt': Math.ceil(now + retentionSeconds(state, now, policy)),
        },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
  return state;
}

/**
 * Checks a password for `identifier`, counting failures against it whether or not the account
 * exists (same answers, same time: an unknown identifier is verified against a decoy hash).
 * Throws 401 / 429 / 423 problems; returns the account on success.
 */
export async function checkPassword(
  identifier: string,
  password: string,
  sourceIp: string,
): Promise<Account> {
  const policy = POLICY;
  // Fractional seconds: a 1 s delay must not vanish by rounding to the same second.
  const now = Date.now() / 1000;
  const failures = await admitAttempt(identifier, now, policy);
  const account = await findAccountByIdentifier(normaliseIdentifier(identifier));
  const usable = account?.status === 'ACTIVE' && account.passwordHash !== undefined;
  const valid = await verifySecret(password, usable ? (account.passwordHash as string) : decoyHash());
  if (!valid || !usable || !account) {
    const state = await blockAfterFailure(identifier, failures, now, policy);
    if (account) await recordLogin(account.id, 'failure', sourceIp);
    logger.info('Login failed', { failures, locked: state.locked });
    throw invalidCredentials(Math.ceil(state.blockedUntil - now));
  }
  await clearLoginFailures(identifier);
  return account;
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
  const account = await checkPassword(identifier, password, sourceIp);
  if (
    account.passwordIsTemporary &&
    account.temporaryPasswordExpiresAt !== undefined &&
    account.temporaryPasswordExpiresAt <= new Date().toISOString()
  ) {
    throw new ProblemError(
      401,
      'temporary_password_expired',
      'Votre mot de passe provisoire a expiré. Utilisez « J’ai oublié mon mot de passe » pour en recevoir un nouveau.',
    );
  }
  const upgraded =
    account.passwordHash && needsRehash(account.passwordHash)
      ? { passwordHash: await hashSecret(password) }
      : {};
  const saved = await saveAccount(account, {
    ...account,
    ...upgraded,
    lastLoginAt: new Date().toISOString(),
  });
  await recordLogin(account.id, 'success', sourceIp);
  logger.info('Login succeeded', { accountId: account.id });
  return { ...(await openSession(saved)), role: saved.role };
}
