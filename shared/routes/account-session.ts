import * as z from 'zod/mini';

/** First-login steps still to do: change the temporary password, set the secret question. */
export const pendingStepsSchema = z.array(z.enum(['password', 'secretQuestion']));
export const sessionSchema = z.strictObject({
  token: z.string(),
  expiresAt: z.string(),
  passwordChangeRequired: z.boolean(),
  pendingSteps: pendingStepsSchema,
});
