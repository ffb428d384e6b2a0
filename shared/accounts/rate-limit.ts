import { createHash } from 'node:crypto';
import { nowSeconds } from '../clock.ts';
import { tooManyRequests } from '../errors.ts';
import { countInWindow, type RateWindow } from './rate-limit-repository.ts';

/** A fixed-window limit: at most `limit` events per `windowSeconds` for one subject. */
export interface RateLimit {
  scope: string;
  limit: number;
  windowSeconds: number;
}

/** Subjects such as email addresses or identifiers are hashed: no personal data in keys. */
export const subjectOf = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

/**
 * Counts one event for `subject` (one atomic ADD) and throws a 429 with Retry-After once the
 * window's limit is exceeded. The counter item expires with its window.
 */
export async function consumeRateLimit(rule: RateLimit, subject: string, message: string): Promise<void> {
  const window = currentWindow(rule, subject);
  if ((await countInWindow(window)) > rule.limit)
    throw tooManyRequests(message, Math.max(window.windowEnd - nowSeconds(), 1));
}

/** Reads a limit from the environment (`NAME=limit/windowSeconds`), e.g. to loosen it in tests. */
export function limitFromEnv(scope: string, fallback: Omit<RateLimit, 'scope'>, value?: string): RateLimit {
  const match = /^(\d+)\/(\d+)$/.exec(value ?? '');
  return match ? { scope, limit: Number(match[1]), windowSeconds: Number(match[2]) } : { scope, ...fallback };
}

/** The current window of a limit for `subject`, and when it ends (epoch seconds). */
export function currentWindow(rule: RateLimit, subject: string, now = nowSeconds()): RateWindow {
  const window = Math.floor(now / rule.windowSeconds);
  return { scope: rule.scope, subject, window, windowEnd: (window + 1) * rule.windowSeconds };
}
