/** Reading and correcting the funding call record (ASP back office), with optimistic locking. */
import { invalidData, notFound } from '../http/problem.ts';
import { logger } from '../logger.ts';
import { callInconsistencies, type FundingCall } from './call.ts';
import { findFundingCall, saveFundingCall } from './repository.ts';

export async function readFundingCall(callId: string): Promise<FundingCall> {
  const call = await findFundingCall(callId);
  if (!call) throw notFound('funding_call_not_found', 'Aucun appel à financement ne porte cet identifiant.');
  return call;
}

export async function correctFundingCall(
  callId: string,
  correction: Omit<FundingCall, 'callId' | 'version'> & { expectedVersion: number },
): Promise<FundingCall> {
  await readFundingCall(callId);
  const { expectedVersion, ...fields } = correction;
  const errors = callInconsistencies(fields);
  if (errors.length > 0)
    throw invalidData(errors[0]?.message ?? "L'appel à financement est incohérent.", errors);
  const version = await saveFundingCall({ ...fields, callId, version: expectedVersion }, expectedVersion);
  logger.info('Funding call corrected', { callId, version });
  return { ...fields, callId, version };
}
