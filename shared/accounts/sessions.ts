import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../storage/client.ts';
import { indexKeys, keys } from '../storage/keys.ts';
import { deleteItem, isConditionFailure, putItem, queryPage } from '../storage/store.ts';
import { type Account, isSetUp, pendingSteps, type SetupStep } from './model.ts';
import {
  hashToken,
  newSessionToken,
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

/** Opens a new session (a new token on every login) and returns the token, shown once. */
export async function openSession(account: Account): Promise<IssuedSession> {
  const token = newSessionToken();
  const tokenHash = hashToken(token);
  const now = Math.floor(Date.now() / 1000);
  const createdAt = new Date(now * 1000).toISOString();
  const session: StoredSession = {
    accountId: account.id,
    role: account.role,
    passwordChangeRequired: !isSetUp(account),
    ...(account.siret ? { siret: account.siret } : {}),
    createdAt,
    renewedAt: now,
    idleExpiresAt: now + SESSION_IDLE_SECONDS,
    absoluteExpiresAt: now + SESSION_ABSOLUTE_SECONDS,
  };
  await putItem({
    ...keys.session(tokenHash),
    ...indexKeys.sessionsByAccount(account.id, createdAt),
    type: 'Session',
    tokenHash,
    ...session,
    expiresAt: session.idleExpiresAt,
  });
  return {
    token,
    expiresAt: new Date(session.idleExpiresAt * 1000).toISOString(),
    passwordChangeRequired: session.passwordChangeRequired,
    pendingSteps: pendingSteps(account),
  };
}

/** Logout: the token stops working at once. */
export const revokeSession = (token: string) => deleteItem(keys.session(hashToken(token)));

/** Password change or reset: every session of the account ends. */
export async function revokeAllSessions(accountId: string): Promise<number> {
  const { GSI1PK } = indexKeys.sessionsByAccount(accountId);
  let cursor: string | undefined;
  let revoked = 0;
  do {
    const page = await queryPage<{ tokenHash?: string }>({
      index: 'GSI1',
      partition: { name: 'GSI1PK', value: GSI1PK },
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    // Items come back without their keys; the token hash is kept as an attribute for this.
    await Promise.all(
      page.items.map((session) =>
        session.tokenHash ? deleteItem(keys.session(session.tokenHash)) : undefined,
      ),
    );
    revoked += page.items.length;
    cursor = page.cursor;
  } while (cursor);
  return revoked;
}

/** Once both first-login steps are done, the current session may use every route. */
export async function clearPasswordChangeRequired(token: string, accountId: string): Promise<void> {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.session(hashToken(token)),
        UpdateExpression: 'SET passwordChangeRequired = :false',
        ConditionExpression: 'accountId = :accountId',
        ExpressionAttributeValues: { ':false': false, ':accountId': accountId },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
