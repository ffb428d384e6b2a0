/** Reading and correcting the funding call record (ASP back office), with optimistic locking. */
import { nowIso } from '../clock.ts';
import { invalidData, notFound } from '../errors.ts';
import { logger } from '../logger.ts';
import { callInconsistencies, type FundingCall } from './call.ts';
import { findFundingCall, listFundingCallVersions, saveFundingCall } from './call-repository.ts';

export async function readFundingCall(callId: string): Promise<FundingCall> {
  const call = await findFundingCall(callId);
  if (!call) throw notFound('funding_call_not_found', 'Aucun appel à financement ne porte cet identifiant.');
  return call;
}

/** The call's versions, newest first (the first one is the current record). */
export async function readFundingCallHistory(callId: string): Promise<{ items: FundingCall[] }> {
  const items = await listFundingCallVersions(callId);
  if (items.length === 0)
    throw notFound('funding_call_not_found', 'Aucun appel à financement ne porte cet identifiant.');
  return { items };
}

export async function correctFundingCall(
  callId: string,
  correction: Omit<FundingCall, 'callId' | 'version' | 'correctedAt' | 'correctedBy'> & {
    expectedVersion: number;
  },
  instructorId: string,
): Promise<FundingCall> {
  const current = await readFundingCall(callId);
  const { expectedVersion, ...fields } = correction;
  const errors = callInconsistencies(fields);
  if (errors.length > 0)
    throw invalidData(errors[0]?.message ?? "L'appel à financement est incohérent.", errors);
  const corrected = { ...fields, callId, correctedAt: nowIso(), correctedBy: instructorId };
  const version = await saveFundingCall({ ...corrected, version: expectedVersion }, current, expectedVersion);
  logger.info('Funding call corrected', { callId, version });
  return { ...corrected, version };
}
