/**
 * The advance request (guide §2): the submission, decided automatically.
 * One advance per operator (SIRET) and call, enforced by a guard item; the dossier number comes
 * from an atomic counter. The decision PDF and the decision email are idempotent follow-ups run
 * by the `dossierDecided` workflow, so the request path only writes the dossier.
 */
import { formatDate } from '../email/layout.ts';
import { conflict, ProblemError } from '../http/problem.ts';
import { logger } from '../logger.ts';
import type { AuthContext } from '../routes/types.ts';
import { keys } from '../storage/keys.ts';
import { claimGuard, getItem, nextNumber, releaseGuard } from '../storage/store.ts';
import { type FundingCall, isWithin } from './call.ts';
import { type AdvanceCounts, decideAdvance } from './decisions.ts';
import { DOSSIER_COUNTER, type Dossier, formatDossierNumber } from './dossier.ts';
import { advanceDossierOf, loadOperator, requireValidatedEnrolment } from './operator.ts';
import { advanceGuard, createDossier, getDossier, loadFundingCall } from './repository.ts';
import { dossierView } from './view.ts';
import { startDecisionWorkflow } from './workflow.ts';

/** A guard whose dossier never appeared (crash between the two writes) is released after this. */
const ABANDONED_GUARD_MS = 2 * 60 * 1000;

const alreadyRequested = (dossier: Dossier) =>
  conflict(
    'advance_already_requested',
    `Une demande d'avance a déjà été déposée pour cet opérateur : dossier ${dossier.number}.`,
    { dossierNumber: dossier.number },
  );

class GuardTaken extends Error {
  readonly owner: string;
  constructor(owner: string) {
    super('guard taken');
    this.owner = owner;
  }
}

/**
 * Claims the operator's advance guard for `number`. A guard left by an attempt that died before
 * writing its dossier is released once abandoned; a live dossier means a second request (409).
 */
async function claimAdvance(
  call: FundingCall,
  siret: string,
  number: string,
  retried = false,
): Promise<void> {
  const guard = advanceGuard(call.callId, siret);
  try {
    await claimGuard(guard, number, (owner) => new GuardTaken(owner), { callId: call.callId });
  } catch (error) {
    if (!(error instanceof GuardTaken)) throw error;
    const dossier = await getDossier(error.owner);
    if (dossier) throw alreadyRequested(dossier);
    const held = await getItem<{ createdAt: string }>(guard);
    if (!retried && held && Date.now() - Date.parse(held.createdAt) > ABANDONED_GUARD_MS) {
      await releaseGuard(guard, error.owner);
      return claimAdvance(call, siret, number, true);
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
    throw new ProblemError(
      409,
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
  const number = formatDossierNumber(await nextNumber(keys.counter(DOSSIER_COUNTER)));
  await claimAdvance(call, operator.siret, number);
  const dossier = decideAdvance({ accountId, number, counts, at: now.toISOString() }, source, call);
  await createDossier(dossier);
  await startDecisionWorkflow(number, 'advance');
  logger.info('Advance decided', { dossierNumber: number, callVersion: call.version });
  return dossierView(dossier, [], {});
}
