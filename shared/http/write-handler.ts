import type { Enrolment } from '../enrolment/model.ts';
import type { RouteDefinition, RouteInput, RouteResult } from '../routes/types.ts';
import { type DraftLoader, draftGrant } from './draft-handler.ts';
import { httpHandler } from './handler.ts';
import { idempotency } from './middleware/idempotency.ts';

/**
 * The handlers of the writes that honour Idempotency-Key (honoursIdempotencyKey): httpHandler
 * with the `idempotency` middleware, after the access checks. The idempotency code is bundled
 * only by the functions that import this module; httpHandler refuses a route wrapped the wrong way.
 */
export const writeHandler = <R extends RouteDefinition>(
  route: R,
  run: (input: RouteInput<R>) => Promise<RouteResult>,
) => httpHandler(route, run, undefined, idempotency(route));

/** A draft write: the draft token is checked (see draftGrant) before any replay. */
export const draftWriteHandler = <R extends RouteDefinition>(
  route: R,
  load: DraftLoader,
  run: (input: RouteInput<R>, enrolment: Enrolment) => Promise<RouteResult>,
) => httpHandler(route, run, draftGrant<R>(load), idempotency(route));
