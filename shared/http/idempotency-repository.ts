/**
 * Storage of the Idempotency-Key records: keys.idempotency(scope, key), one item per key and
 * caller scope, kept a day (expiresAt).
 */
import type { RouteResult } from '../routes/types.ts';
import * as keys from '../storage/keys.ts';
import { deleteItem, getItem, putIf, updateItem } from '../storage/store.ts';

export interface IdempotencyRecord {
  status: 'IN_PROGRESS' | 'COMPLETED';
  fingerprint: string;
  response?: RouteResult;
  /** Epoch milliseconds after which a retry may take an IN_PROGRESS record over. */
  inProgressUntil?: number;
}

/** Which record: the caller's scope and the key it sent. */
export interface IdempotencyRef {
  scope: string;
  key: string;
}

const keyOf = (ref: IdempotencyRef) => keys.idempotency(ref.scope, ref.key);

/**
 * Starts a request under its key: false when a live record holds the key, unless it is an
 * IN_PROGRESS record of the same request whose deadline (`inProgressUntil`) has passed.
 */
export const startIdempotentRequest = (
  ref: IdempotencyRef,
  record: { fingerprint: string; expiresAt: number; inProgressUntil: number },
  now: { ms: number; seconds: number },
): Promise<boolean> =>
  putIf(
    { ...keyOf(ref), type: 'Idempotency', status: 'IN_PROGRESS', ...record },
    {
      expression:
        'attribute_not_exists(PK) OR expiresAt <= :nowSeconds OR (#status = :inProgress AND inProgressUntil < :now AND fingerprint = :fingerprint)',
      names: { '#status': 'status' },
      values: {
        ':nowSeconds': now.seconds,
        ':now': now.ms,
        ':inProgress': 'IN_PROGRESS',
        ':fingerprint': record.fingerprint,
      },
    },
  );

export const getIdempotencyRecord = (ref: IdempotencyRef) => getItem<IdempotencyRecord>(keyOf(ref));

/** Stores the response of a request whose record still exists. */
export async function completeIdempotentRequest(ref: IdempotencyRef, response: RouteResult): Promise<void> {
  await updateItem(keyOf(ref), {
    update: 'SET #status = :completed, #response = :response REMOVE inProgressUntil',
    condition: 'attribute_exists(PK)',
    names: { '#status': 'status', '#response': 'response' },
    values: { ':completed': 'COMPLETED', ':response': response },
  });
}

/** Frees the key (a failed request): the client may retry with it. */
export const releaseIdempotencyKey = (ref: IdempotencyRef) => deleteItem(keyOf(ref));
