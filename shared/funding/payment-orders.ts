/**
 * Launching a payment (instructor): the advance once decided, the balance once decided, each
 * once, to the IBAN of the enrolment the dossier was filed from. One conditional write per
 * command (the payment item, created only if absent); the dossier view derives the payment status.
 */
import type { AuthContext } from '../auth-context.ts';
import { nowIso } from '../clock.ts';
import { getEnrolment } from '../enrolment/repository.ts';
import { conflict } from '../errors.ts';
import { logger } from '../logger.ts';
import { executionName, startWorkflow } from '../workflows/start.ts';
import { PAYMENT_NOTICE_WORKFLOW } from './decision-workflow-ids.ts';
import { documentLinks } from './documents.ts';
import { createDossierPayment } from './dossier-repository.ts';
import { PAYMENT_NOTICE_TYPES } from './emails.ts';
import { maskIban } from './iban.ts';
import { amountDue, PAYMENT_KIND_LABELS, type Payment, type PaymentKind } from './payments.ts';
import { dossierView } from './view.ts';
import { loadVisibleDossier } from './visible-dossier.ts';

export async function launchPayment(
  auth: AuthContext,
  number: string,
  request: { kind: PaymentKind; reference?: string | undefined },
) {
  const { dossier, children } = await loadVisibleDossier(auth, number);
  const label = PAYMENT_KIND_LABELS[request.kind];
  const due = amountDue(dossier, request.kind);
  if (!due) {
    throw conflict(
      'payment_not_due',
      `${label} : le montant n'est pas encore décidé sur le dossier ${number}.`,
    );
  }
  if (due.ttcCents === 0) {
    throw conflict('nothing_to_pay', `${label} : le montant décidé est nul, il n'y a rien à payer.`);
  }
  const enrolment = await getEnrolment(dossier.enrolmentId);
  if (!enrolment?.bank?.iban) {
    throw conflict('bank_details_missing', "Les coordonnées bancaires de l'enrôlement sont introuvables.");
  }
  const payment: Payment = {
    kind: request.kind,
    dossierNumber: number,
    amount: due,
    ibanMasked: maskIban(enrolment.bank.iban),
    status: 'MIS_EN_PAIEMENT',
    launchedAt: nowIso(),
    launchedBy: auth.accountId,
    ...(request.reference ? { reference: request.reference } : {}),
  };
  const notice = () =>
    startWorkflow(PAYMENT_NOTICE_WORKFLOW, executionName(number, 'payment', request.kind), {
      owner: { kind: 'dossier', id: number },
      emailType: PAYMENT_NOTICE_TYPES[request.kind],
    });
  const created = await createDossierPayment(payment);
  // The "avis de mise en paiement", recorded on the dossier: one execution per payment, so a
  // retry after a lost answer gets its notice without sending it twice.
  await notice();
  if (!created) {
    throw conflict(
      'payment_already_launched',
      `${label} : le paiement du dossier ${number} a déjà été lancé.`,
    );
  }
  logger.info('Payment launched', { dossierNumber: number, kind: request.kind });
  return dossierView(dossier, [...children, { type: 'Payment', ...payment }], await documentLinks(dossier), {
    withIncidents: true,
  });
}
