import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOCKOUT_POLICY,
  delayAfterFailure,
  gateAttempt,
  type LoginAttemptState,
  recordFailure,
} from '#shared/accounts/lockout.ts';

describe('lockout policy (documented numbers)', () => {
  it('lets 3 failures through, then doubles the delay from 30 s up to 15 min', () => {
    const delays = Array.from({ length: 9 }, (_, i) => delayAfterFailure(i + 1, DEFAULT_LOCKOUT_POLICY));
    expect(delays).toEqual([0, 0, 0, 30, 60, 120, 240, 480, 900]);
  });

  it('locks for one hour at the 10th consecutive failure, refusing attempts meanwhile', () => {
    let state: LoginAttemptState | undefined;
    let now = 1_000_000;
    for (let failure = 1; failure <= 10; failure += 1) {
      expect(gateAttempt(state, now).allowed).toBe(true);
      state = recordFailure(state, now);
      now = state.blockedUntil;
    }
    expect(state).toMatchObject({ failures: 10, locked: true });
    const start = state!.lastFailureAt;
    expect(gateAttempt(state, start + 1)).toEqual({
      allowed: false,
      reason: 'locked',
      retryAfterSeconds: 3599,
    });
    expect(gateAttempt(state, start + 3600).allowed).toBe(true);
    expect(recordFailure(state, start + 3600).failures).toBe(1);
  });

  it('reports the remaining delay and forgets failures after 24 hours', () => {
    const fourth = recordFailure({ failures: 3, lastFailureAt: 100, blockedUntil: 100, locked: false }, 200);
    expect(fourth.blockedUntil).toBe(230);
    expect(gateAttempt(fourth, 210)).toEqual({ allowed: false, reason: 'delayed', retryAfterSeconds: 20 });
    expect(recordFailure(fourth, 200 + 86_401).failures).toBe(1);
  });
});
