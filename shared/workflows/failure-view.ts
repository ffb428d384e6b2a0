import * as z from 'zod/mini';

/** A workflow failure as the instructors' routes show it (the execution's input stays inside). */
export const workflowFailureSchema = z.strictObject({
  workflowId: z.string(),
  executionName: z.string(),
  error: z.string(),
  cause: z.string(),
  at: z.string(),
  occurrence: z.string(),
  retriedAs: z.optional(z.string()),
});
