import * as z from 'zod/mini';
import { sendRecordedEmail } from '#shared/email/recorded-send.ts';
import { InvalidDataError } from '#shared/errors.ts';
import { ownerSchema } from '#shared/workflows/owner.ts';
import { workflowTask } from '#shared/workflows/task.ts';
import { emailComposers } from './email-composers.ts';

/** Sends one recorded email of a catalogued type, at most once per (owner, type, occurrence). */
export const handler = workflowTask(
  'sendRecordedEmail',
  z.object({ owner: ownerSchema, emailType: z.string(), occurrence: z.string().check(z.minLength(1)) }),
  async ({ owner, emailType, occurrence }) => {
    const composer = emailComposers[emailType];
    if (!composer || composer.ownerKind !== owner.kind)
      throw new InvalidDataError(
        'email_type_unknown',
        `Type de courriel inconnu pour ce dossier : ${emailType}.`,
      );
    const outcome = await sendRecordedEmail({
      owner,
      emailType,
      occurrence,
      compose: () => composer.compose(owner.id),
    });
    return { emailId: outcome.emailId, status: outcome.status };
  },
);
