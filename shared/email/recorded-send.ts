import { sesClientSingleAttempt } from '../aws/ses.ts';
import { nowIso } from '../clock.ts';
import { logger } from '../logger.ts';
import { fromSesError } from '../workflows/errors.ts';
import type { Owner } from '../workflows/owner.ts';
import { emailTags } from './delivery-tags.ts';
import { emailIdOf } from './record-model.ts';
import { getEmailRecord, recordAttempt, recordFailed, recordSent } from './record-repository.ts';
import { type RenderedEmail, sendEmail } from './send.ts';

/**
 * Sends an automatic email at most once and records it on its owner.
 *
 * Contract (also for the funding dossiers' decision email):
 * - `owner`: `{ kind: 'enrolment', id: enrolmentId }` or `{ kind: 'dossier', id: dossierNumber }`;
 *   the record lands at keys.enrolmentEmail / keys.dossierEmail and is listed by
 *   `listEmailRecords(owner)` (see `toEmailView` for the API shape).
 * - `emailType` + `occurrence` identify the email: once SENT for that pair, later calls return
 *   `ALREADY_SENT` without calling `compose` or SES. Use a deterministic occurrence (a workflow
 *   execution name, a dossier number).
 * - `compose` is called only when a send will be attempted; it may issue what the email carries
 *   (a draft token, a temporary password), so the secret exists only in the email.
 * - Delivery is at least once: SES takes no idempotency key, so a task that dies between SES's
 *   answer and the SENT record (record left SENDING) sends again on retry. Rare, and visible.
 * - SES gets one attempt per call (no SDK retries): a failure records the email FAILED and throws
 *   a TaskError named `Email.Deferred` (retry later) or `Email.Rejected` (permanent). Call it from
 *   a workflow task, whose Retry handles the backoff, or start the generic `sendEmail` workflow.
 */
export interface RecordedEmailRequest {
  owner: Owner;
  emailType: string;
  occurrence: string;
  /** Resolves to undefined when, all things considered, there is nothing to send (`SKIPPED`). */
  compose: () => Promise<{ to: string; rendered: RenderedEmail } | undefined>;
}

export interface RecordedEmailOutcome {
  emailId: string;
  status: 'SENT' | 'ALREADY_SENT' | 'SKIPPED';
  messageId?: string;
}

export async function isEmailSent(owner: Owner, emailType: string, occurrence: string): Promise<boolean> {
  return (await getEmailRecord(owner, emailIdOf(emailType, occurrence)))?.status === 'SENT';
}

export async function sendRecordedEmail(request: RecordedEmailRequest): Promise<RecordedEmailOutcome> {
  const { owner, emailType, occurrence } = request;
  const emailId = emailIdOf(emailType, occurrence);
  const existing = await getEmailRecord(owner, emailId);
  if (existing?.status === 'SENT') return alreadySent(emailId, existing.messageId);

  const composed = await request.compose();
  if (!composed) return { emailId, status: 'SKIPPED' };
  const { to, rendered } = composed;
  const attempting = await recordAttempt(
    owner,
    { emailId, emailType, occurrence, recipient: to, subject: rendered.subject },
    nowIso(),
  );
  if (!attempting) return alreadySent(emailId, (await getEmailRecord(owner, emailId))?.messageId);

  let messageId: string;
  try {
    messageId = await sendEmail(to, rendered, sesClientSingleAttempt, emailTags(owner, emailId));
  } catch (error) {
    const failure = fromSesError(error);
    await recordFailed(owner, emailId, failure.message);
    throw failure;
  }
  await recordSent(owner, emailId, messageId, nowIso());
  logger.info('Email sent', { ownerKind: owner.kind, emailType });
  return { emailId, status: 'SENT', messageId };
}

function alreadySent(emailId: string, messageId: string | undefined): RecordedEmailOutcome {
  return { emailId, status: 'ALREADY_SENT', ...(messageId ? { messageId } : {}) };
}
