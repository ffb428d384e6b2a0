/**
 * The advance request form (guide §2): what it shows filled in from the enrolment and the call,
 * and the estimate of the total funding the front end asks for as the operator types the counts.
 */

import type { AuthContext } from '../auth-context.ts';
import * as clock from '../clock.ts';
import {
  advanceHtCents,
  balanceAmount,
  displayed,
  uncappedHtCents,
  vatRateLabel,
  withVat,
} from './amounts.ts';
import { closingDateLabel, isWithin } from './call.ts';
import { loadFundingCall } from './call-repository.ts';
import { COUNT_LABELS, type MailboxCounts } from './counts.ts';
import { addressLines } from './dossier-model.ts';
import { advanceDossierOf, loadOperator, requireValidatedEnrolment } from './operator.ts';

/** GET /v1/funding/advance: what the form shows, filled from the enrolment and the call. */
export async function getAdvanceForm(auth: AuthContext) {
  const operator = await loadOperator(auth);
  const { enrolment, referencing, applicant, vat } = requireValidatedEnrolment(operator);
  const call = await loadFundingCall();
  const dossier = advanceDossierOf(operator, call.callId);
  const now = clock.now();
  return {
    callId: call.callId,
    callVersion: call.version,
    callLabel: call.label,
    summary: {
      referencingNumber: referencing.number,
      siret: applicant.siret,
      denominationSociale: applicant.denominationSociale,
      address: applicant.address,
      addressLines: addressLines(applicant.address),
    },
    enrolmentId: enrolment.id,
    vatRegime: vat.regime,
    vatRateLabel: vatRateLabel(vat.regime),
    fixedEligibleAmount: displayed(withVat(advanceHtCents(call), vat.regime)),
    closingDate: call.closingDate,
    closingDateLabel: closingDateLabel(call),
    advanceWindow: { ...call.advanceWindow, open: isWithin(call.advanceWindow, now) },
    labels: { current: COUNT_LABELS.current, estimatedAtClosing: COUNT_LABELS.estimatedAtClosing },
    dossierNumber: dossier?.number ?? null,
  };
}

/** GET /v1/funding/advance/estimate: the total funding for counts at the closing date (pure computation). */
export async function estimateFunding(auth: AuthContext, counts: MailboxCounts) {
  const operator = await loadOperator(auth);
  const { vat } = requireValidatedEnrolment(operator);
  const call = await loadFundingCall();
  const advance = withVat(advanceHtCents(call), vat.regime);
  const { total, balance } = balanceAmount(call, counts, vat.regime, advance);
  return {
    counts,
    vatRegime: vat.regime,
    vatRateLabel: vatRateLabel(vat.regime),
    total: displayed(total),
    capped: uncappedHtCents(call, counts) > call.capCents,
    cap: displayed(withVat(call.capCents, vat.regime)),
    advance: displayed(advance),
    expectedBalance: displayed(balance),
    closingDate: call.closingDate,
  };
}
