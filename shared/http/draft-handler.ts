import type { Enrolment } from '../enrolment/model.ts';
import type { GrantInput, RouteDefinition, RouteInput, RouteResult } from '../routes/types.ts';
import { httpHandler } from './handler.ts';

export type DraftLoader = (
  enrolmentId: string,
  headers: Record<string, string | undefined>,
) => Promise<Enrolment>;

/**
 * A draft route's access check: `load` (loadWithDraftToken, or loadEditable for a change) checks
 * the X-Draft-Token against the enrolment before anything else, an Idempotency-Key replay
 * included, and hands the enrolment it loaded to the use case.
 */
export const draftGrant =
  <R extends RouteDefinition>(load: DraftLoader) =>
  (input: GrantInput<R>) =>
    load((input.params as { id: string }).id, input.headers);

/**
 * The handler of a draft route that ignores Idempotency-Key (a read); the draft writes use
 * `draftWriteHandler` (shared/http/write-handler.ts). `run` receives the enrolment `load` loaded.
 */
export const draftHandler = <R extends RouteDefinition>(
  route: R,
  load: DraftLoader,
  run: (input: RouteInput<R>, enrolment: Enrolment) => Promise<RouteResult>,
) => httpHandler(route, run, draftGrant<R>(load));
