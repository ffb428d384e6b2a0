import { logger } from '../../logger.ts';
import type { RouteDefinition } from '../../routes/types.ts';
import type { HttpMiddleware, HttpResponse } from './types.ts';

/**
 * One "Request handled" line per request (method, status, duration), and the API Gateway request
 * id and route id on every line logged meanwhile (removed by injectLambdaContext's resetKeys).
 */
export function requestLog(route: RouteDefinition): HttpMiddleware {
  const handled: HttpMiddleware['after'] = (request) => {
    logger.info('Request handled', {
      method: route.method,
      status: (request.response as HttpResponse | undefined)?.statusCode,
      durationMs: Math.round(performance.now() - request.context.route.startedAt),
    });
  };
  return {
    before: (request) => {
      logger.appendKeys({ requestId: request.context.route.requestId, route: route.id });
    },
    after: handled,
    onError: handled,
  };
}
