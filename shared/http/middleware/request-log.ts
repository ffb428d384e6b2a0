import type { Context } from 'aws-lambda';
import { logger } from '../../logger.ts';
import type { RouteDefinition } from '../../routes/types.ts';
import type { HttpMiddleware, HttpResponse, RouteContext } from './types.ts';

/**
 * Middleware: the request's own state (a context of its own, inheriting the invocation's: a
 * caller may reuse one context object for concurrent invocations), the API Gateway request id and
 * route id on every line logged meanwhile (removed by injectLambdaContext's resetKeys), and one
 * "Request handled" line per request (method, status, duration).
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
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(request.event.headers ?? {}))
        headers[name.toLowerCase()] = value;
      const requestId = request.event.requestContext?.requestId ?? 'local';
      const context = Object.create(request.context as Context) as RouteContext;
      context.route = { requestId, startedAt: performance.now(), headers };
      request.context = context;
      logger.appendKeys({ requestId, route: route.id });
    },
    after: handled,
    onError: handled,
  };
}
