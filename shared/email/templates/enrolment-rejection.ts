import { formatDate, renderEmail } from '../layout.ts';
import type { RenderedEmail } from '../send.ts';
import {
  commentParagraphs,
  type EnrolmentEmailSubject,
  enrolmentFacts,
  SUPPORT_REMINDER,
} from './enrolment-facts.ts';

/** Rejection, with the instructor's reason. */
export const REJECTION_LABEL = "Rejet de la demande d'enrôlement";

export function rejectionEmail(
  subject: EnrolmentEmailSubject & { reason: string; rejectedAt: string },
): RenderedEmail {
  return renderEmail({
    subject: `Votre demande d'enrôlement ${subject.number} est rejetée`,
    recipient: subject.recipient,
    paragraphs: [
      `L'Agence de Services et de Paiement (ASP) a rejeté votre demande d'enrôlement n° ${subject.number}.`,
      'Motif du rejet :',
      ...commentParagraphs(subject.reason),
      SUPPORT_REMINDER,
    ],
    facts: enrolmentFacts(subject, ['Date du rejet', formatDate(subject.rejectedAt)]),
  });
}
