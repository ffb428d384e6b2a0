import { hashDraftToken, newDraftToken } from './draft-token.ts';
import { replaceDraftTokenHash } from './repository.ts';

/**
 * Issues a new draft token for an enrolment sent back to its applicant ("à modifier"): only
 * hashes are stored, so the link in the email must carry a token made at that moment. The new
 * hash replaces the previous one (older links stop working). Returns undefined when the
 * enrolment is no longer awaiting changes.
 */
export async function renewDraftToken(enrolmentId: string, at: string): Promise<string | undefined> {
  const token = newDraftToken();
  return (await replaceDraftTokenHash(enrolmentId, hashDraftToken(token), at)) ? token : undefined;
}
