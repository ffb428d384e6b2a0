import { listMyEnrolments } from '#shared/accounts/home.ts';
import { httpHandler, ok } from '#shared/http/handler.ts';
import { myEnrolmentsRoute } from './route.ts';

export const handler = httpHandler(myEnrolmentsRoute, async ({ auth, query }) =>
  ok(await listMyEnrolments(auth.accountId, query)),
);
