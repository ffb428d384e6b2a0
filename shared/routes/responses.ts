import { honoursIdempotencyKey } from './access.ts';
import { problemResponses } from './schemas.ts';
import type { ResponseDefinition, RouteDefinition } from './types.ts';

/**
 * Every response a route can give: its own, plus the problems the handler wrapper raises before
 * or around the use case (shared/http/handler.ts), so the document lists every status the server
 * can send and the wrapper can check each one against its declared schema.
 * - any request: malformed JSON body 400, body over 64 KiB 413, not JSON 415, unexpected 500;
 * - path, query or body validated: 422;
 * - a logged-in account required: 401, 403 (role, first-login steps);
 * - writes honouring Idempotency-Key: invalid key 400, concurrent duplicate 409, reused key 422.
 * A 201 always carries `Location`.
 */
export function declaredResponses(route: RouteDefinition): Record<number, ResponseDefinition> {
  const statuses = [400, 413, 415, 500];
  const request = route.request;
  if (request?.params || request?.query || request?.body) statuses.push(422);
  if (route.access === 'operator' || route.access === 'instructor' || route.access === 'account') {
    statuses.push(401, 403);
  }
  if (honoursIdempotencyKey(route)) statuses.push(409, 422);
  const responses: Record<number, ResponseDefinition> = {
    ...problemResponses(...statuses),
    ...route.responses,
  };
  const created = responses[201];
  if (created) responses[201] = { ...created, headers: { ...created.headers, ...LOCATION } };
  return responses;
}

/** Every 201 names the resource it created (`created()` in shared/http/handler.ts requires it). */
const LOCATION = { Location: { description: 'Chemin de la ressource créée', required: true } };
