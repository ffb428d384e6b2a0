import { formatDate } from '../layout.ts';

/** What every enrolment email states about the request it concerns. */
export interface EnrolmentEmailSubject {
  /** Request number, e.g. ENR0011M0. */
  number: string;
  submittedAt: string;
  referencingNumber?: string;
  denominationSociale?: string;
  siret?: string;
  recipient: { prenom: string; nom: string };
}

/** The request's identity as a list of facts; `extra` facts (e.g. a decision date) come last. */
export function enrolmentFacts(
  subject: EnrolmentEmailSubject,
  ...extra: [label: string, value: string][]
): [string, string][] {
  const facts: [string, string][] = [['Numéro de la demande', subject.number]];
  if (subject.referencingNumber) facts.push(['N° unique de référencement (ANS)', subject.referencingNumber]);
  if (subject.denominationSociale) facts.push(['Dénomination sociale', subject.denominationSociale]);
  if (subject.siret) facts.push(['SIRET', subject.siret]);
  facts.push(['Date de dépôt', formatDate(subject.submittedAt)], ...extra);
  return facts;
}

/** Paragraphs of a free comment typed by an instructor: one per non-empty line. */
export const commentParagraphs = (comment: string) =>
  comment
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

export const SUPPORT_REMINDER =
  "Merci de conserver le numéro de votre demande et de le communiquer en cas d'échange avec notre plateforme de support.";
