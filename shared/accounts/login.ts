import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ProblemError, tooManyRequests } from '../http/problem.ts';
import { logger } from '../logger.ts';
import { documentClient, tableName } from '../storage/client.ts';
import { keys, type PrimaryKey } from '../storage/keys.ts';
import { getItem, getItems, isConditionFailure, putItem } from '../storage/store.ts';
import {
  blockAfter,
  DEFAULT_LOCKOUT_POLICY,
  gateAttempt,
  type LockoutPolicy,
  type LoginAttemptState,
  recordFailure,
  retentionSeconds,
} from './lockout.ts';
import { type Credentials, normaliseIdentifier } from './model.ts';
import { countInWindow, currentWindow, limitFromEnv, subjectOf } from './rate-limit.ts';
import { credentialsFromItem, credentialsKey, updateCredentials } from './repository.ts';
import { decoyHash, hashSecret, needsRehash, verifySecret } from './secret-hash.ts';
import { type IssuedSession, LOGIN_HISTORY_SECONDS, openSession } from './sessions.ts';

/** Per source address: 50 failed logins per 5 minutes (LOGIN_SOURCE_LIMIT overrides). */
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

/**
 * The brute-force count of an identifier that no account has: its own LOGIN_ATTEMPTS item
 * (hashed identifier, with a TTL), so unknown identifiers are counted and answered alike. (An
 * identifier with credentials is counted on its credentials item: verifyPassword.)
 */
const unknownIdentifierKey = (identifier: string): PrimaryKey =>
  keys.loginAttempts(subjectOf(normaliseIdentifier(identifier)));

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

/** Attempts at a count that other attempts keep changing before giving up (a 429, retry soon). */
const MAX_COUNT_ROUNDS = 5;

const STATE_NAMES = {
  '#failures': 'failures',
  '#lastFailureAt': 'lastFailureAt',
  '#blockedUntil': 'blockedUntil',
  '#locked': 'locked',
  '#type': 'type',
};

/**
 * Counts an attempt on an unknown identifier atomically, before the (decoy) hash check, so that
 * concurrent guesses are all counted; refuses it while the identifier is delayed or locked.
 * Returns the number of consecutive failures this attempt makes.
 */
