import * as z from 'zod/mini';
import { provisionAccountFor } from '#shared/instruction/operator-account.ts';
import { workflowTask } from '#shared/workflows/task.ts';

/** Creates (or finds) the operator account of a validated enrolment. */
export const handler = workflowTask(
  'provisionOperatorAccount',
  z.object({ enrolmentId: z.string() }),
  ({ enrolmentId }) => provisionAccountFor(enrolmentId),
);
