/**
 * The operator behind a session: its account (SIRET, linked enrolments) and the enrolment the
 * funding request is based on — the most recent validated one.
 */
import type { Enrolment } from '../enrolment/model.ts';
import { forbidden, ProblemError } from '../http/problem.ts';
import { keys } from '../storage/keys.ts';
import { getItem } from '../storage/store.ts';

/** The account fields funding needs (the account aggregate is owned by shared/accounts). */
interface OperatorAccount {
  id: string;
  role: string;
  siret?: string;
  enrolmentIds?: string[];
}

export interface Operator {
  accountId: string;
  siret: string;
  /** Latest validated enrolment, or undefined when none is validated yet. */
  enrolment: Enrolment | undefined;
  /** Status of the latest enrolment (for the message when none is validated). */
  latestStatus: Enrolment['status'] | undefined;
}

export async function loadOperator(accountId: string): Promise<Operator> {
  const account = await getItem<OperatorAccount>(keys.account(accountId));
  if (account?.role !== 'operator' || !account.siret) {
    throw forbidden('operator_required', 'Seul un compte opérateur peut déposer une demande de financement.');
  }
  const ids = [...(account.enrolmentIds ?? [])].reverse();
  let latestStatus: Enrolment['status'] | undefined;
  for (const id of ids) {
    const enrolment = await getItem<Enrolment>(keys.enrolment(id));
    if (!enrolment) continue;
    latestStatus ??= enrolment.status;
    if (enrolment.status === 'VALIDEE') return { accountId, siret: account.siret, enrolment, latestStatus };
  }
  return { accountId, siret: account.siret, enrolment: undefined, latestStatus };
}

/** The validated enrolment with every part a funding request reads, or a clear 403. */
export function requireValidatedEnrolment(operator: Operator) {
  const enrolment = operator.enrolment;
  if (!enrolment) {
    throw new ProblemError(
      403,
      'enrolment_not_validated',
      "Votre demande d'enrôlement doit être validée par l'ASP avant de pouvoir déposer une demande de financement.",
      { extensions: { enrolmentStatus: operator.latestStatus ?? null } },
    );
  }
  const { referencing, applicant, bank, vat } = enrolment;
  if (!referencing || !applicant || !bank || !vat) {
    throw new ProblemError(
      409,
      'enrolment_incomplete',
      "Votre enrôlement validé est incomplet. Contactez l'assistance.",
    );
  }
  return { enrolment, referencing, applicant, bank, vat };
}
