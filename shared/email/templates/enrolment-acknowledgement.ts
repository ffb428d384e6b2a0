import { renderEmail } from '../layout.ts';
import type { RenderedEmail } from '../send.ts';
import { type EnrolmentEmailSubject, enrolmentFacts, SUPPORT_REMINDER } from './enrolment-facts.ts';

/** Étape 6 of the guide: "Mail d'accusé de réception de votre demande". */
export const ACKNOWLEDGEMENT_LABEL = "Accusé de réception de la demande d'enrôlement";

export function acknowledgementEmail(subject: EnrolmentEmailSubject): RenderedEmail {
  return renderEmail({
    subject: `Accusé de réception de votre demande d'enrôlement ${subject.number}`,
    recipient: subject.recipient,
    paragraphs: [
      `Nous avons bien reçu votre demande d'enrôlement n° ${subject.number} au financement Ségur Numérique des opérateurs de messagerie sécurisée de santé (MSS).`,
      "Elle va être instruite par l'Agence de Services et de Paiement (ASP). Vous serez informé par courriel de la décision.",
      SUPPORT_REMINDER,
    ],
    facts: enrolmentFacts(subject),
  });
}
