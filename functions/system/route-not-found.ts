import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { JSON_SECURITY_HEADERS } from '#shared/http/security-headers.ts';
import { pathPattern, unmatchedRouteProblem } from '#shared/http/unmatched-route.ts';

/**
 * On AWS only: the HTTP API's `$default` route, reached by any request no route of the table
 * matches. It answers the French problem the local gateway gives (404, or 405 when the path
 * exists with other methods) instead of API Gateway's `{"message":"Not Found"}`. The stack passes
 * the table's path templates in ROUTE_PATHS, so this function needs neither the table nor data.
 */
const patterns = (JSON.parse(process.env.ROUTE_PATHS ?? '[]') as string[]).map(
  (template) => pathPattern(template).pattern,
);

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const path = event.rawPath;
  const problem = unmatchedRouteProblem(
    event.requestContext.http.method,
    path,
    patterns.some((pattern) => pattern.test(path)),
  );
  return {
    statusCode: problem.status,
    headers: {
      ...JSON_SECURITY_HEADERS,
      'content-type': 'application/problem+json',
      'x-request-id': event.requestContext.requestId,
    },
    body: JSON.stringify(problem.toBody(event.requestContext.requestId)),
  };
}
