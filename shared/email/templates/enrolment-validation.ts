import { formatDate, renderEmail } from '../layout.ts';
import type { RenderedEmail } from '../send.ts';
import { type EnrolmentEmailSubject, enrolmentFacts, SUPPORT_REMINDER } from './enrolment-facts.ts';

/** Étape 7 of the guide: "Mail de validation de la demande d'enrôlement". */
export const VALIDATION_LABEL = "Validation de la demande d'enrôlement";

export function validationEmail(
  subject: EnrolmentEmailSubject & { validatedAt: string; loginUrl: string },
): RenderedEmail {
  return renderEmail({
    subject: `Votre demande d'enrôlement ${subject.number} est validée`,
    recipient: subject.recipient,
    paragraphs: [
      `Votre demande d'enrôlement n° ${subject.number} a été validée par l'Agence de Services et de Paiement (ASP).`,
      "Si vous n'avez pas encore de compte sur le portail, vous allez recevoir, dans deux courriels distincts, votre identifiant puis votre mot de passe temporaire pour vous connecter à votre espace personnel. Vous devrez changer ce mot de passe lors de votre première connexion. Sinon, connectez-vous avec vos identifiants habituels.",
      "Depuis votre espace personnel, vous pourrez ensuite déposer votre demande d'avance.",
      SUPPORT_REMINDER,
    ],
    facts: enrolmentFacts(subject, ['Date de validation', formatDate(subject.validatedAt)]),
    action: { label: 'Se connecter au portail', url: subject.loginUrl },
  });
}
