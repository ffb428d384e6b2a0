import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { UnauthenticatedError } from '../errors.ts';

/** Header carrying the enrolment draft token (a capability: whoever holds it may edit that draft). */
export const DRAFT_TOKEN_HEADER = 'X-Draft-Token';

/**
 * The draft token: a 256-bit random capability handed to the applicant once; only its SHA-256
 * is stored (a high-entropy token needs no slow hash), and it is compared in constant time.
 */
export const newDraftToken = (): string => randomBytes(32).toString('base64url');

export const hashDraftToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function draftTokenMatches(token: string, storedHash: string): boolean {
  const actual = Buffer.from(hashDraftToken(token), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The request's draft token: 401 without one, before anything else is read (README, "Idempotency and access"). */
export function requireDraftToken(headers: Record<string, string | undefined>): string {
  const header = DRAFT_TOKEN_HEADER.toLowerCase();
  const token = headers[header];
  if (token) return token;
  const message = `L'en-tête ${DRAFT_TOKEN_HEADER} est obligatoire.`;
  throw new UnauthenticatedError('draft_token_required', message, {
    errors: [{ path: `headers.${header}`, message }],
  });
}
