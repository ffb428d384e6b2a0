import * as z from 'zod/mini';

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
