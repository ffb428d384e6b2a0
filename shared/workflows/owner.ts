import * as z from 'zod/mini';

/**
 * The aggregate a workflow acts for and on which it records its outcome (emails sent, failures):
 * an enrolment (by id) or a funding dossier (by number). Its child items' keys are the storage
 * layer's (ownerEmailKey, ownerWorkflowFailureKey in storage/keys.ts).
 */
export const ownerSchema = z.strictObject({
  kind: z.enum(['enrolment', 'dossier']),
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
});
export type Owner = z.infer<typeof ownerSchema>;
