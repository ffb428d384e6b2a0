import type { RouteDefinition } from './types.ts';

export { DRAFT_TOKEN_HEADER } from '../enrolment/draft-token.ts';

/**
 * Whether a route replays retries sent with an `Idempotency-Key`: writes of a caller with a
 * credential (session or draft token) to scope the stored outcome to. An anonymous caller has
 * none, so its key would work as a credential: public routes ignore the header.
 */
export const honoursIdempotencyKey = (route: RouteDefinition): boolean =>
  route.method !== 'GET' && route.idempotency !== false && route.access !== 'public';
