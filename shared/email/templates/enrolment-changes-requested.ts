import { formatDate, renderEmail } from '../layout.ts';
import type { RenderedEmail } from '../send.ts';
import { commentParagraphs, type EnrolmentEmailSubject, enrolmentFacts } from './enrolment-facts.ts';

/** "À modifier": the instructor's comment and a personal link to resume the request. */
export const CHANGES_REQUESTED_LABEL = "Demande d'enrôlement à modifier";

export function changesRequestedEmail(
  subject: EnrolmentEmailSubject & { comment: string; requestedAt: string; resumeUrl: string },
): RenderedEmail {
  return renderEmail({
    subject: `Votre demande d'enrôlement ${subject.number} est à modifier`,
    recipient: subject.recipient,
    paragraphs: [
      `L'Agence de Services et de Paiement (ASP) a examiné votre demande d'enrôlement n° ${subject.number} et vous demande de la modifier.`,
      "Commentaire de l'instructeur :",
      ...commentParagraphs(subject.comment),
      `Reprenez votre demande avec le lien ci-dessous, apportez les modifications demandées puis déposez-la de nouveau : elle conservera le numéro ${subject.number}.`,
      'Ce lien est personnel : ne le transmettez pas. Il remplace tout lien de reprise reçu auparavant.',
    ],
    facts: enrolmentFacts(subject, ['Date de la demande de modification', formatDate(subject.requestedAt)]),
    action: { label: 'Reprendre ma demande', url: subject.resumeUrl },
  });
}
