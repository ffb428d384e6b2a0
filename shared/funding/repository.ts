/**
 * Storage of the funding call and the dossiers (single table). Access patterns:
 * - keys.fundingCall(callId): the call's configuration record;
 * - keys.dossier(number): the dossier aggregate, listed by status (GSI1) and by SIRET (GSI2);
 * - keys.counterClaim('advance', callId#siret) on the dossier number counter: one advance
 *   request per operator and call (see shared/storage/store.ts nextNumberClaiming);
 * - the dossier partition: the aggregate plus its emails (EMAIL#) and payments (PAYMENT#).
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { readEnv } from '../config.ts';
import type { Enrolment } from '../enrolment/model.ts';
import { ConflictError, UnavailableError } from '../errors.ts';
import { documentClient, tableName } from '../storage/client.ts';
import { indexKeys, keys } from '../storage/keys.ts';
import { getItem, putItem, putNew, putVersioned, queryAll, queryPage, stripKeys } from '../storage/store.ts';
import { demoFundingCall, type FundingCall, MSS_CALL_ID } from './call.ts';
import type { Dossier, DossierDocument, DossierStatus } from './dossier.ts';

export async function findFundingCall(callId: string): Promise<FundingCall | undefined> {
  const item = await getItem<FundingCall & { type: string }>(keys.fundingCall(callId));
  if (!item) return undefined;
  const { type: _type, ...call } = item;
  return call;
}

/**
 * The call changes a few times in its life, and nearly every funding request reads it: a warm
 * Lambda keeps it FUNDING_CALL_CACHE_SECONDS (default 60 s), so a correction takes effect within
 * a minute everywhere (at once in the Lambda that made it).
 */
const { FUNDING_CALL_CACHE_SECONDS: cacheSeconds } = readEnv({
  FUNDING_CALL_CACHE_SECONDS: z._default(
    z.pipe(z.string().check(z.regex(/^\d{1,4}$/)), z.transform(Number)),
    60,
  ),
});
const cachedCalls = new Map<string, { call: FundingCall; until: number }>();

export async function loadFundingCall(callId = MSS_CALL_ID): Promise<FundingCall> {
  const cached = cachedCalls.get(callId);
  if (cached && cached.until > Date.now()) return cached.call;
  const call = await findFundingCall(callId);
  if (call && cacheSeconds > 0) cachedCalls.set(callId, { call, until: Date.now() + cacheSeconds * 1000 });
  if (!call) {
    throw new UnavailableError(
      'funding_call_unavailable',
      "L'appel à financement n'est pas configuré. Réessayez plus tard ou contactez l'assistance.",
    );
  }
  return call;
}

/** Demo data (npm start, tests): the guide's call with its dates moved around today. */
export async function seedFundingCall(today = new Date()): Promise<void> {
  const call = demoFundingCall(today);
  await putItem({ ...keys.fundingCall(MSS_CALL_ID), type: 'FundingCall', ...call });
}

/**
 * Replaces the call record if nobody changed it since `expectedVersion` (409 otherwise), after
 * keeping `current` (the version read, `expectedVersion`) as an immutable history item: writing it
 * again is harmless, so a correction that fails its condition or crashes leaves a true history.
 */
export async function saveFundingCall(
  call: FundingCall,
  current: FundingCall,
  expectedVersion: number,
): Promise<number> {
  if (current.version === expectedVersion)
    await putItem({
      ...keys.fundingCallVersion(current.callId, current.version),
      type: 'FundingCallVersion',
      ...current,
    });
  const version = await putVersioned(
    { ...keys.fundingCall(call.callId), type: 'FundingCall', ...call },
    expectedVersion,
  );
  cachedCalls.delete(call.callId);
  return version;
}

/**
 * The call as it was at `version` (what a decision applied), whatever was corrected since: its
 * snapshot, or the current record if it is still at that version (a call stored before snapshots
 * existed). Undefined when neither holds it.
 */
export async function findFundingCallVersion(
  callId: string,
  version: number,
): Promise<FundingCall | undefined> {
  const snapshot = await getItem<FundingCall & { type: string }>(keys.fundingCallVersion(callId, version));
  const found = snapshot ?? (await findFundingCall(callId));
  if (found?.version !== version) return undefined;
  const { type: _type, ...call } = found as FundingCall & { type?: string };
  return call;
}

