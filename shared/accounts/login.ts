import { nowMs } from '../clock.ts';
import {
  ConflictError,
  type DomainError,
  LockedError,
  TooManyRequestsError,
  UnauthenticatedError,
} from '../errors.ts';
import { logger } from '../logger.ts';
import {
  DEFAULT_LOCKOUT_POLICY,
  gateAttempt,
  type LockoutPolicy,
  type LoginAttemptState,
  recordFailure,
  retentionSeconds,
} from './lockout.ts';
import {
  getUnknownIdentifierAttempts,
  recordFailedLogin,
  writeUnknownIdentifierAttempts,
} from './login-repository.ts';
import type { Credentials } from './model.ts';
import { countInWindow, type RateWindow } from './rate-limit-repository.ts';
import { credentialsFromItem, getCredentialsItem, updateCredentials } from './repository.ts';
import { decoyHash, verifySecret } from './secret-hash.ts';

/**
 * The password check with its brute-force protection, shared by the login (session-login.ts) and
 * the confirmation of the current password (security-settings.ts).
 */

/** LOCKOUT_POLICY (JSON, partial) overrides the documented defaults, e.g. shorter delays in tests. */
function lockoutPolicy(value = process.env.LOCKOUT_POLICY): LockoutPolicy {
  if (!value) return DEFAULT_LOCKOUT_POLICY;
  const policy = { ...DEFAULT_LOCKOUT_POLICY, ...(JSON.parse(value) as Partial<LockoutPolicy>) };
  if (!Object.values(policy).every((n) => Number.isFinite(n) && n >= 0))
    throw new Error('Invalid configuration: LOCKOUT_POLICY');
  return policy;
}

/** Read once per cold start: a malformed setting fails loudly there, not on each login. */
const POLICY = lockoutPolicy();

const invalidCredentials = (retryAfterSeconds = 0) =>
  new UnauthenticatedError('invalid_credentials', 'Identifiant ou mot de passe incorrect.', {
    ...(retryAfterSeconds > 0 ? { extensions: { retryAfterSeconds }, retryAfterSeconds } : {}),
  });

function refusedAttempt(reason: 'delayed' | 'locked', retryAfterSeconds: number): DomainError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const options = { extensions: { retryAfterSeconds }, retryAfterSeconds };
  return reason === 'locked'
    ? new LockedError(
        'account_locked',
        `Trop de tentatives de connexion échouées : l'accès est verrouillé pendant ${minutes} minute(s). Vous pouvez aussi réinitialiser votre mot de passe.`,
        options,
      )
    : new TooManyRequestsError(
        'login_delayed',
        `Trop de tentatives de connexion échouées : réessayez dans ${retryAfterSeconds} seconde(s).`,
        options,
      );
}

/** Rounds of re-reading an identifier that other attempts keep recording outcomes on, before a 409. */
const MAX_OUTCOME_ROUNDS = 10;

const loginConflict = () =>
  new ConflictError(
    'login_conflict',
    'Une autre tentative de connexion est en cours pour cet identifiant : réessayez dans un instant.',
    { extensions: { retryAfterSeconds: 1 }, retryAfterSeconds: 1 },
  );

/** The lockout state stored on a credentials (or LOGIN_ATTEMPTS) item, if any failure is recorded. */
function lockoutStateOf(item: Record<string, unknown> | undefined): LoginAttemptState | undefined {
  if (item?.failures === undefined) return undefined;
  return {
    failures: Number(item.failures),
    lastFailureAt: Number(item.lastFailureAt ?? 0),
    blockedUntil: Number(item.blockedUntil ?? 0),
    locked: item.locked === true,
  };
}

/** Fractional seconds: a 1 s delay must not vanish by rounding to the same second. */
const fractionalNowSeconds = () => nowMs() / 1000;

/** A delayed or locked identifier's attempt is refused, neither checked nor counted. */
function refuseIfBlocked(item: Record<string, unknown> | undefined, now = fractionalNowSeconds()): void {
  const gate = gateAttempt(lockoutStateOf(item), now);
  if (!gate.allowed) throw refusedAttempt(gate.reason, gate.retryAfterSeconds);
}

/**
 * What a password check reads first: the identifier's Credentials item if an account has it, else
 * its LOGIN_ATTEMPTS item, and for a login the source's failures (session-login.ts reads the three
 * in one BatchGetItem).
 */
export interface AttemptRead {
  credentials?: Record<string, unknown>;
  attempts?: Record<string, unknown>;
  source?: { failures: number; window: RateWindow };
}

/** A password that matched, with what a success must be conditional on. */
export interface VerifiedPassword {
  credentials: Credentials;
  verifiedHash: string;
  /** The `loginSeq` read: the outcome is recorded only if no other attempt recorded one since. */
  seen: number;
}

/**
 * Stores a failure on the item holding the identifier's lockout state, conditional on the
 * `loginSeq` read (`undefined`: no item was read); false if another attempt recorded first.
 */
