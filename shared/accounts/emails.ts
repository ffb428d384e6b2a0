import { formatDate, renderEmail } from '../email/layout.ts';
import type { RenderedEmail } from '../email/send.ts';

/**
 * The account emails, one typed template each. The identifier and the password always travel
 * in two separate emails (ASP FAQ). Used by the validation workflow (issue 6) for the
 * credentials and by the recovery use cases.
 */
const loginUrl = (portalUrl: string) => `${portalUrl}/connexion`;

/** "Réception des identifiants" 1/2: the identifier, never with the password. */
export function identifierEmail(input: {
  identifier: string;
  denominationSociale?: string;
  enrolmentNumber?: string;
  recipient?: { prenom: string; nom: string };
  portalUrl: string;
}): RenderedEmail {
  return renderEmail({
    subject: 'Votre identifiant de connexion',
    ...(input.recipient ? { recipient: input.recipient } : {}),
    paragraphs: [
      'Votre demande d’enrôlement a été validée. Votre espace personnel sur le portail Ségur Numérique est ouvert.',
      'Votre identifiant de connexion figure ci-dessous. Votre mot de passe provisoire vous est envoyé dans un courriel distinct.',
    ],
    facts: [
      ['Identifiant', input.identifier],
      ...(input.denominationSociale ? [['Opérateur', input.denominationSociale] as [string, string]] : []),
      ...(input.enrolmentNumber ? [['Demande d’enrôlement', input.enrolmentNumber] as [string, string]] : []),
    ],
    action: { label: 'Accéder à mon espace personnel', url: loginUrl(input.portalUrl) },
  });
}

/** "Réception des identifiants" 2/2: the temporary password, to change at first login. */
export function temporaryPasswordEmail(input: {
  password: string;
  expiresAt: string;
  recipient?: { prenom: string; nom: string };
  portalUrl: string;
}): RenderedEmail {
  return renderEmail({
    subject: 'Votre mot de passe provisoire',
    ...(input.recipient ? { recipient: input.recipient } : {}),
    paragraphs: [
      'Voici votre mot de passe provisoire pour vous connecter au portail Ségur Numérique avec l’identifiant reçu dans un courriel distinct.',
      'À la première connexion, vous devrez changer ce mot de passe et définir votre question secrète.',
      `Ce mot de passe provisoire est valable jusqu’au ${formatDate(input.expiresAt)}. Passé ce délai, utilisez « J’ai oublié mon mot de passe ».`,
    ],
    facts: [['Mot de passe provisoire', input.password]],
    action: { label: 'Accéder à mon espace personnel', url: loginUrl(input.portalUrl) },
  });
}

/** "J'ai oublié mon identifiant". */
export function forgottenIdentifierEmail(input: { identifiers: string[]; portalUrl: string }): RenderedEmail {
  return renderEmail({
    subject: 'Votre identifiant de connexion',
    paragraphs: [
      'Vous avez demandé à recevoir votre identifiant de connexion au portail Ségur Numérique.',
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce courriel : votre compte n’a pas été modifié.',
    ],
    facts: input.identifiers.map((identifier) => ['Identifiant', identifier] as [string, string]),
    action: { label: 'Accéder à mon espace personnel', url: loginUrl(input.portalUrl) },
  });
}

/** "J'ai oublié mon mot de passe": a single-use, short-lived link. */
export function passwordResetEmail(input: {
  token: string;
  validityMinutes: number;
  portalUrl: string;
}): RenderedEmail {
  // The token travels in the fragment: browsers never send it to a server (no access logs).
  const url = `${input.portalUrl}/mot-de-passe-oublie#jeton=${input.token}`;
  return renderEmail({
    subject: 'Réinitialisation de votre mot de passe',
    paragraphs: [
      'Vous avez demandé à réinitialiser votre mot de passe du portail Ségur Numérique.',
      `Ce lien est valable ${input.validityMinutes} minutes et ne peut servir qu’une fois. Il vous sera demandé la réponse à votre question secrète et un nouveau mot de passe.`,
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce courriel : votre mot de passe reste inchangé.',
    ],
    action: { label: 'Réinitialiser mon mot de passe', url },
  });
}
