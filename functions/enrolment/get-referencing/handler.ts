import { findMssReferencing, toReferencingStep } from '#shared/enrolment/referencing.ts';
import { httpHandler, ok } from '#shared/http/handler.ts';
import { getReferencingRoute } from './route.ts';

export const handler = httpHandler(getReferencingRoute, async ({ params }) =>
  ok(toReferencingStep(await findMssReferencing(params.number, 'path.number'))),
);
