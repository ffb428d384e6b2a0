import * as z from 'zod/mini';
import { childPrefixes, keys } from '../storage/keys.ts';
import { TABLE_DEFINITION } from '../storage/table.ts';

/**
 * The aggregate a workflow acts for and on which it records its outcome (emails sent, failures):
 * an enrolment (by id) or a funding dossier (by number).
 */
export const ownerSchema = z.strictObject({
  kind: z.enum(['enrolment', 'dossier']),
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
});
export type Owner = z.infer<typeof ownerSchema>;

const KEYS = {
  enrolment: {
    partition: keys.enrolmentPartition,
    email: keys.enrolmentEmail,
    workflowFailure: keys.enrolmentWorkflowFailure,
  },
  dossier: {
    partition: keys.dossierPartition,
    email: keys.dossierEmail,
    workflowFailure: keys.dossierWorkflowFailure,
  },
} as const;

export const ownerEmailKey = (owner: Owner, emailId: string) => KEYS[owner.kind].email(owner.id, emailId);

export const ownerWorkflowFailureKey = (owner: Owner, executionName: string) =>
  KEYS[owner.kind].workflowFailure(owner.id, executionName);

/** Query coordinates of one kind of child item (emails, failures) under the owner's partition. */
export const ownerChildren = (owner: Owner, child: keyof typeof childPrefixes) => ({
  partition: { name: TABLE_DEFINITION.partitionKey, value: KEYS[owner.kind].partition(owner.id) },
  sortPrefix: { name: TABLE_DEFINITION.sortKey, value: childPrefixes[child] },
});
