import * as z from 'zod/mini';

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

/** The public shape of a recorded email, for API responses ("Courriels automatiques envoyés"). */
export const emailRecordSchema = z.strictObject({
  emailId: z.string(),
  emailType: z.string(),
  occurrence: z.string(),
  label: z.string(),
  recipient: z.string(),
  subject: z.string(),
  status: z.enum(['SENDING', 'SENT', 'FAILED']),
  statusLabel: z.string(),
  attempts: z.int(),
  firstAttemptAt: z.string(),
  lastAttemptAt: z.string(),
  sentAt: z.optional(z.string()),
  messageId: z.optional(z.string()),
  lastError: z.optional(z.string()),
  deliveryStatus: z.optional(z.enum(['DELIVERED', 'BOUNCED', 'REJECTED', 'COMPLAINED'])),
  deliveryStatusLabel: z.optional(z.string()),
  deliveryStatusAt: z.optional(z.string()),
  bounceType: z.optional(z.string()),
});

export const emailIdOf = (emailType: string, occurrence: string) => `${emailType}@${occurrence}`;
