import type { RouteDefinition } from './types.ts';

/** Header carrying the enrolment draft token (a capability: whoever holds it may edit that draft). */
export const DRAFT_TOKEN_HEADER = 'X-Draft-Token';

/**
 * Whether a route replays retries sent with an `Idempotency-Key`: writes of a caller with a
 * credential (session or draft token) to scope the stored outcome to. An anonymous caller has
 * none, so its key would work as a credential: public routes ignore the header.
 */
export const honoursIdempotencyKey = (route: RouteDefinition): boolean =>
  route.method !== 'GET' && route.idempotency !== false && route.access !== 'public';
