import {
  type ComposedEmail,
  composeAcknowledgement,
  composeChangesRequested,
  composeRejection,
  composeValidation,
} from '../enrolment/emails.ts';
import { fundingEmailComposers } from '../funding/email-composers.ts';
import { composeIdentifier, IDENTIFIER_EMAIL } from '../instruction/credentials-emails.ts';
import type { Owner } from './owner.ts';

/**
 * The emails the generic `sendEmail` task can send: each type names the kind of owner it is
 * about and composes itself from the stored owner (the workflow input carries no address, no
 * content, no secret). To add one: a template, a label in EMAIL_TYPE_LABELS, a line here.
 */
export interface EmailComposer {
  ownerKind: Owner['kind'];
  /** Undefined: nothing to send for this owner (the email is skipped, not failed). */
  compose: (ownerId: string) => Promise<ComposedEmail | undefined>;
}

export const emailComposers: Record<string, EmailComposer> = {
  enrolmentAcknowledgement: { ownerKind: 'enrolment', compose: composeAcknowledgement },
  enrolmentValidation: { ownerKind: 'enrolment', compose: composeValidation },
  enrolmentChangesRequested: { ownerKind: 'enrolment', compose: composeChangesRequested },
  enrolmentRejection: { ownerKind: 'enrolment', compose: composeRejection },
  [IDENTIFIER_EMAIL]: { ownerKind: 'enrolment', compose: composeIdentifier },
  ...fundingEmailComposers,
};
