/**
 * The decision emails of a dossier (French, HTML + text through the portal layout). Templates are
 * pure; `composeDecisionEmail` loads what they need from the stored dossier so the workflow input
 * carries no address and no content.
 */
import { formatDate, renderEmail } from '../email/layout.ts';
import { type Amount, formatEuros } from './amounts.ts';
import { DECISION_EMAIL_TYPES, type DecisionKind } from './decision-workflow-ids.ts';
import {
  balanceDecisionFileName,
  DOSSIER_STATUS_LABELS,
  type Dossier,
  decisionFileName,
} from './dossier-model.ts';
import { PAYMENT_KIND_LABELS, type Payment, type PaymentKind } from './payments.ts';

const DECISION_EMAIL_LABELS: Record<DecisionKind, string> = {
  advance: "Décision d'attribution de l'avance",
  balance: "Décision d'attribution du solde",
};

const amountFacts = (amount: Amount, what: string): [string, string][] => [
  [`${what} HT`, formatEuros(amount.htCents)],
  ['TVA', formatEuros(amount.tvaCents)],
  [`${what} TTC`, formatEuros(amount.ttcCents)],
];

export function decisionEmail(
  dossier: Dossier,
  decision: DecisionKind,
  recipient: { prenom: string; nom: string },
  portalUrl: string,
) {
  const isAdvance = decision === 'advance';
  const part = isAdvance ? dossier.advance : dossier.balance;
  if (!part) throw new Error('No balance decided on this dossier');
  const what = isAdvance ? "Montant de l'avance" : 'Montant du solde';
  const fileName = isAdvance ? decisionFileName(dossier.number) : balanceDecisionFileName(dossier.number);
  return renderEmail({
    subject: `${DECISION_EMAIL_LABELS[decision]} — dossier ${dossier.number}`,
    recipient,
    paragraphs: [
      isAdvance
        ? `Votre demande d'avance au titre de l'appel à financement des opérateurs MSSanté (Ségur du numérique en santé) a été décidée le ${formatDate(part.decidedAt)}.`
        : `Votre demande de solde au titre de l'appel à financement des opérateurs MSSanté (Ségur du numérique en santé) a été décidée le ${formatDate(part.decidedAt)}.`,
      `Un montant de ${formatEuros(part.decided.ttcCents)} TTC est attribué à ${dossier.beneficiary.denominationSociale} (SIRET ${dossier.beneficiary.siret}). Il sera versé par l'Agence de Services et de Paiement sur le compte bancaire déclaré lors de votre enrôlement.`,
      `La décision (${fileName}) est disponible dans la rubrique « Pièces justificatives » de votre demande de financement.`,
    ],
    facts: [
      ['Numéro de dossier', dossier.number],
      ['Déposée le', formatDate(part.depositedAt)],
      ['Statut', DOSSIER_STATUS_LABELS[dossier.status]],
      ...amountFacts(part.decided, what),
    ],
    action: { label: 'Consulter mon dossier', url: `${portalUrl}/financement/dossiers/${dossier.number}` },
  });
}

export const PAYMENT_NOTICE_TYPES: Record<PaymentKind, string> = {
  AVANCE: 'advancePaymentNotice',
  SOLDE: 'balancePaymentNotice',
};

const PAYMENT_NOTICE_LABELS: Record<PaymentKind, string> = {
  AVANCE: "Avis de mise en paiement de l'avance",
  SOLDE: 'Avis de mise en paiement du solde',
};

/** "Avis de mise en paiement": the ASP has ordered the transfer of the advance or the balance. */
export function paymentNoticeEmail(
  dossier: Dossier,
  payment: Payment,
  recipient: { prenom: string; nom: string },
  portalUrl: string,
) {
  const what = payment.kind === 'AVANCE' ? "l'avance" : 'le solde';
  return renderEmail({
    subject: `${PAYMENT_NOTICE_LABELS[payment.kind]} — dossier ${dossier.number}`,
    recipient,
    paragraphs: [
      `L'Agence de Services et de Paiement a mis en paiement ${what} de votre dossier ${dossier.number} le ${formatDate(payment.launchedAt)}, pour un montant de ${formatEuros(payment.amount.ttcCents)} TTC.`,
      `Le virement est adressé au compte bancaire déclaré lors de votre enrôlement (IBAN ${payment.ibanMasked}). Il apparaîtra sur votre relevé dans les prochains jours.`,
    ],
    facts: [
      ['Numéro de dossier', dossier.number],
      ['Paiement', PAYMENT_KIND_LABELS[payment.kind]],
      ['Mis en paiement le', formatDate(payment.launchedAt)],
      ...amountFacts(payment.amount, 'Montant'),
      ['IBAN', payment.ibanMasked],
      ...(payment.reference ? [['Référence du paiement', payment.reference] as [string, string]] : []),
    ],
    action: { label: 'Consulter mon dossier', url: `${portalUrl}/financement/dossiers/${dossier.number}` },
  });
}

/** Labels of the dossier's email types, as "Courriels automatiques envoyés" lists them. */
export const FUNDING_EMAIL_LABELS: Record<string, string> = {
  [DECISION_EMAIL_TYPES.advance]: DECISION_EMAIL_LABELS.advance,
  [DECISION_EMAIL_TYPES.balance]: DECISION_EMAIL_LABELS.balance,
  [PAYMENT_NOTICE_TYPES.AVANCE]: PAYMENT_NOTICE_LABELS.AVANCE,
  [PAYMENT_NOTICE_TYPES.SOLDE]: PAYMENT_NOTICE_LABELS.SOLDE,
};
