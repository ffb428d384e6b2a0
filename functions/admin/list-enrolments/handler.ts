import { httpHandler, ok } from '#shared/http/handler.ts';
import { listEnrolmentsByStatus } from '#shared/instruction/queue.ts';
import { listAdminEnrolmentsRoute } from './route.ts';

export const handler = httpHandler(listAdminEnrolmentsRoute, async ({ query }) =>
  ok(
    await listEnrolmentsByStatus({
      status: query.status,
      order: query.order,
      limit: query.limit ?? 20,
      ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
    }),
  ),
);
