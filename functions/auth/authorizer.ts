import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { readSessionAndRevocation, renewSession } from '#shared/accounts/session-repository.ts';
import {
  accountIdOfToken,
  bearerToken,
  hashToken,
  isUsableSession,
  SESSION_IDLE_SECONDS,
  SESSION_RENEW_AFTER_SECONDS,
} from '#shared/accounts/session-token.ts';
import { nowSeconds } from '#shared/clock.ts';

/**
 * Lambda authorizer of the HTTP API (simple responses), run before every protected route.
 * One BatchGetItem: the session (by the token's SHA-256) and its account's revocation mark; the idle expiry is renewed by an
 * UpdateItem only when the last renewal is older than 5 minutes, not on every call.
 *
 * A missing, malformed, expired or revoked token is still "authorized" with an empty context:
 * the route's handler then answers a French 401 problem+json (an HTTP API cannot customise the
 * body of its own 403). Results must not be cached by API Gateway (revocation is immediate).
 */
export type AuthorizerResult =
  | {
      isAuthorized: true;
      context: {
        accountId: string;
        role: string;
        passwordChangeRequired: boolean;
        siret?: string;
        lastLoginAt?: string;
      };
    }
  | { isAuthorized: true; context: Record<string, never> };

const anonymous: AuthorizerResult = { isAuthorized: true, context: {} };

export async function handler(event: APIGatewayRequestAuthorizerEventV2): Promise<AuthorizerResult> {
  const token = bearerToken(event.headers?.authorization ?? event.headers?.Authorization);
  const accountId = token ? accountIdOfToken(token) : undefined;
  if (!token || !accountId) return anonymous;
  const tokenHash = hashToken(token);
  // One call: the session and the account's revocation mark (a password change ends every
  // session opened before it, whatever the lagging by-account index lists).
  const { session, revokedBeforeMs } = await readSessionAndRevocation(tokenHash, accountId);
  const now = nowSeconds();
  // The item outlives the session (journal record of its login, TTL 6 months): only the idle
  // and absolute expiries and the revocations decide, never the TTL.
  if (!isUsableSession(session, now, revokedBeforeMs) || session.accountId !== accountId) return anonymous;
  if (now - session.renewedAt >= SESSION_RENEW_AFTER_SECONDS) {
    const idleExpiresAt = Math.min(now + SESSION_IDLE_SECONDS, session.absoluteExpiresAt);
    // Best effort: a failed renewal must not refuse a valid session.
    await renewSession(tokenHash, now, idleExpiresAt).catch(() => undefined);
  }
  return {
    isAuthorized: true,
    context: {
      accountId: session.accountId,
      role: session.role,
      passwordChangeRequired: session.passwordChangeRequired,
      ...(session.siret ? { siret: session.siret } : {}),
      ...(session.lastLoginAt ? { lastLoginAt: session.lastLoginAt } : {}),
    },
  };
}
