import { estimateFunding } from '#shared/funding/advance-form.ts';
import { httpHandler, ok } from '#shared/http/handler.ts';
import { estimateFundingRoute } from './route.ts';

export const handler = httpHandler(estimateFundingRoute, async ({ auth, query }) =>
  ok(await estimateFunding(auth, query)),
);
