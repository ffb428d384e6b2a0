import * as z from 'zod/mini';
import { sendTemporaryPassword } from '#shared/instruction/credentials-emails.ts';
import { workflowTask } from '#shared/workflows/task.ts';

/** Issues the operator's temporary password and emails it; the password never leaves this task. */
export const handler = workflowTask(
  'sendTemporaryPassword',
  z.object({ enrolmentId: z.string(), occurrence: z.string().check(z.minLength(1)) }),
  ({ enrolmentId, occurrence }) => sendTemporaryPassword(enrolmentId, occurrence),
);
