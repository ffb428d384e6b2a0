/**
 * The operator behind a session: its SIRET (carried by the session, see AuthContext), the
 * enrolment the funding request is based on — the most recent validated one linked to its
 * account — and its dossiers. One call: a Query of the operator's SIRET partition of GSI2, which
 * holds both its enrolments and its dossiers (eventually consistent: the advance guard is the
 * strong check).
 */

import type { AuthContext } from '../auth-context.ts';
import type { Enrolment } from '../enrolment/model.ts';
import { ConflictError, ForbiddenError } from '../errors.ts';
import type { Dossier } from './dossier-model.ts';
import { listOperatorItems } from './dossier-repository.ts';

export interface Operator {
  accountId: string;
  siret: string;
  /** Latest validated enrolment, or undefined when none is validated yet. */
  enrolment: Enrolment | undefined;
  /** Status of the latest enrolment (for the message when none is validated). */
  latestStatus: Enrolment['status'] | undefined;
  /** The operator's dossiers (any call). */
  dossiers: Dossier[];
}

export async function loadOperator(auth: AuthContext): Promise<Operator> {
  const { accountId, siret } = auth;
  if (auth.role !== 'operator' || !siret) {
    throw new ForbiddenError(
      'operator_required',
      'Seul un compte opérateur peut déposer une demande de financement.',
    );
  }
  const { enrolments, dossiers } = await listOperatorItems(siret);
  // Provisioning records the account on each enrolment it links (Enrolment.accountId).
  // Oldest first on the index: the last linked one is the latest, the last VALIDEE the one used.
  const mine = enrolments.filter((enrolment) => enrolment.accountId === accountId);
  return {
    accountId,
    siret,
    enrolment: mine.findLast((enrolment) => enrolment.status === 'VALIDEE'),
    latestStatus: mine.at(-1)?.status,
    dossiers,
  };
}

/** The operator's advance dossier for a call, if it filed one. */
export const advanceDossierOf = (operator: Operator, callId: string): Dossier | undefined =>
  operator.dossiers.find((dossier) => dossier.callId === callId);

/** The validated enrolment with every part a funding request reads, or a clear 403. */
export function requireValidatedEnrolment(operator: Operator) {
  const enrolment = operator.enrolment;
  if (!enrolment) {
    throw new ForbiddenError(
      'enrolment_not_validated',
      "Votre demande d'enrôlement doit être validée par l'ASP avant de pouvoir déposer une demande de financement.",
      { extensions: { enrolmentStatus: operator.latestStatus ?? null } },
    );
  }
  const { referencing, applicant, bank, vat } = enrolment;
  if (!referencing || !applicant || !bank || !vat) {
    throw new ConflictError(
      'enrolment_incomplete',
      "Votre enrôlement validé est incomplet. Contactez l'assistance.",
    );
  }
  return { enrolment, referencing, applicant, bank, vat };
}
