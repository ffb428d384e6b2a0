/**
 * The record of each automatic email, stored under its owner (enrolment or dossier): the source
 * of "Courriels automatiques envoyés". One record per (type, occurrence): a retried task finds it
 * and never sends an email twice once it is SENT.
 */
export const EMAIL_STATUS_LABELS = {
  SENDING: 'Envoi en cours',
  SENT: 'Envoyé',
  FAILED: "Échec de l'envoi",
} as const;
type EmailStatus = keyof typeof EMAIL_STATUS_LABELS;

/**
 * What became of a SENT email, from the SES events of the configuration set (`SENT` only means
 * SES accepted it). Kept apart from `status`, which guards against sending twice. Ranked: a later
 * event only replaces a weaker one (a complaint after the delivery, never a delivery after a bounce).
 */
export const DELIVERY_STATUS_LABELS = {
  DELIVERED: 'Distribué',
  BOUNCED: 'Non distribué (adresse en échec)',
  REJECTED: "Refusé par le service d'envoi",
  COMPLAINED: 'Signalé comme indésirable par le destinataire',
} as const;
export type DeliveryStatus = keyof typeof DELIVERY_STATUS_LABELS;
export const DELIVERY_STATUS_RANK: Record<DeliveryStatus, number> = {
  DELIVERED: 1,
  BOUNCED: 2,
  REJECTED: 2,
  COMPLAINED: 3,
};

export interface EmailRecord {
  emailId: string;
  /** Template type, e.g. `enrolmentAcknowledgement`. */
  emailType: string;
  /** What makes this email unique for its type, e.g. the workflow execution that sends it. */
  occurrence: string;
  recipient: string;
  subject: string;
  status: EmailStatus;
  /** SES calls made for this email. */
  attempts: number;
  firstAttemptAt: string;
  lastAttemptAt: string;
  sentAt?: string;
  messageId?: string;
  /** Last failure, as a French message carrying only codes. */
  lastError?: string;
  deliveryStatus?: DeliveryStatus;
  deliveryStatusAt?: string;
  deliveryRank?: number;
  /** SES bounce type (`Permanent`, `Transient`, `Undetermined`) of a BOUNCED email. */
  bounceType?: string;
}

export const emailIdOf = (emailType: string, occurrence: string) => `${emailType}@${occurrence}`;
