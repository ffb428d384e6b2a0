/**
 * Storage of the fixed-window rate-limit buckets: keys.rateLimit(scope, subject, window), one
 * counter item per window, expiring with it.
 */
import * as keys from '../storage/keys.ts';
import { updateItem } from '../storage/store.ts';

/** One window of a limit for one subject (hashed), ending at `windowEnd` (epoch seconds). */
export interface RateWindow {
  scope: string;
  subject: string;
  window: number;
  windowEnd: number;
}

export const rateWindowKey = (window: RateWindow) =>
  keys.rateLimit(window.scope, window.subject, window.window);

/** Counts one event in a window (one atomic ADD; the item expires with the window); returns the count. */
export async function countInWindow(window: RateWindow): Promise<number> {
  const counted = await updateItem<{ count?: number }>(rateWindowKey(window), {
    update: 'ADD #count :one SET #type = :type, expiresAt = :expiresAt',
    names: { '#count': 'count', '#type': 'type' },
    values: { ':one': 1, ':type': 'RateLimit', ':expiresAt': window.windowEnd },
    returns: 'UPDATED_NEW',
  });
  return Number(counted?.count ?? 0);
}
