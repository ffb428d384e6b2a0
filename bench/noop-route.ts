import { httpHandler, ok } from '#shared/http/handler.ts';
import { defineRoute } from '#shared/routes/types.ts';

/**
 * Benchmark-only route, served by the bench's own instance of the local gateway (never by the
 * route table: it would serve no user). It goes through the same gateway and handler wrapper as
 * every route and does nothing else, so a route's latency divided by this one's isolates its work.
 */
export const noopRoute = defineRoute({
  id: 'benchNoop',
  method: 'GET',
  path: '/bench/noop',
  handler: 'bench/noop-route.ts',
  access: 'public',
  summary: 'Route vide du banc de mesure',
  tags: [],
  responses: { 200: { description: 'Rien' } },
});

export const handler = httpHandler(noopRoute, async () => ok({ ok: true }));
