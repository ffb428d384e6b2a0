/**
 * The automatic decisions (pure: no I/O). The advance grants the call's fixed part; the balance
 * grants the formula for the mailboxes reached at the closing date, capped, minus the advance.
 */
import type { Enrolment } from '../enrolment/model.ts';
import { advanceHtCents, balanceAmount, totalHtCents, withVat } from './amounts.ts';
import type { FundingCall } from './call.ts';
import type { MailboxCounts } from './counts.ts';
import type { Dossier } from './dossier-model.ts';

export interface AdvanceCounts {
  current: MailboxCounts;
  estimatedAtClosing: MailboxCounts;
}

/** The validated enrolment's parts a decision reads. */
export type DecisionSource = {
  enrolment: Pick<Enrolment, 'id'>;
  referencing: NonNullable<Enrolment['referencing']>;
  applicant: NonNullable<Enrolment['applicant']>;
  vat: NonNullable<Enrolment['vat']>;
};

/** A new dossier, decided: status DECIDEE, the advance at the call's fixed part. */
export function decideAdvance(
  input: { accountId: string; number: string; counts: AdvanceCounts; at: string },
  source: DecisionSource,
  call: FundingCall,
): Dossier {
  const { enrolment, referencing, applicant, vat } = source;
  const { counts, at } = input;
  return {
    number: input.number,
    callId: call.callId,
    callVersion: call.version,
    status: 'DECIDEE',
    version: 1,
    accountId: input.accountId,
    enrolmentId: enrolment.id,
    beneficiary: {
      siret: applicant.siret,
      denominationSociale: applicant.denominationSociale,
      address: applicant.address,
      referencingNumber: referencing.number,
      vatRegime: vat.regime,
    },
    advance: {
      current: counts.current,
      estimatedAtClosing: counts.estimatedAtClosing,
      estimatedTotal: withVat(totalHtCents(call, counts.estimatedAtClosing), vat.regime),
      decided: withVat(advanceHtCents(call), vat.regime),
      closingDate: call.closingDate,
      depositedAt: at,
      decidedAt: at,
    },
    documents: {},
    createdAt: at,
    updatedAt: at,
  };
}

/** The dossier with its balance decided (status SOLDE_DECIDE), at the VAT regime of the advance. */
export function decideBalance(
  dossier: Dossier,
  reachedAtClosing: MailboxCounts,
  call: FundingCall,
  at: string,
): Dossier {
  const { total, balance } = balanceAmount(
    call,
    reachedAtClosing,
    dossier.beneficiary.vatRegime,
    dossier.advance.decided,
  );
  return {
    ...dossier,
    status: 'SOLDE_DECIDE',
    balance: {
      reachedAtClosing,
      total,
      decided: balance,
      depositedAt: at,
      decidedAt: at,
      callVersion: call.version,
    },
    updatedAt: at,
  };
}