async function writeFailure(
  identifier: string,
  known: boolean,
  state: LoginAttemptState,
  seen: number | undefined,
  now: number,
): Promise<boolean> {
  const lockout = {
    failures: state.failures,
    lastFailureAt: state.lastFailureAt,
    blockedUntil: state.blockedUntil,
    locked: state.locked,
  };
  if (known) {
    const update = { set: lockout, bumpLoginSeq: true, expect: { loginSeq: seen ?? 0 } };
    return (await updateCredentials(identifier, update)) !== undefined;
  }
  // The brute-force count of an identifier that no account has: its own LOGIN_ATTEMPTS item, so
  // unknown identifiers are counted and answered alike.
  return writeUnknownIdentifierAttempts(
    identifier,
    {
      ...lockout,
      loginSeq: (seen ?? 0) + 1,
      expiresAt: Math.ceil(now + retentionSeconds(state, now, POLICY)),
    },
    seen,
    now,
  );
}

/**
 * Records a failed check. If another attempt on the identifier recorded its outcome first, reads
 * again and decides on what it left: refused if that made the identifier delayed or locked (the
 * guess is not answered), else counted on top of it. So each 401 answers one recorded failure and
 * a burst cannot slip past a delay or the lock, and known and unknown identifiers, taking the same
 * steps on their own items, get the same answers under concurrency too.
 */
async function recordFailedCheck(
  identifier: string,
  known: boolean,
  item: Record<string, unknown> | undefined,
): Promise<LoginAttemptState> {
  let current = item;
  for (let round = 0; round < MAX_OUTCOME_ROUNDS; round += 1) {
    const now = fractionalNowSeconds();
    if (round > 0) refuseIfBlocked(current, now);
    const state = recordFailure(lockoutStateOf(current), now, POLICY);
    const seen = current ? Number(current.loginSeq ?? 0) : undefined;
    if (await writeFailure(identifier, known, state, seen, now)) return state;
    current = await (known ? getCredentialsItem(identifier) : getUnknownIdentifierAttempts(identifier));
  }
  throw loginConflict();
}

/**
 * Checks a password for `identifier`. A delayed or locked identifier (state read on its
 * Credentials item, or on its LOGIN_ATTEMPTS item when no account has it) is refused before the
 * slow hash check; an unknown identifier is checked against a decoy hash (same time). A failure
 * is recorded (recordFailedCheck), added to the source's failures when `read.source` is given,
 * and kept in the account's journal. Throws 401 / 409 / 423 / 429 problems. The success is
 * recorded by the caller (recordSuccess).
 */
export async function verifyPassword(
  identifier: string,
  password: string,
  sourceIp: string,
  read: AttemptRead,
): Promise<VerifiedPassword> {
  const item = read.credentials ?? read.attempts;
  refuseIfBlocked(item);
  const credentials = read.credentials ? credentialsFromItem(read.credentials) : undefined;
  const hash = credentials?.status === 'ACTIVE' ? credentials.passwordHash : undefined;
  const valid = await verifySecret(password, hash ?? decoyHash());
  if (valid && hash && credentials) return { credentials, verifiedHash: hash, seen: credentials.loginSeq };
  const state = await recordFailedCheck(identifier, credentials !== undefined, item);
  await Promise.all([
    read.source && countInWindow(read.source.window),
    credentials && recordFailedLogin(credentials.accountId, sourceIp),
  ]);
  logger.info('Login failed', { failures: state.failures, locked: state.locked });
  throw invalidCredentials(Math.ceil(state.blockedUntil - state.lastFailureAt));
}

/**
 * Records a successful check: clears the lockout state and sets `extra` (the login's
 * `lastLoginAt`, a rehashed password), in one UpdateItem conditional on the `loginSeq` read,
 * the account still active and the verified hash unchanged. If another attempt recorded first,
 * reads again: refused if the identifier is delayed or locked by now, recorded otherwise; a
 * changed password or a deactivated account is a 409 login_conflict. Returns the Credentials as
 * stored.
 */
export async function recordSuccess(
  verified: VerifiedPassword,
  extra: { lastLoginAt?: string; passwordHash?: string } = {},
): Promise<Credentials> {
  const { identifier } = verified.credentials;
  let seen = verified.seen;
  for (let round = 0; round < MAX_OUTCOME_ROUNDS; round += 1) {
    const saved = await updateCredentials(identifier, {
      set: extra,
      clearLockout: true,
      bumpLoginSeq: true,
      expect: { loginSeq: seen, passwordHash: verified.verifiedHash, active: true },
    });
    if (saved) return saved;
    const item = await getCredentialsItem(identifier);
    const current = item && credentialsFromItem(item);
    if (current?.status !== 'ACTIVE' || current.passwordHash !== verified.verifiedHash) break;
    refuseIfBlocked(item);
    seen = current.loginSeq;
  }
  throw loginConflict();
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
  const item = await getCredentialsItem(identifier);
  return recordSuccess(
    await verifyPassword(identifier, password, sourceIp, item ? { credentials: item } : {}),
  );
}
