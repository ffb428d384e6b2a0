import { ConflictError } from '../errors.ts';
import type { Enrolment } from './model.ts';
import { claimActivePair, type EnrolmentPair, releaseActivePair, samePair } from './repository.ts';

/**
 * One active enrolment per (referencing number, SIRET): claimed at submission, held while the
 * request is déposée, à modifier or validée; released when a draft is deleted, when a
 * re-submission moves to another pair, and when a request is rejected (the instruction issue
 * calls `releaseActiveEnrolment`).
 */
type Pair = EnrolmentPair;

const currentPair = (enrolment: Enrolment): Pair | undefined =>
  enrolment.referencing && enrolment.applicant
    ? { referencingNumber: enrolment.referencing.number.toUpperCase(), siret: enrolment.applicant.siret }
    : undefined;

/** Claims the enrolment's current pair; returns it, to be stored as `activePair`. */
export async function claimActiveEnrolment(enrolment: Enrolment): Promise<Pair> {
  const pair = currentPair(enrolment);
  if (!pair) throw new Error('An enrolment needs its referencing and applicant steps to be submitted');
  await claimActivePair(pair, enrolment.id, () => {
    const message =
      "Une demande d'enrôlement est déjà en cours pour ce N° de référencement et ce SIRET : une seule demande active est possible.";
    return new ConflictError('enrolment_already_active', message, {
      errors: [{ path: 'applicant.siret', message }],
    });
  });
  return pair;
}

/** After a write that moved the request to `next`: frees the pair it held before, if another. */
export async function releaseFormerPair(previous: Enrolment, next: Pair): Promise<void> {
  const former = previous.activePair;
  if (former && !samePair(former, next)) await releaseActivePair(former, previous.id);
}

/** Frees every pair this enrolment may hold (a no-op for pairs held by others). */
export async function releaseActiveEnrolment(enrolment: Enrolment): Promise<void> {
  const pairs = [enrolment.activePair, currentPair(enrolment)].filter((pair) => pair !== undefined);
  for (const pair of pairs) await releaseActivePair(pair, enrolment.id);
}
