/**
 * What the decision documents say, built from the dossier and the funding call the decision
 * applied. Pure: the PDF renderer lays it out.
 */
import { formatDate } from '../email/layout.ts';
import { type Amount, formatEuros, vatRateLabel } from './amounts.ts';
import { closingDateLabel, type FundingCall } from './call.ts';
import { MAILBOX_KINDS, type MailboxCounts, type MailboxKind } from './counts.ts';
import type { DecisionDocumentContent, DecisionSection } from './decision-pdf.ts';
import { addressLines, type Dossier } from './dossier-model.ts';

/** What the decision says of the enrolment the dossier rests on. */
export interface EnrolmentReference {
  /** `ENR…`, the enrolment request's number. */
  number: string;
  /** The account paid, as `maskIban` shows it. */
  maskedIban: string;
}

/** Non-breaking spaces: an IBAN is never cut across two lines. */
const unbroken = (text: string) => text.replaceAll(' ', '\u00a0');

const beneficiarySection = (dossier: Dossier, enrolment: EnrolmentReference): DecisionSection => ({
  title: 'Bénéficiaire',
  rows: [
    ['Dénomination sociale', dossier.beneficiary.denominationSociale],
    ['SIRET', dossier.beneficiary.siret],
    ['Adresse', addressLines(dossier.beneficiary.address).join(', ')],
    ['N° unique de référencement (ANS)', dossier.beneficiary.referencingNumber],
    ["Numéro de la demande d'enrôlement", enrolment.number],
    ['Compte de versement (IBAN)', unbroken(enrolment.maskedIban)],
  ],
});

const KIND_LABELS: Record<MailboxKind, string> = {
  applicatives: 'BAL applicatives (rattachées à des applications)',
  organisationnelles: 'BAL organisationnelles',
  personnelles: 'BAL personnelles',
};

/** One row per kind of mailbox, each column of the form (actuelles, estimées…) in its value. */
const countRows = (columns: [heading: string, counts: MailboxCounts][]) =>
  MAILBOX_KINDS.map((kind): [string, string] => [
    KIND_LABELS[kind],
    columns.map(([heading, counts]) => `${heading} : ${counts[kind]}`).join(' — '),
  ]);

const amountRows = (prefix: string, amount: Amount, dossier: Dossier): [string, string][] => [
  [`${prefix} HT`, formatEuros(amount.htCents)],
  [`TVA (${vatRateLabel(dossier.beneficiary.vatRegime)})`, formatEuros(amount.tvaCents)],
  [`${prefix} TTC`, formatEuros(amount.ttcCents)],
];

const paymentSentence = (enrolment: EnrolmentReference) =>
  `Le montant est versé par l'ASP sur le compte bancaire déclaré dans la demande d'enrôlement ${enrolment.number} (${unbroken(`IBAN ${enrolment.maskedIban}`)}).`;

export function advanceDecisionContent(
  dossier: Dossier,
  call: FundingCall,
  enrolment: EnrolmentReference,
): DecisionDocumentContent {
  const advance = dossier.advance;
  return {
    title: "Décision d'attribution d'une avance",
    reference: dossier.number,
    legalBasis: call.legalBasis,
    sections: [
      beneficiarySection(dossier, enrolment),
      {
        title: 'Demande',
        rows: [
          ['Numéro de dossier', dossier.number],
          ['Appel à financement', call.label],
          ['Déposée le', formatDate(advance.depositedAt)],
          ['Décidée le', formatDate(advance.decidedAt)],
          ['Date de clôture', closingDateLabel(advance)],
          ['Taux de TVA applicable', vatRateLabel(dossier.beneficiary.vatRegime)],
        ],
      },
      {
        title: 'Nombre de boîtes aux lettres (BAL) déclarées',
        rows: countRows([
          ['actuelles', advance.current],
          ['estimées à la date de clôture', advance.estimatedAtClosing],
        ]),
      },
      {
        title: "Montant de l'avance",
        amounts: true,
        rows: [
          ...amountRows("Montant de l'avance", advance.decided, dossier),
          ['Financement total estimé (TTC, pour information)', formatEuros(advance.estimatedTotal.ttcCents)],
        ],
      },
    ],
    decision: [
      `Article 1 — Une avance de ${formatEuros(advance.decided.ttcCents)} TTC (${formatEuros(advance.decided.htCents)} HT), égale à la part fixe de l'appel à financement, est attribuée à ${dossier.beneficiary.denominationSociale} (SIRET ${dossier.beneficiary.siret}) au titre du dossier ${dossier.number}.`,
      `Article 2 — ${paymentSentence(enrolment)}`,
      `Article 3 — Le solde est calculé d'après le nombre de BAL atteint à la date de clôture (${closingDateLabel(advance)}), déclaré dans la demande de solde, déduction faite de la présente avance, dans la limite du plafond de ${formatEuros(call.capCents)} HT.`,
    ],
    place: 'Limoges',
    issuedOn: formatDate(advance.decidedAt),
  };
}

export function balanceDecisionContent(
  dossier: Dossier,
  call: FundingCall,
  enrolment: EnrolmentReference,
): DecisionDocumentContent {
  const balance = dossier.balance;
  if (!balance) throw new Error('Dossier has no balance request');
  return {
    title: "Décision d'attribution du solde",
    reference: dossier.number,
    legalBasis: call.legalBasis,
    sections: [
      beneficiarySection(dossier, enrolment),
      {
        title: 'Demande de solde',
        rows: [
          ['Numéro de dossier', dossier.number],
          ['Déposée le', formatDate(balance.depositedAt)],
          ['Décidée le', formatDate(balance.decidedAt)],
          ['Taux de TVA applicable', vatRateLabel(dossier.beneficiary.vatRegime)],
        ],
      },
      {
        title: 'Nombre de boîtes aux lettres (BAL) à la date de clôture',
        rows: countRows([['atteintes à la date de clôture', balance.reachedAtClosing]]),
      },
      {
        title: 'Montants',
        amounts: true,
        rows: [
          ...amountRows('Financement total', balance.total, dossier),
          ['Avance déjà attribuée (TTC)', formatEuros(dossier.advance.decided.ttcCents)],
          ...amountRows('Montant du solde', balance.decided, dossier),
        ],
      },
    ],
    decision: [
      `Article 1 — Un solde de ${formatEuros(balance.decided.ttcCents)} TTC (${formatEuros(balance.decided.htCents)} HT) est attribué à ${dossier.beneficiary.denominationSociale} (SIRET ${dossier.beneficiary.siret}) au titre du dossier ${dossier.number}.`,
      `Article 2 — ${paymentSentence(enrolment)}`,
    ],
    place: 'Limoges',
    issuedOn: formatDate(balance.decidedAt),
  };
}
