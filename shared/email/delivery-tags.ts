import { type Owner, ownerSchema } from '../workflows/owner.ts';

/**
 * SES message tags that tie a sent email to its record, so that the configuration set's events
 * (delivery, bounce, complaint, reject) find it again without a lookup item. Tag values allow only
 * letters, digits, `_` and `-`: the owner id already fits, the email id travels base64url-encoded.
 */
const TAG = { ownerKind: 'owner-kind', ownerId: 'owner-id', emailId: 'email-id' } as const;

export const emailTags = (owner: Owner, emailId: string) => [
  { Name: TAG.ownerKind, Value: owner.kind },
  { Name: TAG.ownerId, Value: owner.id },
  { Name: TAG.emailId, Value: Buffer.from(emailId, 'utf8').toString('base64url') },
];

/** The record an SES event is about, from the tags SES copies into it (`mail.tags`). */
export function recordOfTags(tags: Record<string, string[] | undefined>) {
  const [kind] = tags[TAG.ownerKind] ?? [];
  const [id] = tags[TAG.ownerId] ?? [];
  const [emailId] = tags[TAG.emailId] ?? [];
  const owner = ownerSchema.safeParse({ kind, id });
  if (!owner.success || !emailId) return undefined;
  return { owner: owner.data as Owner, emailId: Buffer.from(emailId, 'base64url').toString('utf8') };
}
