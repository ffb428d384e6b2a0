import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { nowIso, nowSeconds } from '../clock.ts';
import { conflict, MalformedRequestError } from '../errors.ts';
import { documentClient, tableName } from './client.ts';
import type { PrimaryKey } from './keys.ts';
import type { QueryCoordinates } from './queries.ts';
import { INTERNAL_ATTRIBUTES, TABLE_DEFINITION } from './table.ts';

/** A stored item as the store sees it: keys, entity type, optional TTL, and data. */
export type StoredItem = PrimaryKey & {
  type: string;
  expiresAt?: number;
  version?: number;
  [attribute: string]: unknown;
};

/** TTL deletion is lazy (up to days on AWS, never on the local engine): expired means absent. */
const isLive = (item: Record<string, unknown> | undefined): item is Record<string, unknown> =>
  item !== undefined && (typeof item.expiresAt !== 'number' || item.expiresAt > nowSeconds());

/** Removes the internal key attributes before data leaves the storage module. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) {
    if (!INTERNAL_ATTRIBUTES.includes(name)) data[name] = value;
  }
  return data as T;
}

const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException ||
  (error instanceof Error && error.name === 'ConditionalCheckFailedException');

/**
 * The one place a conditional write's failed condition is caught: the write's result, or
 * `undefined` when its condition did not hold. Any other error propagates.
 */
async function conditionally<T>(write: Promise<T>): Promise<T | undefined> {
  try {
    return await write;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** A condition on the item a write replaces, with its expression's names and values. */
export interface Condition {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

/** PutItem under `condition`; false when the condition did not hold (nothing written). */
export async function putIf(item: StoredItem, condition: Condition): Promise<boolean> {
  // An absent member (names, values) is left out of the request by the SDK.
  const written = await conditionally(
    documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: item,
        ConditionExpression: condition.expression,
        ExpressionAttributeNames: condition.names,
        ExpressionAttributeValues: condition.values,
      }),
    ),
  );
  return written !== undefined;
}

/** One UpdateItem: its expression, an optional condition, and what to return. */
export interface ItemUpdate {
  /** UpdateExpression (SET / ADD / REMOVE). */
  update: string;
  condition?: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
  /** The attributes to return: the updated ones or the whole item after the update. */
  returns?: 'UPDATED_NEW' | 'ALL_NEW';
}

/**
 * UpdateItem on `key`: the returned attributes (keys stripped; `{}` when none were asked), or
 * `undefined` when the condition did not hold.
 */
export async function updateItem<T = Record<string, unknown>>(
  key: PrimaryKey,
  change: ItemUpdate,
): Promise<T | undefined> {
  const result = await conditionally(
    documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: change.update,
        ConditionExpression: change.condition,
        ExpressionAttributeNames: change.names,
        ExpressionAttributeValues: change.values,
        ReturnValues: change.returns,
      }),
    ),
  );
  return result && stripKeys<T>(result.Attributes ?? {});
}

export async function getItem<T>(
  key: PrimaryKey,
  options: { consistent?: boolean } = {},
): Promise<T | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: key, ConsistentRead: options.consistent ?? true }),
  );
  return isLive(Item) ? stripKeys<T>(Item) : undefined;
}

/**
 * Several items in one BatchGetItem (consistent reads), in the order of `keys`; an absent or
 * expired item is `undefined`. Keys DynamoDB leaves unprocessed are asked again, a few times.
 */
/**
 * Wait before asking again for keys BatchGetItem left unprocessed (it does so when the table is
 * throttled): exponential backoff with full jitter, as AWS recommends, so retries do not hammer
 * a throttled table. Round 1 waits up to 50 ms, then 100, 200, 400.
 */
export const unprocessedKeysDelayMs = (round: number, random = Math.random()) =>
  round === 0 ? 0 : Math.floor(random * 25 * 2 ** round);

