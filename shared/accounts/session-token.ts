import { createHash, randomBytes } from 'node:crypto';

/**
 * Opaque tokens: 256 random bits, base64url. Only their SHA-256 is stored, so a leak of the
 * table does not leak live sessions. Kept tiny: the authorizer imports it.
 */
export const newSessionToken = () => randomBytes(32).toString('base64url');

/**
 * A session token names its account before the random part (`<accountId>.<random>`): the
 * authorizer reads the session and the account's revocation mark in one BatchGetItem. The hash
 * covers the whole token, so the prefix cannot be changed without losing the session.
 */
export const newAccountSessionToken = (accountId: string) => `${accountId}.${newSessionToken()}`;

export const accountIdOfToken = (token: string) => /^([A-Za-z0-9_-]{1,64})\./.exec(token)?.[1];

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The bearer token of an `Authorization` header, if well formed. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ((?:[A-Za-z0-9_-]{1,64}\.)?[A-Za-z0-9_-]{20,128})$/.exec(header?.trim() ?? '');
  return match?.[1];
}

/** Session lifetimes: idle expiry (renewed on use) and absolute expiry (never renewed). */
export const SESSION_IDLE_SECONDS = 30 * 60;
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
/** The authorizer renews the idle expiry only when the last renewal is older than this. */
export const SESSION_RENEW_AFTER_SECONDS = 5 * 60;

export interface StoredSession {
  accountId: string;
  role: 'operator' | 'instructor';
  passwordChangeRequired: boolean;
  /** Operators only: copied from the account, which never changes SIRET. */
  siret?: string;
  /** The account's last login when the session was opened (this login's date for a login). */
  lastLoginAt?: string;
  createdAt: string;
  /**
   * Epoch milliseconds when its login began (before the password was checked): a revocation of
   * every session of the account (`revokedBeforeMs`) ends it if later.
   */
  openedAtMs?: number;
  /** Epoch seconds. */
  renewedAt: number;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
  /** ISO date of the logout or revocation; the item stays as the journal record of its login. */
  revokedAt?: string;
  /** Where the session was opened from (login journal). */
  sourceIp?: string;
  origin?: 'login' | 'passwordChange';
}

/**
 * Whether a stored session still opens the API at `now` (epoch seconds). The item outlives the
 * session (it is the login's journal record, TTL 6 months): only these attributes decide.
 */
export const isUsableSession = (
  session: StoredSession | undefined,
  now: number,
  revokedBeforeMs = 0,
): session is StoredSession =>
  session !== undefined &&
  session.revokedAt === undefined &&
  session.idleExpiresAt > now &&
  session.absoluteExpiresAt > now &&
  (session.openedAtMs ?? Date.parse(session.createdAt)) >= revokedBeforeMs;
