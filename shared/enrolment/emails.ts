import { nowIso } from '../clock.ts';
import { portalUrl } from '../email/portal.ts';
import type { RenderedEmail } from '../email/send.ts';
import { acknowledgementEmail } from '../email/templates/enrolment-acknowledgement.ts';
import { changesRequestedEmail } from '../email/templates/enrolment-changes-requested.ts';
import type { EnrolmentEmailSubject } from '../email/templates/enrolment-facts.ts';
import { rejectionEmail } from '../email/templates/enrolment-rejection.ts';
import { validationEmail } from '../email/templates/enrolment-validation.ts';
import { InvalidDataError, NotFoundError } from '../errors.ts';
import { contactOf, type Enrolment, type EnrolmentDecision } from './model.ts';
import { getEnrolment } from './repository.ts';
import { renewDraftToken } from './resume-token.ts';
import type { EnrolmentStatus } from './status.ts';

/**
 * The enrolment's automatic emails, composed from the stored enrolment when they are sent:
 * the workflow input carries only the enrolment id, never an address or a secret.
 */
export interface ComposedEmail {
  to: string;
  rendered: RenderedEmail;
}

/** The enrolment is not in the state the email reports (a task input no retry can fix). */
const invalid = (message: string) => new InvalidDataError('enrolment_state_invalid', message);

export async function loadEnrolment(enrolmentId: string): Promise<Enrolment> {
  const enrolment = await getEnrolment(enrolmentId);
  if (!enrolment)
    throw new NotFoundError('enrolment_not_found', `Demande d'enrôlement introuvable (${enrolmentId}).`);
  return enrolment;
}

function emailSubject(enrolment: Enrolment): { to: string; subject: EnrolmentEmailSubject } {
  const contact = contactOf(enrolment);
  if (!contact || !enrolment.number || !enrolment.submittedAt)
    throw invalid(`La demande ${enrolment.id} n'a pas été déposée : aucun courriel ne peut être envoyé.`);
  return {
    to: contact.email,
    subject: {
      number: enrolment.number,
      submittedAt: enrolment.submittedAt,
      ...(enrolment.referencing ? { referencingNumber: enrolment.referencing.number } : {}),
      ...(enrolment.applicant
        ? { denominationSociale: enrolment.applicant.denominationSociale, siret: enrolment.applicant.siret }
        : {}),
      recipient: { prenom: contact.prenom, nom: contact.nom },
    },
  };
}

/** The decision an email reports; the enrolment must still carry it (a later decision wins). */
function decisionOf(enrolment: Enrolment, action: EnrolmentDecision['action'], status: EnrolmentStatus) {
  const decision = enrolment.lastDecision;
  if (enrolment.status !== status || decision?.action !== action)
    throw invalid(`La demande ${enrolment.id} n'est plus au statut ${status}.`);
  return decision;
}

export async function composeAcknowledgement(enrolmentId: string): Promise<ComposedEmail> {
  const { to, subject } = emailSubject(await loadEnrolment(enrolmentId));
  return { to, rendered: acknowledgementEmail(subject) };
}

export async function composeValidation(enrolmentId: string): Promise<ComposedEmail> {
  const enrolment = await loadEnrolment(enrolmentId);
  const decision = decisionOf(enrolment, 'validate', 'VALIDEE');
  const { to, subject } = emailSubject(enrolment);
  return {
    to,
    rendered: validationEmail({
      ...subject,
      validatedAt: decision.at,
      loginUrl: `${portalUrl}/connexion`,
    }),
  };
}

/** Issues the resume token at this moment: it exists only in this email. */
export async function composeChangesRequested(enrolmentId: string): Promise<ComposedEmail> {
  const enrolment = await loadEnrolment(enrolmentId);
  const decision = decisionOf(enrolment, 'requestChanges', 'A_MODIFIER');
  const { to, subject } = emailSubject(enrolment);
  const token = await renewDraftToken(enrolmentId, nowIso());
  if (!token) throw invalid(`La demande ${enrolmentId} n'est plus au statut A_MODIFIER.`);
  // The fragment (#) never reaches a server log; the front end reads it and sends X-Draft-Token.
  const resumeUrl = `${portalUrl}/enrolement/reprise#demande=${enrolmentId}&jeton=${token}`;
  return {
    to,
    rendered: changesRequestedEmail({
      ...subject,
      comment: decision.comment ?? '',
      requestedAt: decision.at,
      resumeUrl,
    }),
  };
}

export async function composeRejection(enrolmentId: string): Promise<ComposedEmail> {
  const enrolment = await loadEnrolment(enrolmentId);
  const decision = decisionOf(enrolment, 'reject', 'REJETEE');
  const { to, subject } = emailSubject(enrolment);
  return {
    to,
    rendered: rejectionEmail({ ...subject, reason: decision.comment ?? '', rejectedAt: decision.at }),
  };
}
