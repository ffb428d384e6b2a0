import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { compileRoute, toHttpApiEvent } from '#infra/local/gateway.ts';
import type { AuthContext, RouteDefinition } from '#shared/routes/types.ts';

/** Builds the HTTP API v2 event the gateway would give `route`'s handler, for direct handler tests. */
export function eventFor(
  route: RouteDefinition,
  request: {
    url?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    auth?: Partial<AuthContext>;
  } = {},
): APIGatewayProxyEventV2 {
  const compiled = compileRoute(route);
  const url = request.url ?? route.path;
  const match = compiled.pattern.exec(new URL(url, 'http://x').pathname);
  if (!match) throw new Error(`${url} does not match ${route.path}`);
  const body =
    typeof request.body === 'string' ? Buffer.from(request.body) : (request.body ?? Buffer.alloc(0));
  const event = toHttpApiEvent(
    { method: route.method, url, headers: request.headers ?? {}, body, sourceIp: '127.0.0.1' },
    compiled,
    match,
  );
  if (request.auth) {
    (event.requestContext as unknown as Record<string, unknown>).authorizer = { lambda: request.auth };
  }
  return event;
}

export const lambdaContext = {
  awsRequestId: 'test',
  functionName: 'test',
  getRemainingTimeInMillis: () => 10_000,
} as never;
