import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddyfiedHandler } from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from '../logger.ts';
import { honoursIdempotencyKey } from '../routes/access.ts';
import type { GrantInput, RouteDefinition, RouteInput, RouteResult } from '../routes/types.ts';
import { httpResponse } from './middleware/http-response.ts';
import { problemErrors } from './middleware/problems.ts';
import { requestLog } from './middleware/request-log.ts';
import type { HttpEvent, HttpMiddleware, HttpResponse, RouteContext } from './middleware/types.ts';
import { validatedInput } from './middleware/validated-input.ts';

export type { HttpEvent, HttpResponse } from './middleware/types.ts';

export { MAX_BODY_BYTES } from './middleware/validated-input.ts';

/**
 * The one wrapper every HTTP Lambda goes through: a chain of middlewares (README, "Conventions"),
 * outermost first: Lambda context on every log line (cold start, request id, function name), the
 * request's state and log line, the API Gateway response with its security headers, the response
 * contract, errors mapped to problem+json (asProblem), then, before the use case, access
 * (session; a draft route's token present), the path, the route's own access check (`grant`: a
 * draft route's token against its draft), then the body and query (validatedInput) and, for a
 * route that honours it, Idempotency-Key.
 * `run` receives typed, validated input and what `grant` returned.
 *
 * Handlers call it directly for the routes that ignore Idempotency-Key (reads, public routes,
 * `idempotency: false`); the others go through `writeHandler` (shared/http/write-handler.ts),
 * which passes the `idempotency` middleware, so only their bundles carry its code. A route wrapped
 * the wrong way throws here, when its module loads (the local gateway loads every handler).
 */
export function httpHandler<R extends RouteDefinition, G = undefined>(
  route: R,
  run: (input: RouteInput<R>, granted: G) => Promise<RouteResult>,
  grant?: (input: GrantInput<R>) => Promise<G>,
  idempotency?: HttpMiddleware,
) {
  if (route.access === 'draft' && !grant) throw new Error(`Draft route ${route.id} needs its access check`);
  const honours = honoursIdempotencyKey(route);
  if (honours !== Boolean(idempotency))
    throw new Error(
      `Route ${route.id} ${honours ? 'honours' : 'ignores'} Idempotency-Key: wrap its handler with ${honours ? 'writeHandler or draftWriteHandler (shared/http/write-handler.ts)' : 'httpHandler or draftHandler'}`,
    );
  // No early timeout: a request that outlives its function is stopped by Lambda, which resets the
  // environment, so nothing of it resumes later (its idempotency record waits for takeover).
  const chain = middy<HttpEvent, RouteResult | HttpResponse, Error, RouteContext>({ timeoutEarlyInMillis: 0 })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(requestLog(route))
    .use(httpResponse(route))
    .use(problemErrors())
    .use(
      validatedInput(route, grant as ((input: GrantInput<RouteDefinition>) => Promise<unknown>) | undefined),
    )
    .use(idempotency ? [idempotency] : [])
    .handler(async (_event, context) => {
      const state = context.route;
      return state.replayed ?? run(state.input as RouteInput<R>, state.granted as G);
    });
  // Outside, the chain answers what API Gateway expects.
  return chain as unknown as MiddyfiedHandler<HttpEvent, HttpResponse, Error, Context>;
}

/** Shorthands for use cases' results. */
export const ok = (body: unknown, headers?: Record<string, string>): RouteResult => ({
  status: 200,
  body,
  ...(headers ? { headers } : {}),
});
/** 201 Created: `location` is the path of the created resource (`Location` header). */
export const created = (body: unknown, location: string, headers?: Record<string, string>): RouteResult => ({
  status: 201,
  body,
  headers: { ...headers, location },
});
export const noContent = (): RouteResult => ({ status: 204 });
