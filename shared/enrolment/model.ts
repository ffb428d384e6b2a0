import type { ScanVerdict } from '../malware-scan/verdict.ts';
import type { EnrolmentStatus } from './status.ts';
import type { VatRegime } from './vat.ts';

/**
 * The enrolment aggregate as stored (one item, optimistic locking on `version`). Every module
 * that reads an enrolment (instruction, emails, accounts, funding) uses these types.
 */

/** The justificatifs of the guide, by form field. */
export const DOCUMENT_FIELDS = {
  certificatReferencement: 'Certificat de référencement',
  contratOperateur: 'Contrat opérateur V2',
  kbis: 'Kbis',
  bonDeCommande: 'Bon de commande',
  pieceIdentiteRepresentant: 'CNI, passeport ou titre de séjour du représentant',
  pieceIdentiteDepositaire: 'CNI, passeport ou titre de séjour du dépositaire',
  contratPrestation: 'Contrat de prestation',
  mandatRepresentantLegal: 'Mandat du représentant légal',
  rib: 'RIB',
  attestationNonAssujettissement: 'Attestation de non-assujettissement à la TVA',
} as const;
export type DocumentField = keyof typeof DOCUMENT_FIELDS;

export interface StoredDocument {
  field: DocumentField;
  /** S3 key of the upload (its presigned form's), under the enrolment's prefix. */
  key: string;
  /** Where the checked bytes live (see upload-lifecycle.ts); set once VERIFIED. Only these are read. */
  checkedKey?: string;
  fileName: string;
  contentType: 'application/pdf' | 'image/png' | 'image/jpeg';
  size?: number;
  status: 'PENDING' | 'VERIFIED' | 'REJECTED';
  rejectionReason?: string;
  uploadedAt?: string;
  /** The malware scan's verdict on the upload, recorded when GuardDuty reports it. */
  scan?: RecordedScan;
}

/**
 * A scan verdict as recorded on its document. With a clean one, the scan result's function also
 * checks the content of those same bytes (file-rules): `acceptedSize` is their size when they
 * passed, absent when they did not (the document is then REJECTED with why).
 */
export type RecordedScan = ScanVerdict & { acceptedSize?: number };

/** A document whose bytes passed the check: its checked copy is the only one ever read. */
export type CheckedDocument = StoredDocument & { status: 'VERIFIED'; checkedKey: string };

export const isChecked = (document: StoredDocument | undefined): document is CheckedDocument =>
  document?.status === 'VERIFIED' && document.checkedKey !== undefined;

export interface ReferencingStep {
  /** N° unique de référencement (ANS), e.g. zbuMSS0046. */
  number: string;
  /** DSR concerné (couloir / type logiciel / vague), filled by the server. */
  dsr: { couloir: string; label: string; typeLogiciel: string; vague: string };
  solutionName: string;
  developerSiret: string;
  developerName: string;
}

export interface Person {
  nom: string;
  prenom: string;
  email: string;
  telephone: string;
}

export interface PostalAddress {
  destinataire?: string;
  entreeBatiment?: string;
  numero?: string;
  extension?: string;
  typeVoie: string;
  nomVoie: string;
  complement?: string;
  codePostal: string;
  commune: string;
}

/** "Qualité de tiers déclarant". */
export type TiersDeclarantCapacity = 'CENTRE_DE_GESTION' | 'EMPLOYE';

export interface ApplicantStep {
  siret: string;
  denominationSociale: string;
  /** The dénomination as the company directory returned it; a change requires a Kbis. */
  registeredDenomination: string;
  nomCommercial: string;
  address: PostalAddress;
  /** SIRET differs from the referenced solution's developer operator: bon de commande required. */
  isBuyerOperator: boolean;
  /** "Je suis le représentant légal du fournisseur". */
  isLegalRepresentative: boolean;
  representative: Person;
  /** Tiers déclarant only: the person filing the request. */
  depositaire?: Person;
  tiersDeclarantCapacity?: TiersDeclarantCapacity;
}

interface BankStep {
  /** Normalised, without spaces. */
  iban: string;
  bic: string;
  titulaire: string;
  domiciliation: string;
}

interface VatStep {
  regime: VatRegime;
}

export interface EnrolmentDecision {
  action: 'validate' | 'requestChanges' | 'reject';
  comment?: string;
  instructorId: string;
  at: string;
  /** Version the decision was taken on: the same request again (double click) is a replay. */
  fromVersion?: number;
}

export interface Enrolment {
  id: string;
  /** Request number (ENR0011M0), allocated at first submission and kept on re-submission. */
  number?: string;
  status: EnrolmentStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  /** Drafts expire (epoch seconds); removed once submitted. */
  expiresAt?: number;
  draftTokenHash: string;
  referencing?: ReferencingStep;
  applicant?: ApplicantStep;
  bank?: BankStep;
  vat?: VatStep;
  documents: Partial<Record<DocumentField, StoredDocument>>;
  /** Result of the step 2 "Rechercher" (SIRET + captcha); the applicant step is saved against it. */
  lookedUpCompany?: LookedUpCompany;
  declarations?: SubmissionDeclarations;
  /** The (referencing number, SIRET) pair whose uniqueness guard this request holds since its submission. */
  activePair?: { referencingNumber: string; siret: string };
  lastDecision?: EnrolmentDecision;
  /** Operator account created on validation. */
  accountId?: string;
}

/** Who receives the enrolment's emails: the dépositaire when a tiers déclarant files, else the representative. */
export function contactOf(enrolment: Pick<Enrolment, 'applicant'>): Person | undefined {
  const applicant = enrolment.applicant;
  if (!applicant) return undefined;
  return applicant.isLegalRepresentative
    ? applicant.representative
    : (applicant.depositaire ?? applicant.representative);
}

/** The company directory's answer for the SIRET searched (with captcha) on step 2. */
export interface LookedUpCompany {
  siret: string;
  denominationSociale: string;
  address: PostalAddress;
}

/** The three mandatory checkboxes of step 5, as accepted at submission. */
interface SubmissionDeclarations {
  cgu: true;
  article4417: true;
  sincerity: true;
  acceptedAt: string;
}

/** A referenced solution as imported from the ANS list (see scripts/import-referencings.ts). */
export interface ReferencingRecord {
  number: string;
  solutionName: string;
  couloir: string;
  dsrLabel: string;
  typeLogiciel: string;
  vague: string;
  developerSiret: string;
  developerName: string;
}
