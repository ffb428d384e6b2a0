/**
 * The decision emails of a dossier (French, HTML + text through the portal layout). Templates are
 * pure; `composeDecisionEmail` loads what they need from the stored dossier so the workflow input
 * carries no address and no content.
 */
import { formatDate, renderEmail } from '../email/layout.ts';
import { type Amount, formatEuros } from './amounts.ts';
import type { DecisionKind } from './decision-workflow.ts';
import { balanceDecisionFileName, DOSSIER_STATUS_LABELS, type Dossier, decisionFileName } from './dossier.ts';

export const DECISION_EMAIL_LABELS: Record<DecisionKind, string> = {
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
    greeting: `Bonjour ${recipient.prenom} ${recipient.nom},`,
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
