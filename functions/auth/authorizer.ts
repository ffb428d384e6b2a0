import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import {
  bearerToken,
  hashToken,
  isUsableSession,
  SESSION_IDLE_SECONDS,
  SESSION_RENEW_AFTER_SECONDS,
  type StoredSession,
} from '../../shared/accounts/session-token.ts';
import { documentClient, tableName } from '../../shared/storage/client.ts';
import { keys } from '../../shared/storage/keys.ts';

/**
 * Lambda authorizer of the HTTP API (simple responses), run before every protected route.
 * One GetItem on the session (by the token's SHA-256); the idle expiry is renewed by an
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
  if (!token) return anonymous;
  const key = keys.session(hashToken(token));
  const { Item } = await documentClient.send(new GetCommand({ TableName: tableName, Key: key }));
  const session = Item as StoredSession | undefined;
  const now = Math.floor(Date.now() / 1000);
  // The item outlives the session (journal record of its login, TTL 6 months): only the idle
  // and absolute expiries and the revocation decide, never the TTL.
  if (!isUsableSession(session, now)) return anonymous;
  if (now - session.renewedAt >= SESSION_RENEW_AFTER_SECONDS) {
    const idleExpiresAt = Math.min(now + SESSION_IDLE_SECONDS, session.absoluteExpiresAt);
    // Best effort, conditional on the item still existing and not revoked; the TTL (`expiresAt`,
    // the journal's) is left alone. A failed renewal must not refuse a valid session.
    await documentClient
      .send(
        new UpdateCommand({
          TableName: tableName,
          Key: key,
          UpdateExpression: 'SET renewedAt = :now, idleExpiresAt = :idle',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(revokedAt)',
          ExpressionAttributeValues: { ':now': now, ':idle': idleExpiresAt },
        }),
      )
      .catch(() => undefined);
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
