/**
 * The advance request (guide §2): the submission, decided automatically.
 * One advance per operator (SIRET) and call: the number from the atomic counter, then the
 * operator's own claim item recording it (a guard per operator: claims never pile up on one
 * item), then the dossier. The decision PDF and the decision email are idempotent follow-ups run
 * by the `dossierDecided` workflow, so the request path only writes the dossier.
 */
import type { AuthContext } from '../auth-context.ts';
import * as clock from '../clock.ts';
import { formatDate } from '../email/layout.ts';
import { ConflictError, conflict } from '../errors.ts';
import { logger } from '../logger.ts';
import { type FundingCall, isWithin } from './call.ts';
import { loadFundingCall } from './call-repository.ts';
import { startDecisionWorkflow } from './decision-workflow-start.ts';
import { type AdvanceCounts, decideAdvance } from './decisions.ts';
import { type Dossier, formatDossierNumber } from './dossier-model.ts';
import {
  type AdvanceClaim,
  claimAdvance,
  createDossier,
  getDossier,
  nextDossierSequence,
  takeOverAdvanceClaim,
} from './dossier-repository.ts';
import { advanceDossierOf, loadOperator, requireValidatedEnrolment } from './operator.ts';
import { dossierView } from './view.ts';

/** A claim whose dossier never appeared (crash between the two writes) is released after this. */
const ABANDONED_CLAIM_MS = 2 * 60 * 1000;

const alreadyRequested = (dossier: Dossier) =>
  conflict(
    'advance_already_requested',
    `Une demande d'avance a déjà été déposée pour cet opérateur : dossier ${dossier.number}.`,
    { dossierNumber: dossier.number },
  );

/**
 * The dossier number of the operator's advance: a new number, claimed on the operator's claim
 * item. A claim left by an attempt that died before writing its dossier is taken over once
 * abandoned; a claim whose dossier exists means a second request (409). A number given to an
 * attempt that loses the claim is not reused (numbers never are).
 */
async function allocateAdvanceNumber(call: FundingCall, siret: string): Promise<string> {
  const claim: AdvanceClaim = {
    dossierNumber: formatDossierNumber(await nextDossierSequence()),
    claimedAt: clock.nowIso(),
  };
  const held = await claimAdvance(call.callId, siret, claim);
  if (!held) return claim.dossierNumber;
  const dossier = await getDossier(held.dossierNumber);
  if (dossier) throw alreadyRequested(dossier);
  const abandoned = clock.nowMs() - Date.parse(held.claimedAt) > ABANDONED_CLAIM_MS;
  if (abandoned && (await takeOverAdvanceClaim(call.callId, siret, held, claim))) return claim.dossierNumber;
  throw conflict(
    'advance_in_progress',
    "Une demande d'avance est déjà en cours d'enregistrement pour cet opérateur.",
  );
}

/** POST /v1/funding/advance: files the request and decides it (status DECIDEE, FINMSS number). */
export async function submitAdvance(auth: AuthContext, counts: AdvanceCounts) {
  const operator = await loadOperator(auth);
  const { accountId } = operator;
  const source = requireValidatedEnrolment(operator);
  const call = await loadFundingCall();
  const now = clock.now();
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
