/**
 * Brute-force protection of the login, per identifier (whether or not an account has it, so the
 * answers never reveal which identifiers exist). Pure: the state is stored by the caller.
 *
 * Default numbers (CNIL recommendation on passwords, délibération 2022-100: delay access after
 * failures and lock temporarily after at most 10):
 * - failures 1 to 3: no delay;
 * - from the 4th consecutive failure, the next attempt waits 30 s, then 1 min, 2 min, 4 min,
 *   8 min, 15 min (doubling, capped at 15 min);
 * - the 10th consecutive failure locks the identifier for 1 hour;
 * - attempts made while waiting or locked are refused without being checked nor counted;
 * - a success, a password reset, or 24 hours without failure reset the count.
 * Worst case for an attacker: 10 guesses, then about 1 h 30 min of delays and lock per 10.
 */
export interface LockoutPolicy {
  freeFailures: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  lockAfterFailures: number;
  lockSeconds: number;
  /** A failure older than this no longer counts. */
  forgetAfterSeconds: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = {
  freeFailures: 3,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
  lockAfterFailures: 10,
  lockSeconds: 60 * 60,
  forgetAfterSeconds: 24 * 60 * 60,
};

export interface LoginAttemptState {
  failures: number;
  /** Epoch seconds of the last failure. */
  lastFailureAt: number;
  /** Epoch seconds before which no attempt is checked. */
  blockedUntil: number;
  locked: boolean;
}

export type AttemptGate =
  | { allowed: true }
  | { allowed: false; reason: 'delayed' | 'locked'; retryAfterSeconds: number };

/** Whether an attempt made at `now` may be checked at all. */
export function gateAttempt(state: LoginAttemptState | undefined, now: number): AttemptGate {
  if (!state || !(state.blockedUntil > now)) return { allowed: true };
  return {
    allowed: false,
    reason: state.locked ? 'locked' : 'delayed',
    retryAfterSeconds: Math.ceil(state.blockedUntil - now),
  };
}

/** The delay imposed after the `failures`-th consecutive failure (0 while still free). */
export function delayAfterFailure(failures: number, policy: LockoutPolicy): number {
  if (failures <= policy.freeFailures) return 0;
  const doubled = policy.baseDelaySeconds * 2 ** (failures - policy.freeFailures - 1);
  return Math.min(doubled, policy.maxDelaySeconds);
}

/** Whether the stored count no longer applies: a failure older than the window, or a lock served. */
const isStale = (state: LoginAttemptState, now: number, policy: LockoutPolicy): boolean =>
  now - state.lastFailureAt > policy.forgetAfterSeconds || (state.locked && state.blockedUntil <= now);

/** The state once the `failures`-th consecutive failure happened at `now`. */
function blockAfter(failures: number, now: number, policy: LockoutPolicy): LoginAttemptState {
  if (failures >= policy.lockAfterFailures) {
    return { failures, lastFailureAt: now, blockedUntil: now + policy.lockSeconds, locked: true };
  }
  return {
    failures,
    lastFailureAt: now,
    blockedUntil: now + delayAfterFailure(failures, policy),
    locked: false,
  };
}

/** The state after a failed attempt at `now` (login.ts applies the same rules atomically in storage). */
export function recordFailure(
  state: LoginAttemptState | undefined,
  now: number,
  policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY,
): LoginAttemptState {
  const failures = (!state || isStale(state, now, policy) ? 0 : state.failures) + 1;
  return blockAfter(failures, now, policy);
}

/** How long the stored state must be kept (its TTL), in seconds from `now`. */
export const retentionSeconds = (state: LoginAttemptState, now: number, policy: LockoutPolicy) =>
  Math.max(state.blockedUntil - now, 0) + policy.forgetAfterSeconds;
