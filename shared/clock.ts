/**
 * The clock port (DESIGN §3): business time — dates recorded, expiries, windows, lockouts — comes
 * from here, never from `Date` directly, so tests move time instead of writing raw attributes.
 * On AWS it is the system clock: only the local stack (infra/local/cloud.ts `moveClock`, reached
 * by tests in the gateway's process, never over HTTP) shifts it. Elapsed-time measures and
 * lifetimes another service checks on its own clock (caches of issued tokens, presigned URLs,
 * response-time floors, metric timestamps) stay on the system clock.
 */
let offsetMs = 0;

/** Milliseconds since the epoch, business time. */
export const nowMs = (): number => Date.now() + offsetMs;

export const now = (): Date => new Date(nowMs());

export const nowIso = (): string => now().toISOString();

/** Whole seconds since the epoch: the unit of `expiresAt` (DynamoDB TTL). */
export const nowSeconds = (): number => Math.floor(nowMs() / 1000);

/** Local stack only: moves this process's business time forward by `ms` (tests). */
export function moveClock(ms: number): void {
  offsetMs += ms;
}

/** Local stack only: back to the system clock. */
export function resetClock(): void {
  offsetMs = 0;
}
