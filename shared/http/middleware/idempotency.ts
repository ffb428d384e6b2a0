import type { RouteDefinition, RouteResult } from '../../routes/types.ts';
import {
  checkIdempotencyKey,
  claimIdempotent,
  completeIdempotent,
  idempotencyScope,
  releaseIdempotent,
} from '../idempotency.ts';
import type { HttpMiddleware } from './types.ts';

/**
 * Middleware of the writes that honour it (honoursIdempotencyKey): a write with an
 * Idempotency-Key runs at most once per caller and key (see claimIdempotent). A retry gets the
 * stored response, marked `idempotency-replayed`, and the use case does not run; the outcome of a
 * first run is stored after it, its failure as the problem it maps to.
 */
export function idempotency(route: RouteDefinition): HttpMiddleware {
  return {
    before: async (request) => {
      const state = request.context.route;
      const key = state.headers['idempotency-key'];
      const scope = key === undefined ? undefined : idempotencyScope(route, state.input?.auth, state.headers);
      if (key === undefined || !scope) return;
      const claim = { scope, key: checkIdempotencyKey(key) };
      const stored = await claimIdempotent(
        claim,
        `${route.method} ${request.event.rawPath}\n${request.event.body ?? ''}`,
        request.context.getRemainingTimeInMillis(),
      );
      if (stored)
        state.replayed = { ...stored, headers: { ...stored.headers, 'idempotency-replayed': 'true' } };
      else state.claimed = claim;
    },
    after: async (request) => {
      const { claimed } = request.context.route;
      if (claimed) await completeIdempotent(claimed, request.response as RouteResult);
    },
    onError: async (request) => {
      const { claimed } = request.context.route;
      if (claimed) await releaseIdempotent(claimed, request.error);
    },
  };
}
