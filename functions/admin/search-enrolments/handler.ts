import { httpHandler, ok } from '#shared/http/handler.ts';
import { listEnrolmentsBySiret } from '#shared/instruction/queue.ts';
import { searchAdminEnrolmentsRoute } from './route.ts';

export const handler = httpHandler(searchAdminEnrolmentsRoute, async ({ params, query }) =>
  ok(
    await listEnrolmentsBySiret({
      siret: params.siret,
      limit: query.limit ?? 20,
      ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
    }),
  ),
);