export async function getItems<T>(keys: PrimaryKey[]): Promise<(T | undefined)[]> {
  const found: Record<string, unknown>[] = [];
  let pending = keys;
  for (let round = 0; pending.length > 0; round += 1) {
    if (round === 5) throw new Error('BatchGetItem kept keys unprocessed');
    const delay = unprocessedKeysDelayMs(round);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const result = await documentClient.send(
      new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
    );
    found.push(...((result.Responses?.[tableName] ?? []) as Record<string, unknown>[]));
    pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as PrimaryKey[];
  }
  return keys.map((key) => {
    const item = found.find((candidate) => candidate.PK === key.PK && candidate.SK === key.SK);
    return isLive(item) ? stripKeys<T>(item) : undefined;
  });
}

/** Creates an item that must not exist yet (a live one); an expired leftover may be overwritten. */
export async function putNew(item: StoredItem, onExists: () => Error): Promise<void> {
  if (!(await putIfAbsent({ ...item, version: item.version ?? 1 }))) throw onExists();
}

/** PutItem of an item that must not exist yet (a live one); false when one does. */
export const putIfAbsent = (item: StoredItem): Promise<boolean> =>
  putIf(item, {
    expression: 'attribute_not_exists(PK) OR expiresAt <= :now',
    values: { ':now': nowSeconds() },
  });

/** Writes an item without condition (reference data, child records keyed by their own id). */
export async function putItem(item: StoredItem): Promise<void> {
  await documentClient.send(new PutCommand({ TableName: tableName, Item: item }));
}

/**
 * Optimistic locking: replaces the aggregate only if nobody wrote it since `expectedVersion`
 * was read. A stale write is a 409 the client resolves by reloading.
 */
export async function putVersioned(item: StoredItem, expectedVersion: number): Promise<number> {
  const version = expectedVersion + 1;
  const written = await putIf(
    { ...item, version },
    { expression: 'version = :expected', values: { ':expected': expectedVersion } },
  );
  if (!written) {
    throw conflict(
      'stale_version',
      'Cette ressource a été modifiée entre-temps. Rechargez-la puis recommencez.',
      { expectedVersion },
    );
  }
  return version;
}

export async function deleteItem(key: PrimaryKey): Promise<void> {
  await documentClient.send(new DeleteCommand({ TableName: tableName, Key: key }));
}

/** Deletes an item and returns it if it was live: a one-time token is consumed exactly once. */
export async function consumeItem<T>(key: PrimaryKey): Promise<T | undefined> {
  const { Attributes } = await documentClient.send(
    new DeleteCommand({ TableName: tableName, Key: key, ReturnValues: 'ALL_OLD' }),
  );
  return isLive(Attributes) ? stripKeys<T>(Attributes) : undefined;
}

