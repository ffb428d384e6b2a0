import type { EmailComposer } from '#shared/email/composer.ts';
import {
  composeAcknowledgement,
  composeChangesRequested,
  composeRejection,
  composeValidation,
} from '#shared/enrolment/emails.ts';
import { fundingEmailComposers } from '#shared/funding/email-composers.ts';
import { composeIdentifier, IDENTIFIER_EMAIL } from '#shared/instruction/credentials-emails.ts';

/** The catalogue of the `sendEmail` task: every domain's composers, gathered here at the edge. */
export const emailComposers: Record<string, EmailComposer> = {
  enrolmentAcknowledgement: { ownerKind: 'enrolment', compose: composeAcknowledgement },
  enrolmentValidation: { ownerKind: 'enrolment', compose: composeValidation },
  enrolmentChangesRequested: { ownerKind: 'enrolment', compose: composeChangesRequested },
  enrolmentRejection: { ownerKind: 'enrolment', compose: composeRejection },
  [IDENTIFIER_EMAIL]: { ownerKind: 'enrolment', compose: composeIdentifier },
  ...fundingEmailComposers,
};
