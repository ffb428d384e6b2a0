import type { Context } from 'aws-lambda';
import type { HttpMiddleware, RouteContext } from './types.ts';

/** Gives the request its own context (inheriting the invocation's) holding its state. */
export const withRouteState = (): HttpMiddleware => ({
  before: (request) => {
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(request.event.headers ?? {}))
      headers[name.toLowerCase()] = value;
    const context = Object.create(request.context as Context) as RouteContext;
    context.route = {
      requestId: request.event.requestContext?.requestId ?? 'local',
      startedAt: performance.now(),
      headers,
    };
    request.context = context;
  },
});
