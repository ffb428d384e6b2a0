/**
 * The advance request (guide §2): the submission, decided automatically.
 * One advance per operator (SIRET) and call, claimed on the atomic counter that gives the dossier
 * number (one conditional write for both). The decision PDF and the decision email are idempotent follow-ups run
 * by the `dossierDecided` workflow, so the request path only writes the dossier.
 */

import type { AuthContext } from '../auth-context.ts';
import { formatDate } from '../email/layout.ts';
import { ConflictError, conflict } from '../errors.ts';
import { logger } from '../logger.ts';
import { keys } from '../storage/keys.ts';
import { ClaimTaken, nextNumberClaiming, releaseClaim } from '../storage/store.ts';
import { type FundingCall, isWithin } from './call.ts';
import { type AdvanceCounts, decideAdvance } from './decisions.ts';
import { DOSSIER_COUNTER, type Dossier, formatDossierNumber } from './dossier.ts';
import { advanceDossierOf, loadOperator, requireValidatedEnrolment } from './operator.ts';
import { createDossier, getDossier, loadFundingCall } from './repository.ts';
import { dossierView } from './view.ts';
import { startDecisionWorkflow } from './workflow.ts';

/** A claim whose dossier never appeared (crash between the two writes) is released after this. */
const ABANDONED_CLAIM_MS = 2 * 60 * 1000;

const alreadyRequested = (dossier: Dossier) =>
  conflict(
    'advance_already_requested',
    `Une demande d'avance a déjà été déposée pour cet opérateur : dossier ${dossier.number}.`,
    { dossierNumber: dossier.number },
  );

/**
 * The dossier number of the operator's advance, claimed on the number counter itself (one write:
 * number and uniqueness). A claim left by an attempt that died before writing its dossier is
 * released once abandoned; a live dossier means a second request (409).
 */
async function allocateAdvanceNumber(call: FundingCall, siret: string, retried = false): Promise<string> {
  const counter = keys.counter(DOSSIER_COUNTER);
  const claim = keys.counterClaim('advance', `${call.callId}#${siret}`);
  try {
    return formatDossierNumber(await nextNumberClaiming(counter, claim));
  } catch (error) {
    if (!(error instanceof ClaimTaken)) throw error;
    const dossier = await getDossier(formatDossierNumber(error.claimedNumber));
    if (dossier) throw alreadyRequested(dossier);
    if (!retried && Date.now() - Date.parse(error.claimedAt) > ABANDONED_CLAIM_MS) {
      await releaseClaim(counter, claim, error.claimedAt);
      return allocateAdvanceNumber(call, siret, true);
    }
    throw conflict(
      'advance_in_progress',
      "Une demande d'avance est déjà en cours d'enregistrement pour cet opérateur.",
    );
  }
}

/** POST /v1/funding/advance: files the request and decides it (status DECIDEE, FINMSS number). */
export async function submitAdvance(auth: AuthContext, counts: AdvanceCounts) {
  const operator = await loadOperator(auth);
  const { accountId } = operator;
  const source = requireValidatedEnrolment(operator);
  const call = await loadFundingCall();
  const now = new Date();
  if (!isWithin(call.advanceWindow, now)) {
    throw new ConflictError(
      'advance_window_closed',
      `Les demandes d'avance sont ouvertes du ${formatDate(call.advanceWindow.opensAt)} au ${formatDate(call.advanceWindow.closesAt)}.`,
      { extensions: { advanceWindow: call.advanceWindow } },
    );
  }
  const previous = advanceDossierOf(operator, call.callId);
  if (previous) {
    // The follow-ups are idempotent: a client retrying after a lost answer still gets them.
    await startDecisionWorkflow(previous.number, 'advance');
    throw alreadyRequested(previous);
  }
  const number = await allocateAdvanceNumber(call, operator.siret);
  const dossier = decideAdvance({ accountId, number, counts, at: now.toISOString() }, source, call);
  await createDossier(dossier);
  await startDecisionWorkflow(number, 'advance');
  logger.info('Advance decided', { dossierNumber: number, callVersion: call.version });
  return dossierView(dossier, [], {});
}
