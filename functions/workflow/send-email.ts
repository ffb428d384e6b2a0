import * as z from 'zod/mini';
import { sendRecordedEmail } from '../../shared/email/recorded-send.ts';
import { emailComposers } from '../../shared/workflows/email-composers.ts';
import { TASK_ERRORS, TaskError } from '../../shared/workflows/errors.ts';
import { ownerSchema } from '../../shared/workflows/owner.ts';
import { workflowTask } from '../../shared/workflows/task.ts';

/** Sends one recorded email of a catalogued type, at most once per (owner, type, occurrence). */
export const handler = workflowTask(
  'sendRecordedEmail',
  z.object({ owner: ownerSchema, emailType: z.string(), occurrence: z.string().check(z.minLength(1)) }),
  async ({ owner, emailType, occurrence }) => {
    const composer = emailComposers[emailType];
    if (!composer || composer.ownerKind !== owner.kind)
      throw new TaskError(
        TASK_ERRORS.invalidInput,
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
