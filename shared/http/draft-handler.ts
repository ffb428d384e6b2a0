import type { Enrolment } from '../enrolment/model.ts';
import type { RouteDefinition, RouteInput, RouteResult } from '../routes/types.ts';
import { httpHandler } from './handler.ts';

type DraftLoader = (enrolmentId: string, headers: Record<string, string | undefined>) => Promise<Enrolment>;

/**
 * The handler of a draft route: `load` (loadWithDraftToken, or loadEditable for a change) checks
 * the X-Draft-Token against the enrolment before anything else, an Idempotency-Key replay
 * included, and `run` receives the enrolment it loaded.
 */
export const draftHandler = <R extends RouteDefinition>(
  route: R,
  load: DraftLoader,
  run: (input: RouteInput<R>, enrolment: Enrolment) => Promise<RouteResult>,
) => httpHandler(route, run, (input) => load((input.params as { id: string }).id, input.headers));
