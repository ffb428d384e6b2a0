import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { documentClient, tableName } from '../storage/client.ts';
import { getItem, isConditionFailure, queryAll } from '../storage/store.ts';
import { type Owner, ownerChildren, ownerEmailKey } from '../workflows/owner.ts';

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
export type EmailStatus = keyof typeof EMAIL_STATUS_LABELS;

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
}

/** The public shape of a recorded email, for API responses ("Courriels automatiques envoyés"). */
export const emailRecordSchema = z.object({
  emailId: z.string(),
  emailType: z.string(),
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
});

export const emailIdOf = (emailType: string, occurrence: string) => `${emailType}@${occurrence}`;

export const getEmailRecord = (owner: Owner, emailId: string) =>
  getItem<EmailRecord>(ownerEmailKey(owner, emailId));

/** Every email of an owner, oldest first. */
export async function listEmailRecords(owner: Owner): Promise<EmailRecord[]> {
  const items = await queryAll<EmailRecord & { type?: string }>(ownerChildren(owner, 'email'));
  return items
    .map(({ type: _type, ...record }) => record)
    .sort((a, b) => a.firstAttemptAt.localeCompare(b.firstAttemptAt));
}

interface RecordUpdate {
  set: string;
  condition: string;
  values: Record<string, unknown>;
  names?: Record<string, string>;
}

/** One conditional UpdateItem on the record; false when its condition does not hold. */
async function update(owner: Owner, emailId: string, change: RecordUpdate): Promise<boolean> {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: ownerEmailKey(owner, emailId),
        UpdateExpression: change.set,
        ConditionExpression: change.condition,
        ExpressionAttributeNames: { '#status': 'status', ...change.names },
        ExpressionAttributeValues: { ...change.values, ':sent': 'SENT' },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Counts one more attempt; false when the email is already SENT (nothing to do). */
export const recordAttempt = (
  owner: Owner,
  email: Pick<EmailRecord, 'emailId' | 'emailType' | 'occurrence' | 'recipient' | 'subject'>,
  at: string,
) =>
  update(owner, email.emailId, {
    set:
      'SET #type = :type, emailId = :emailId, emailType = :emailType, occurrence = :occurrence, ' +
      'recipient = :recipient, subject = :subject, #status = :sending, lastAttemptAt = :at, ' +
      'firstAttemptAt = if_not_exists(firstAttemptAt, :at) ADD attempts :one',
    condition: 'attribute_not_exists(#status) OR #status <> :sent',
    names: { '#type': 'type' },
    values: {
      ':type': 'Email',
      ':emailId': email.emailId,
      ':emailType': email.emailType,
      ':occurrence': email.occurrence,
      ':recipient': email.recipient,
      ':subject': email.subject,
      ':sending': 'SENDING',
      ':at': at,
      ':one': 1,
    },
  });

export const recordSent = (owner: Owner, emailId: string, messageId: string, at: string) =>
  update(owner, emailId, {
    set: 'SET #status = :sent, messageId = :messageId, sentAt = :at REMOVE lastError',
    condition: 'attribute_exists(#status)',
    values: { ':messageId': messageId, ':at': at },
  });

export const recordFailed = (owner: Owner, emailId: string, error: string) =>
  update(owner, emailId, {
    set: 'SET #status = :failed, lastError = :error',
    condition: 'attribute_exists(#status) AND #status <> :sent',
    values: { ':failed': 'FAILED', ':error': error },
  });
