/**
 * The email records of an owner (enrolment or dossier): "Courriels automatiques envoyés". Access
 * patterns: ownerEmailKey (one record, by email id), queries.ownerEmails.
 */
import { ownerEmailKey } from '../storage/keys.ts';
import * as queries from '../storage/queries.ts';
import { getItem, queryAll, updateItem } from '../storage/store.ts';
import type { Owner } from '../workflows/owner.ts';
import { DELIVERY_STATUS_RANK, type DeliveryStatus, type EmailRecord } from './record-model.ts';

export const getEmailRecord = (owner: Owner, emailId: string) =>
  getItem<EmailRecord>(ownerEmailKey(owner, emailId));

/** Every email of an owner, oldest first. */
export async function listEmailRecords(owner: Owner): Promise<EmailRecord[]> {
  const items = await queryAll<EmailRecord & { type?: string }>(queries.ownerEmails(owner));
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
  const updated = await updateItem(ownerEmailKey(owner, emailId), {
    update: change.set,
    condition: change.condition,
    names: { '#status': 'status', ...change.names },
    values: { ...change.values, ':sent': 'SENT' },
  });
  return updated !== undefined;
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

/**
 * Records what SES reported for the send this record holds (same message id: an event of an
 * earlier attempt or of another email changes nothing), unless a stronger outcome is recorded.
 */
export const recordDelivery = (
  owner: Owner,
  emailId: string,
  event: { messageId: string; status: DeliveryStatus; at: string; bounceType?: string },
) =>
  update(owner, emailId, {
    set:
      'SET deliveryStatus = :delivery, deliveryStatusAt = :at, deliveryRank = :rank' +
      (event.bounceType ? ', bounceType = :bounceType' : ''),
    condition:
      'messageId = :messageId AND #status = :sent AND (attribute_not_exists(deliveryRank) OR deliveryRank < :rank OR ' +
      '(deliveryRank = :rank AND deliveryStatusAt < :at))',
    values: {
      ':delivery': event.status,
      ':at': event.at,
      ':rank': DELIVERY_STATUS_RANK[event.status],
      ':messageId': event.messageId,
      ...(event.bounceType ? { ':bounceType': event.bounceType } : {}),
    },
  });