async function admitUnknownAttempt(key: PrimaryKey, now: number, policy: LockoutPolicy): Promise<number> {
  const expiresAt = Math.ceil(now + policy.forgetAfterSeconds);
  const update = async (expression: string, condition: string, values: Record<string, unknown>) => {
    const { Attributes } = await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: `${expression}, #type = :type, expiresAt = :expiresAt`,
        ConditionExpression: condition,
        ExpressionAttributeNames: STATE_NAMES,
        ExpressionAttributeValues: { ...values, ':type': 'LoginAttempts', ':expiresAt': expiresAt },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Number(Attributes?.failures);
  };
  for (let round = 0; round < MAX_COUNT_ROUNDS; round += 1) {
    try {
      // Only a live, unblocked count grows; anything else is decided below.
      return await update(
        'ADD #failures :one SET #lastFailureAt = :now, #blockedUntil = if_not_exists(#blockedUntil, :zero), #locked = if_not_exists(#locked, :false)',
        'attribute_not_exists(PK) OR (#blockedUntil <= :now AND #locked = :false AND #lastFailureAt > :staleBefore AND expiresAt > :now)',
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
    const stored = await getItem<Record<string, unknown>>(key);
    const state = stored ? lockoutStateOf(stored) : undefined;
    const gate = gateAttempt(state, now);
    if (!gate.allowed) throw refusedAttempt(gate.reason, gate.retryAfterSeconds);
    // A stale count (old failures, or a lock served): start over, unless another attempt
    // changed it since it was read (then count again).
    try {
      return await update(
        'SET #failures = :one, #lastFailureAt = :now, #blockedUntil = :zero, #locked = :false',
        state
          ? '#failures = :seen AND #lastFailureAt = :seenAt'
          : 'attribute_not_exists(PK) OR expiresAt <= :now',
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

/** After a failure of an unknown identifier: the delay or lock that the count calls for. */
async function blockUnknownAfterFailure(
  key: PrimaryKey,
  failures: number,
  now: number,
  policy: LockoutPolicy,
) {
  const state = blockAfter(failures, now, policy);
  await documentClient
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET #blockedUntil = :until, #locked = :locked, expiresAt = :expiresAt',
        // A later attempt was counted meanwhile: its own outcome decides (a lock is never undone).
        ConditionExpression: '#failures = :failures',
        ExpressionAttributeNames: {
          '#failures': 'failures',
          '#blockedUntil': 'blockedUntil',
          '#locked': 'locked',
        },
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

export const loginConflict = () =>
  new ProblemError(
    409,
    'login_conflict',
    'Une autre tentative de connexion est en cours pour cet identifiant : réessayez dans un instant.',
    { extensions: { retryAfterSeconds: 1 }, headers: { 'Retry-After': '1' } },
  );

/** The lockout state stored on a credentials (or LOGIN_ATTEMPTS) item, if any failure is recorded. */
function lockoutStateOf(item: Record<string, unknown>): LoginAttemptState | undefined {
  if (item.failures === undefined) return undefined;
  return {
    failures: Number(item.failures),
    lastFailureAt: Number(item.lastFailureAt ?? 0),
    blockedUntil: Number(item.blockedUntil ?? 0),
    locked: item.locked === true,
  };
}

/** What one attempt reads first: the identifier's Credentials item and, for a login, the source's failures. */
interface AttemptRead {
  item?: Record<string, unknown>;
  source?: { failures: number; window: ReturnType<typeof currentWindow> };
}

/** One BatchGetItem (consistent reads) of the Credentials item and the source's failure window. */
async function readAttempt(identifier: string, sourceIp: string): Promise<AttemptRead> {
  const window = currentWindow(SOURCE_LIMIT, sourceIp);
  const [item, counter] = await getItems<Record<string, unknown>>([credentialsKey(identifier), window.key]);
  return { ...(item ? { item } : {}), source: { failures: Number(counter?.count ?? 0), window } };
}

/** A password that matched, with what a success must be conditional on. */
interface VerifiedPassword {
  credentials: Credentials;
  verifiedHash: string;
  /** The `loginSeq` read: the outcome is recorded only if no other attempt recorded one since. */
  seen: number;
}

/**
 * Checks a password for `identifier`. An identifier with Credentials: the delay or lock read on
 * the item refuses the attempt before the hash check; a failure is recorded by one write
 * conditional on the `loginSeq` read, so concurrent guesses get at most one answer per
 * recorded outcome (the others a 409 that says nothing of the password). An unknown
 * identifier: counted atomically on its own item, checked against a decoy hash (same answers,
 * same time). With the source's failures in `read` (a login: readAttempt), a failure is added
 * to them and the limit refuses the attempt (429). Throws 401 / 409 / 423 / 429 problems. The success is
 * recorded by the caller (recordSuccess).
 */
async function verifyPassword(
  identifier: string,
  password: string,
  sourceIp: string,
  read: AttemptRead,
): Promise<VerifiedPassword> {
  const policy = POLICY;
  // Fractional seconds: a 1 s delay must not vanish by rounding to the same second.
  const now = Date.now() / 1000;
  if (read.source && read.source.failures >= SOURCE_LIMIT.limit)
    throw tooManyRequests(
      'Trop de tentatives de connexion depuis votre adresse : réessayez dans quelques minutes.',
      Math.max(read.source.window.windowEnd - Math.floor(now), 1),
    );
  const countSourceFailure = async () => {
    if (read.source) await countInWindow(read.source.window);
  };
  if (!read.item) {
    // No account has this identifier: counted before the (decoy) check, on its own item.
    const key = unknownIdentifierKey(identifier);
    const failures = await admitUnknownAttempt(key, now, policy);
    await verifySecret(password, decoyHash());
    const state = await blockUnknownAfterFailure(key, failures, now, policy);
    await countSourceFailure();
    logger.info('Login failed', { failures, locked: state.locked });
    throw invalidCredentials(Math.ceil(state.blockedUntil - now));
  }
  const credentials = credentialsFromItem(read.item);
  const lockout = lockoutStateOf(read.item);
  const gate = gateAttempt(lockout, now);
  if (!gate.allowed) throw refusedAttempt(gate.reason, gate.retryAfterSeconds);
  const usable = credentials.status === 'ACTIVE' && credentials.passwordHash !== undefined;
  const valid = await verifySecret(password, usable ? (credentials.passwordHash as string) : decoyHash());
  if (!valid || !usable) {
    const state = recordFailure(lockout, now, policy);
    const recorded = await updateCredentials(identifier, {
      set: {
        failures: state.failures,
        lastFailureAt: state.lastFailureAt,
        blockedUntil: state.blockedUntil,
        locked: state.locked,
      },
      bumpLoginSeq: true,
      expect: { loginSeq: credentials.loginSeq },
    });
    // Another attempt recorded its outcome first: this one is not answered (nor counted).
    if (!recorded) throw loginConflict();
    await countSourceFailure();
    await recordFailedLogin(credentials.accountId, sourceIp);
    logger.info('Login failed', { failures: state.failures, locked: state.locked });
    throw invalidCredentials(Math.ceil(state.blockedUntil - now));
  }
  return { credentials, verifiedHash: credentials.passwordHash as string, seen: credentials.loginSeq };
}

/**
 * Records a successful check: clears the lockout state and sets `extra` (the login's
 * `lastLoginAt`, a rehashed password), in one UpdateItem conditional on the `loginSeq` read,
 * the account still active and the verified hash unchanged. Otherwise (a concurrent attempt,
 * password change or deactivation) a 409 login_conflict. Returns the Credentials as stored.
 */
async function recordSuccess(
  verified: VerifiedPassword,
  extra: { lastLoginAt?: string; passwordHash?: string } = {},
): Promise<Credentials> {
  const saved = await updateCredentials(verified.credentials.identifier, {
    set: extra,
    clearLockout: true,
    bumpLoginSeq: true,
    expect: { loginSeq: verified.seen, passwordHash: verified.verifiedHash, active: true },
  });
  if (!saved) throw loginConflict();
  return saved;
}

/**
 * Checks the password of `identifier` like a login (delayed, locked, failures recorded) and
 * clears the lockout state on success; returns the Credentials. Used to confirm the current
 * password of a session (the source's failure count is the login's alone).
 */
export async function checkPassword(
  identifier: string,
  password: string,
  sourceIp: string,
): Promise<Credentials> {
  const item = await getItem<Record<string, unknown>>(credentialsKey(identifier));
  return recordSuccess(await verifyPassword(identifier, password, sourceIp, item ? { item } : {}));
}

/** POST /v1/sessions: identifier + password → a new session token. */
export async function login(
  identifier: string,
  password: string,
  sourceIp: string,
): Promise<IssuedSession & { role: Credentials['role'] }> {
  // Before the password check: a revocation of every session that lands after this instant
  // (a password change racing this login) ends the session opened here.
  const openedAtMs = Date.now();
  const verified = await verifyPassword(
    identifier,
    password,
    sourceIp,
    await readAttempt(identifier, sourceIp),
  );
  const { credentials } = verified;
  if (
    credentials.passwordIsTemporary &&
    credentials.temporaryPasswordExpiresAt !== undefined &&
    credentials.temporaryPasswordExpiresAt <= new Date().toISOString()
  ) {
    await recordSuccess(verified);
    throw new ProblemError(
      401,
      'temporary_password_expired',
      'Votre mot de passe provisoire a expiré. Utilisez « J’ai oublié mon mot de passe » pour en recevoir un nouveau.',
    );
  }
  // One write: records the outcome, clears the lockout state, the login date, upgrades the hash.
  const saved = await recordSuccess(verified, {
    lastLoginAt: new Date().toISOString(),
    ...(needsRehash(verified.verifiedHash) ? { passwordHash: await hashSecret(password) } : {}),
  });
  logger.info('Login succeeded', { accountId: saved.accountId });
  // The session item is also the journal record of this login (source address, 6 months).
  return { ...(await openSession(saved, { sourceIp, origin: 'login', openedAtMs })), role: saved.role };
}
