import { nowIso, nowMs, nowSeconds } from '../clock.ts';
import { type Credentials, isSetUp, pendingSteps, type SetupStep } from './model.ts';
import {
  clearSessionPasswordChangeRequired,
  listSessionsOpenedSince,
  markSessionRevoked,
  markSessionsRevokedBefore,
  putSession,
} from './session-repository.ts';
import {
  hashToken,
  newAccountSessionToken,
  SESSION_ABSOLUTE_SECONDS,
  SESSION_IDLE_SECONDS,
  type StoredSession,
} from './session-token.ts';

export interface IssuedSession {
  token: string;
  expiresAt: string;
  passwordChangeRequired: boolean;
  /** What the first login still requires, in order (empty once set up). */
  pendingSteps: SetupStep[];
}

/**
 * Login history is kept 6 months (security journal), then expires: a failed login is an item
 * under the account (login.ts), a successful one is its session item, kept that long (TTL)
 * while the session itself ends at its idle or absolute expiry or when revoked.
 */
export const LOGIN_HISTORY_SECONDS = 183 * 86_400;

/**
 * Opens a new session (a new token on every login) and returns the token, shown once. The item
 * records where it was opened from and why (`origin`: a login, or the new session handed out by
 * a password change), and stays 6 months as the journal record of that login. It carries the
 * account's last login date (`lastLoginAt`, from the Credentials), which the authorizer passes on
 * (GET /v1/me shows it without reading the Credentials).
 */
export async function openSession(
  account: Pick<
    Credentials,
    'accountId' | 'role' | 'siret' | 'passwordIsTemporary' | 'secretQuestionSet' | 'lastLoginAt'
  >,
  opened: { sourceIp: string; origin: 'login' | 'passwordChange'; openedAtMs: number },
): Promise<IssuedSession> {
  const token = newAccountSessionToken(account.accountId);
  const tokenHash = hashToken(token);
  const now = nowSeconds();
  const createdAt = new Date(now * 1000).toISOString();
  const session: StoredSession = {
    accountId: account.accountId,
    role: account.role,
    passwordChangeRequired: !isSetUp(account),
    ...(account.siret ? { siret: account.siret } : {}),
    ...(account.lastLoginAt ? { lastLoginAt: account.lastLoginAt } : {}),
    createdAt,
    openedAtMs: opened.openedAtMs,
    renewedAt: now,
    idleExpiresAt: now + SESSION_IDLE_SECONDS,
    absoluteExpiresAt: now + SESSION_ABSOLUTE_SECONDS,
  };
  await putSession(tokenHash, {
    ...session,
    sourceIp: opened.sourceIp,
    origin: opened.origin,
    // The journal's lifetime, not the session's: every check uses idleExpiresAt,
    // absoluteExpiresAt and revokedAt (isUsableSession).
    expiresAt: now + LOGIN_HISTORY_SECONDS,
  });
  return {
    token,
    expiresAt: new Date(session.idleExpiresAt * 1000).toISOString(),
    passwordChangeRequired: session.passwordChangeRequired,
    pendingSteps: pendingSteps(account),
  };
}

/**
 * Logout: the token stops working at once; its item stays as the journal record of its login
 * (an unknown token creates nothing).
 */
export async function revokeSession(token: string): Promise<void> {
  await markSessionRevoked(hashToken(token), nowIso());
}

/**
 * Password change or reset: every session of the account ends. The revocation mark decides at
 * once; the sessions are also marked one by one (the login journal shows when each ended). Only
 * sessions opened within the absolute lifetime can still be usable, so the query reads those
 * alone, not the 6 months of journal records.
 */
export async function revokeAllSessions(accountId: string): Promise<number> {
  // First the mark the authorizer compares (read with the session, strongly consistent): it ends
  // every session opened before now, even one the lagging GSI below does not list yet.
  await markSessionsRevokedBefore(accountId, nowMs());
  const now = nowSeconds();
  const openedSince = new Date((now - SESSION_ABSOLUTE_SECONDS) * 1000).toISOString();
  const at = nowIso();
  const sessions = await listSessionsOpenedSince(accountId, openedSince);
  // Items come back with the token hash as an attribute, for this. A session past its idle
  // expiry is revoked too: an authorizer that read it just before could still renew it.
  const live = sessions.filter(
    (session) =>
      typeof session.tokenHash === 'string' &&
      session.revokedAt === undefined &&
      Number(session.absoluteExpiresAt) > now,
  );
  const outcomes = await Promise.all(
    live.map((session) => markSessionRevoked(session.tokenHash as string, at)),
  );
  return outcomes.filter(Boolean).length;
}

/** Once both first-login steps are done, the current session may use every route. */
export async function clearPasswordChangeRequired(token: string, accountId: string): Promise<void> {
  await clearSessionPasswordChangeRequired(hashToken(token), accountId);
}
