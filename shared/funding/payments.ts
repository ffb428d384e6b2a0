/**
 * Payments of a dossier (guide §3 "Paiement"): ASP pays the advance once decided, then the
 * balance once decided, to the IBAN of the enrolment. One child item per kind (keys.dossierPayment),
 * created once (a second launch of the same kind is a 409). Pure: rules and views, no I/O.
 */
import { formatDate } from '../email/layout.ts';
import { type Amount, displayed } from './amounts.ts';
import type { Dossier } from './dossier-model.ts';

const PAYMENT_KINDS = ['AVANCE', 'SOLDE'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

export const PAYMENT_KIND_LABELS: Record<PaymentKind, string> = { AVANCE: 'Avance', SOLDE: 'Solde' };

type PaymentStatus = 'NON_DECIDE' | 'A_PAYER' | 'MIS_EN_PAIEMENT';
const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  NON_DECIDE: 'Non décidé',
  A_PAYER: 'En attente de mise en paiement',
  MIS_EN_PAIEMENT: 'Mis en paiement',
};

export interface Payment {
  kind: PaymentKind;
  dossierNumber: string;
  amount: Amount;
  /** Where the transfer goes, masked: the full IBAN stays on the enrolment. */
  ibanMasked: string;
  status: 'MIS_EN_PAIEMENT';
  launchedAt: string;
  launchedBy: string;
  /** The instructor's payment reference (e.g. the accounting order number), optional. */
  reference?: string;
}

/** The amount due for a kind, or undefined while that part is not decided. */
export function amountDue(dossier: Dossier, kind: PaymentKind): Amount | undefined {
  return kind === 'AVANCE' ? dossier.advance.decided : dossier.balance?.decided;
}

export function paymentSummary(dossier: Dossier, payments: Payment[]) {
  const items = PAYMENT_KINDS.map((kind) => {
    const due = amountDue(dossier, kind);
    const payment = payments.find((candidate) => candidate.kind === kind);
    const status: PaymentStatus = payment ? 'MIS_EN_PAIEMENT' : due ? 'A_PAYER' : 'NON_DECIDE';
    return {
      kind,
      label: PAYMENT_KIND_LABELS[kind],
      status,
      statusLabel: payment
        ? `${PAYMENT_STATUS_LABELS.MIS_EN_PAIEMENT} le ${formatDate(payment.launchedAt)}`
        : PAYMENT_STATUS_LABELS[status],
      amount: due ? displayed(due) : null,
      ibanMasked: payment?.ibanMasked ?? null,
      launchedAt: payment?.launchedAt ?? null,
      reference: payment?.reference ?? null,
    };
  });
  const paidTtc = items.reduce(
    (sum, item) => sum + (item.status === 'MIS_EN_PAIEMENT' ? (item.amount?.ttcCents ?? 0) : 0),
    0,
  );
  return {
    items,
    paidTtcCents: paidTtc,
    paidTtc: displayed({ htCents: 0, tvaCents: 0, ttcCents: paidTtc }).ttc,
  };
}