/** Next value of a named sequence, by an atomic `ADD`: never reused, even after a failed write. */
export async function nextNumber(counter: PrimaryKey): Promise<number> {
  const { Attributes } = await documentClient.send(
    new UpdateCommand({
      TableName: tableName,
      Key: counter,
      UpdateExpression: 'ADD #value :one SET #type = :type',
      ExpressionAttributeNames: { '#value': 'value', '#type': 'type' },
      ExpressionAttributeValues: { ':one': 1, ':type': 'Counter' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  const value = Attributes?.value;
  if (typeof value !== 'number') throw new Error('Counter update returned no value');
  return value;
}

export interface GuardClaim {
  /** True when this call created the guard; false when the same owner already held it (retry). */
  created: boolean;
  owner: string;
}

/**
 * Uniqueness without transactions: claims a guard item for `owner`. A retry by the same owner
 * succeeds; another owner gets the conflict built by `onTaken(existingOwner)`.
 */
export async function claimGuard(
  guard: PrimaryKey,
  owner: string,
  onTaken: (existingOwner: string) => Error,
  attributes: Record<string, unknown> = {},
): Promise<GuardClaim> {
  if (await putIfAbsent({ ...guard, type: 'Guard', owner, createdAt: nowIso(), ...attributes }))
    return { created: true, owner };
  const existing = await getItem<{ owner: string }>(guard);
  if (existing === undefined) return claimGuard(guard, owner, onTaken, attributes);
  if (existing.owner === owner) return { created: false, owner };
  throw onTaken(existing.owner);
}

/** Releases a guard only if `owner` still holds it. */
export async function releaseGuard(guard: PrimaryKey, owner: string): Promise<void> {
  await conditionally(
    documentClient.send(
      new DeleteCommand({
        TableName: tableName,
        Key: guard,
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':owner': owner },
      }),
    ),
  );
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page, absent on the last page. */
  cursor?: string;
}

export const encodeCursor = (lastKey: Record<string, unknown> | undefined): string | undefined =>
  lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : undefined;

function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through: a cursor that does not decode is the client's error
  }
  throw new MalformedRequestError('invalid_cursor', 'Le curseur de pagination est invalide.', {
    errors: [{ path: 'query.cursor', message: 'Le curseur de pagination est invalide.' }],
  });
}

const CURSOR_ELSEWHERE = "Ce curseur de pagination n'appartient pas à cette liste.";

/**
 * The start key a cursor carries, checked against the query it is sent with: exactly the key
 * attributes of the table (and of the index), all strings, in the queried partition and within
 * the sort-key condition. A cursor from another list (decodable, but another partition or index)
 * would otherwise reach DynamoDB as a ValidationException, a 500 for a client's mistake.
 */
function startKeyFor(options: QueryOptions): Record<string, unknown> | undefined {
  const startKey = decodeCursor(options.cursor);
  if (startKey === undefined) return undefined;
  const index = TABLE_DEFINITION.globalSecondaryIndexes.find((gsi) => gsi.indexName === options.index);
  const keyNames = new Set<string>([
    TABLE_DEFINITION.partitionKey,
    TABLE_DEFINITION.sortKey,
    ...(index ? [index.partitionKey, index.sortKey] : []),
  ]);
  const names = Object.keys(startKey);
  const sortCondition = options.sortPrefix ?? options.sortFrom;
  const sortValue = sortCondition ? startKey[sortCondition.name] : undefined;
  const belongs =
    names.length === keyNames.size &&
    names.every((name) => keyNames.has(name) && typeof startKey[name] === 'string') &&
    startKey[options.partition.name] === options.partition.value &&
    (!options.sortPrefix ||
      (typeof sortValue === 'string' && sortValue.startsWith(options.sortPrefix.value))) &&
    (!options.sortFrom || (typeof sortValue === 'string' && sortValue >= options.sortFrom.value));
  if (!belongs)
    throw new MalformedRequestError('invalid_cursor', CURSOR_ELSEWHERE, {
      errors: [{ path: 'query.cursor', message: CURSOR_ELSEWHERE }],
    });
  return startKey;
}

/** A named access pattern of queries.ts, and the page asked. */
export interface QueryOptions extends QueryCoordinates {
  limit?: number;
  cursor?: string;
  descending?: boolean;
}

/** One Query (never a Scan) returning a page of live items, keys stripped; a cursor only continues its own list. */
export async function queryPage<T>(options: QueryOptions): Promise<Page<T>> {
  const names: Record<string, string> = { '#pk': options.partition.name };
  const values: Record<string, unknown> = { ':pk': options.partition.value };
  let condition = '#pk = :pk';
  if (options.sortPrefix) {
    names['#sk'] = options.sortPrefix.name;
    values[':sk'] = options.sortPrefix.value;
    condition += ' AND begins_with(#sk, :sk)';
  } else if (options.sortFrom) {
    names['#sk'] = options.sortFrom.name;
    values[':sk'] = options.sortFrom.value;
    condition += ' AND #sk >= :sk';
  }
  const { Items = [], LastEvaluatedKey } = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: options.index,
      KeyConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      Limit: options.limit,
      ExclusiveStartKey: startKeyFor(options),
      ScanIndexForward: !options.descending,
    }),
  );
  const page: Page<T> = { items: Items.filter(isLive).map((item) => stripKeys<T>(item)) };
  const cursor = encodeCursor(LastEvaluatedKey);
  if (cursor) page.cursor = cursor;
  return page;
}

/** Every live item of a small, bounded collection (an aggregate's children): all pages, no Scan. */
export async function queryAll<T>(options: Omit<QueryOptions, 'cursor'>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page: Page<T> = await queryPage<T>({ ...options, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}
