/**
 * The funding dossier (one per operator and call): the advance request decided automatically,
 * then the balance request; payments are child items. Pure: types, labels and rules, no I/O.
 */
import type { PostalAddress } from '../enrolment/model.ts';
import type { VatRegime } from '../enrolment/vat.ts';
import type { Amount } from './amounts.ts';
import type { MailboxCounts } from './counts.ts';

export const DOSSIER_STATUSES = ['DECIDEE', 'SOLDE_DECIDE'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  DECIDEE: 'Décidée',
  SOLDE_DECIDE: 'Solde décidé',
};

/** Counter behind FINMSS numbers. */
export const DOSSIER_COUNTER = 'FINMSS';
const NUMBER_PATTERN = /^FINMSS\d{6}$/;

/** 7206 → FINMSS007206 (the guide's shape). */
export function formatDossierNumber(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 999_999)
    throw new RangeError('Dossier sequence out of range');
  return `FINMSS${String(sequence).padStart(6, '0')}`;
}

export const isDossierNumber = (value: string): boolean => NUMBER_PATTERN.test(value);

export const decisionFileName = (dossierNumber: string) => `decision_attribution_${dossierNumber}.pdf`;
export const balanceDecisionFileName = (dossierNumber: string) => `decision_solde_${dossierNumber}.pdf`;

/** S3 prefix of a dossier's documents; IAM grants are scoped to `dossiers/`. */
const DOSSIER_DOCUMENTS_PREFIX = 'dossiers/';
export const dossierDocumentKey = (dossierNumber: string, fileName: string) =>
  `${DOSSIER_DOCUMENTS_PREFIX}${dossierNumber}/${fileName}`;

/** The beneficiary as the enrolment stated it when the request was filed. */
interface Beneficiary {
  siret: string;
  denominationSociale: string;
  address: PostalAddress;
  referencingNumber: string;
  vatRegime: VatRegime;
}

/** Documents the portal issues on a dossier, by kind, with the guide's "Type" column. */
export const DOSSIER_DOCUMENT_KINDS = {
  DECISION_ATTRIBUTION: { fileName: decisionFileName },
  DECISION_SOLDE: { fileName: balanceDecisionFileName },
} as const;
export type DossierDocumentKind = keyof typeof DOSSIER_DOCUMENT_KINDS;

export interface DossierDocument {
  kind: DossierDocumentKind;
  key: string;
  fileName: string;
  contentType: 'application/pdf';
  size: number;
  createdAt: string;
}

interface AdvanceRequest {
  current: MailboxCounts;
  estimatedAtClosing: MailboxCounts;
  /** Total funding HT estimated from the counts estimated at the closing date (information). */
  estimatedTotal: Amount;
  /** Decided advance: the call's fixed part (the "montant fixe éligible"). */
  decided: Amount;
  /** The call's closing date when the advance was decided (YYYY-MM-DD). */
  closingDate: string;
  depositedAt: string;
  decidedAt: string;
}

interface BalanceRequest {
  reachedAtClosing: MailboxCounts;
  /** Formula at the closing date, capped. */
  total: Amount;
  /** total − advance. */
  decided: Amount;
  depositedAt: string;
  decidedAt: string;
  /** Version of the funding call record the balance decision applied. */
  callVersion: number;
}

export interface Dossier {
  number: string;
  callId: string;
  /** Version of the funding call record the advance decision applied. */
  callVersion: number;
  status: DossierStatus;
  version: number;
  accountId: string;
  enrolmentId: string;
  beneficiary: Beneficiary;
  advance: AdvanceRequest;
  balance?: BalanceRequest;
  /** Written by the decision workflow once the PDF is in S3. */
  documents: Partial<Record<DossierDocumentKind, DossierDocument>>;
  createdAt: string;
  updatedAt: string;
}

/** Address lines as the guide prints them: "87 CHEM DE MONS" / "59009 VILLENEUVE D ASCQ". */
export function addressLines(address: PostalAddress): string[] {
  const street = [address.numero, address.extension, address.typeVoie, address.nomVoie]
    .filter((part) => part && part.trim() !== '')
    .join(' ');
  return [
    address.destinataire,
    address.entreeBatiment,
    street,
    address.complement,
    `${address.codePostal} ${address.commune}`,
  ].filter((line): line is string => typeof line === 'string' && line.trim() !== '');
}
