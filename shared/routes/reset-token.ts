import * as z from 'zod/mini';

/** The token of a password reset link (GET /v1/password-resets/{token}/question and the reset). */
export const resetToken = z
  .string({ error: 'Le lien de réinitialisation est incomplet.' })
  .check(z.regex(/^[A-Za-z0-9_-]{20,128}$/, { error: 'Le lien de réinitialisation est invalide.' }));
