import * as z from 'zod/mini';

/** What the decision and retry routes answer about the workflow they start. */
export const workflowStart = z.strictObject({
  workflowId: z.string(),
  executionName: z.string(),
  started: z.boolean(),
});
