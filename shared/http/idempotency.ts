import { createHash } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RouteResult } from '../routes/types.ts';
import { documentClient, tableName } from '../storage/client.ts';
import { keys } from '../storage/keys.ts';
import { deleteItem, getItem, isConditionFailure, putNew } from '../storage/store.ts';
import { badRequest, conflict, ProblemError } from './problem.ts';

/** How long a stored outcome answers retries of the same key. */
const RETENTION_SECONDS = 24 * 60 * 60;
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

interface IdempotencyRecord {
  status: 'IN_PROGRESS' | 'COMPLETED';
  fingerprint: string;
  response?: RouteResult;
}

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
 * Runs a write at most once per (scope, key): a retry with the same key and the same request
 * gets the stored response; the same key with another request is refused; a concurrent
 * duplicate gets 409. Failures (5xx) release the key so the client can retry.
 */
export async function runIdempotent(
  scope: string,
  idempotencyKey: string,
  request: string,
  run: () => Promise<RouteResult>,
): Promise<RouteResult & { replayed: boolean }> {
  const key = keys.idempotency(scope, idempotencyKey);
  const fingerprint = createHash('sha256').update(request).digest('base64url');
  const expiresAt = Math.floor(Date.now() / 1000) + RETENTION_SECONDS;
  try {
    await putNew({ ...key, type: 'Idempotency', status: 'IN_PROGRESS', fingerprint, expiresAt }, () =>
      conflict('idempotency_in_progress', 'Une requête identique est déjà en cours de traitement.'),
    );
  } catch (error) {
    const existing = await getItem<IdempotencyRecord>(key);
    if (!existing) throw error;
    if (existing.fingerprint !== fingerprint) {
      throw new ProblemError(
        422,
        'idempotency_key_reused',
        "Cette clé d'idempotence a déjà servi pour une autre requête.",
        {
          errors: [{ path: 'headers.idempotency-key', message: 'Clé déjà utilisée pour une autre requête.' }],
        },
      );
    }
    if (existing.status === 'COMPLETED' && existing.response) return { ...existing.response, replayed: true };
    throw error;
  }

  let response: RouteResult;
  try {
    response = await run();
  } catch (error) {
    if (error instanceof ProblemError && error.status < 500) {
      await complete(key, { status: error.status, body: error.toBody(), headers: error.headers });
    } else {
      await deleteItem(key);
    }
    throw error;
  }
  await complete(key, response);
  return { ...response, replayed: false };
}

async function complete(key: { PK: string; SK: string }, response: RouteResult): Promise<void> {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET #status = :completed, #response = :response',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#status': 'status', '#response': 'response' },
        ExpressionAttributeValues: { ':completed': 'COMPLETED', ':response': response },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
