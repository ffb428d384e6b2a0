import { createHash } from 'node:crypto';
import { nowMs } from '../clock.ts';
import { DRAFT_TOKEN_HEADER } from '../routes/access.ts';
import type { AuthContext, RouteDefinition, RouteResult } from '../routes/types.ts';
import { asProblem } from './domain-error-mapping.ts';
import {
  completeIdempotentRequest,
  getIdempotencyRecord,
  type IdempotencyRef,
  releaseIdempotencyKey,
  startIdempotentRequest,
} from './idempotency-repository.ts';
import { badRequest, ProblemError } from './problem.ts';

/** How long a stored outcome answers retries of the same key. */
const RETENTION_SECONDS = 24 * 60 * 60;
/**
 * An IN_PROGRESS record is taken over this long after its function's deadline: Lambda has
 * stopped that invocation by then (timeout, out of memory), so its key must not stay blocked.
 */
const TAKEOVER_MARGIN_MS = 2000;
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

export function checkIdempotencyKey(value: string): string {
  if (!KEY_PATTERN.test(value)) {
    throw badRequest(
      'invalid_idempotency_key',
      "L'en-tête Idempotency-Key doit contenir de 8 à 128 caractères parmi lettres, chiffres et _ . : -",
      [{ path: 'headers.idempotency-key', message: "L'en-tête Idempotency-Key est invalide." }],
    );
  }
  return value;
}

/**
 * Whose records a request may replay: the credential access was granted on (the session's account,
 * the draft token's hash), never the key alone, so another caller's key replays nothing. Anonymous
 * requests have none, hence no replay (see README: a created draft's token is handed out once).
 */
export function idempotencyScope(
  route: RouteDefinition,
  auth: AuthContext | undefined,
  headers: Record<string, string | undefined>,
): string | undefined {
  const draftToken = headers[DRAFT_TOKEN_HEADER.toLowerCase()];
  const credential =
    route.access === 'draft'
      ? draftToken && `draft:${sha256(draftToken)}`
      : route.access !== 'public' && auth && `account:${auth.accountId}`;
  return credential ? `${route.id}#${credential}` : undefined;
}

/**
 * Runs a write at most once per (scope, key): a retry with the same key and the same request
 * (method, path, body) gets the stored response; the same key with another request is refused; a
 * concurrent duplicate gets 409 until the first one ends or its function's deadline has passed
 * (then the retry takes it over). Failures (5xx) release the key so the client can retry.
 */
export async function runIdempotent(
  options: { scope: string; key: string; request: string; remainingMs: number },
  run: () => Promise<RouteResult>,
): Promise<RouteResult & { replayed: boolean }> {
  const key: IdempotencyRef = { scope: options.scope, key: options.key };
  const fingerprint = sha256(options.request);
  const now = nowMs();
  const nowSeconds = Math.floor(now / 1000);
  const started = await startIdempotentRequest(
    key,
    {
      fingerprint,
      expiresAt: nowSeconds + RETENTION_SECONDS,
      inProgressUntil: now + options.remainingMs + TAKEOVER_MARGIN_MS,
    },
    { ms: now, seconds: nowSeconds },
  );
  if (!started) return { ...(await storedOutcome(key, fingerprint, now)), replayed: true };

  let response: RouteResult;
  try {
    response = await run();
  } catch (thrown) {
    const error = asProblem(thrown);
    if (error instanceof ProblemError && error.status < 500) {
      await completeIdempotentRequest(key, {
        status: error.status,
        body: error.toBody(),
        headers: error.headers,
      });
    } else {
      await releaseIdempotencyKey(key);
    }
    throw error;
  }
  await completeIdempotentRequest(key, response);
  return { ...response, replayed: false };
}

/** The stored response of a completed request; otherwise the problem that says why there is none. */
async function storedOutcome(key: IdempotencyRef, fingerprint: string, now: number): Promise<RouteResult> {
  const existing = await getIdempotencyRecord(key);
  if (existing && existing.fingerprint !== fingerprint) {
    throw new ProblemError(
      422,
      'idempotency_key_reused',
      "Cette clé d'idempotence a déjà servi pour une autre requête.",
      { errors: [{ path: 'headers.idempotency-key', message: 'Clé déjà utilisée pour une autre requête.' }] },
    );
  }
  if (existing?.status === 'COMPLETED' && existing.response) return existing.response;
  const retryAfterSeconds = Math.max(Math.ceil(((existing?.inProgressUntil ?? now) - now) / 1000), 1);
  throw new ProblemError(
    409,
    'idempotency_in_progress',
    'Une requête identique est déjà en cours de traitement.',
    {
      extensions: { retryAfterSeconds },
      headers: { 'Retry-After': String(retryAfterSeconds) },
    },
  );
}
