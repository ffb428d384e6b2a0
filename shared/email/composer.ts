import type { ComposedEmail } from '../enrolment/emails.ts';
import type { Owner } from '../workflows/owner.ts';

/**
 * The emails the generic `sendEmail` task can send: each type names the kind of owner it is
 * about and composes itself from the stored owner (the workflow input carries no address, no
 * content, no secret). To add one: a template, a label in EMAIL_TYPE_LABELS, a line in the catalogue
 * (functions/workflow/email-composers.ts).
 */
export interface EmailComposer {
  ownerKind: Owner['kind'];
  /** Undefined: nothing to send for this owner (the email is skipped, not failed). */
  compose: (ownerId: string) => Promise<ComposedEmail | undefined>;
}
