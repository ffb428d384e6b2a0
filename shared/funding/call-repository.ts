/**
 * Storage of the funding call (single table): keys.fundingCall(callId), its versioned
 * configuration record; keys.fundingCallVersion(callId, version), each version as it was;
 * queries.fundingCallVersions(callId), both in one Query.
 */
import * as z from 'zod/mini';
import { now } from '../clock.ts';
import { readEnv } from '../config.ts';
import { UnavailableError } from '../errors.ts';
import * as keys from '../storage/keys.ts';
import * as queries from '../storage/queries.ts';
import { getItem, putItem, putVersioned, queryAll } from '../storage/store.ts';
import { demoFundingCall, type FundingCall, MSS_CALL_ID } from './call.ts';

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
export async function seedFundingCall(today = now()): Promise<void> {
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

/**
 * Every version of a call, newest first: the current record and the superseded ones (one Query).
 * A correction that crashed after keeping the current version holds it twice: listed once.
 */
export async function listFundingCallVersions(callId: string): Promise<FundingCall[]> {
  const items = await queryAll<FundingCall & { type: string }>(queries.fundingCallVersions(callId));
  const byVersion = new Map(items.map(({ type: _type, ...call }) => [call.version, call]));
  return [...byVersion.values()].sort((a, b) => b.version - a.version);
}