const dossierIndexes = (dossier: Dossier) => ({
  ...indexKeys.dossiersByStatus(dossier.status, dossier.advance.depositedAt, dossier.number),
  ...indexKeys.dossiersBySiret(dossier.beneficiary.siret, dossier.advance.depositedAt, dossier.number),
});

export async function createDossier(dossier: Dossier): Promise<void> {
  await putNew(
    { ...keys.dossier(dossier.number), type: 'Dossier', ...dossierIndexes(dossier), ...dossier },
    () => new ConflictError('dossier_exists', `Le dossier ${dossier.number} existe déjà.`),
  );
}

/** Replaces the dossier after a command (optimistic locking on `version`). */
export async function saveDossier(dossier: Dossier): Promise<number> {
  return putVersioned(
    { ...keys.dossier(dossier.number), type: 'Dossier', ...dossierIndexes(dossier), ...dossier },
    dossier.version,
  );
}

/**
 * Every version of a call, newest first: the current record and the superseded ones (one Query).
 * A correction that crashed after keeping the current version holds it twice: listed once.
 */
export async function listFundingCallVersions(callId: string): Promise<FundingCall[]> {
  const items = await queryAll<FundingCall & { type: string }>({
    partition: { name: 'PK', value: keys.fundingCallPartition(callId) },
  });
  const byVersion = new Map(items.map(({ type: _type, ...call }) => [call.version, call]));
  return [...byVersion.values()].sort((a, b) => b.version - a.version);
}

export async function getDossier(number: string): Promise<Dossier | undefined> {
  const item = await getItem<Dossier & { type: string }>(keys.dossier(number));
  if (!item) return undefined;
  const { type: _type, ...dossier } = item;
  return dossier;
}

/**
 * Lists a document on the dossier once its file is in S3: an idempotent follow-up of the
 * decision (same kind → same entry), which bumps the version so a concurrent command that read
 * the dossier before cannot overwrite the entry.
 */
export async function recordDossierDocument(number: string, document: DossierDocument): Promise<void> {
  await documentClient.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.dossier(number),
      UpdateExpression: 'SET documents.#kind = :document, updatedAt = :now ADD version :one',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#kind': document.kind },
      ExpressionAttributeValues: { ':document': document, ':now': new Date().toISOString(), ':one': 1 },
    }),
  );
}

/** The dossier's partition in one Query: the aggregate and its child items (emails, payments). */
export async function loadDossierPartition(number: string) {
  const items: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage<Record<string, unknown>>({
      partition: { name: 'PK', value: keys.dossierPartition(number) },
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items.map((item) => stripKeys<Record<string, unknown> & { type?: string }>(item));
}

export async function listDossiersByStatus(status: DossierStatus, limit: number, cursor?: string) {
  const { GSI1PK } = indexKeys.dossiersByStatus(status);
  return queryPage<Dossier>({
    index: 'GSI1',
    partition: { name: 'GSI1PK', value: GSI1PK },
    limit,
    ...(cursor ? { cursor } : {}),
  });
}

/**
 * Everything filed under an operator's SIRET on GSI2 — its enrolments and its dossiers share the
 * partition (indexKeys.enrolmentsBySiret / dossiersBySiret) — in one Query (a page is plenty).
 */
export async function listOperatorItems(siret: string) {
  const { GSI2PK } = indexKeys.dossiersBySiret(siret);
  const items: (Record<string, unknown> & { type?: string })[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage<Record<string, unknown> & { type?: string }>({
      index: 'GSI2',
      partition: { name: 'GSI2PK', value: GSI2PK },
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  const withoutType = <T>(item: Record<string, unknown>) => {
    const { type: _type, ...data } = item;
    return data as T;
  };
  return {
    enrolments: items.filter((item) => item.type === 'Enrolment').map((item) => withoutType<Enrolment>(item)),
    dossiers: items.filter((item) => item.type === 'Dossier').map((item) => withoutType<Dossier>(item)),
  };
}
