import type { RouteResult } from '../../routes/types.ts';
import type { HttpMiddleware } from './types.ts';

/**
 * Middleware: the use case's RouteResult (or the problem standing for its failure) becomes the
 * API Gateway response: JSON or problem+json body, binary bodies (generated PDFs) base64-encoded
 * with the Content-Type the use case set, and the request id in `x-request-id`.
 */
export const httpResponse = (): HttpMiddleware => {
  const serialize: HttpMiddleware['after'] = (request) => {
    const result = request.response as RouteResult | undefined;
    if (!result) return;
    const headers: Record<string, string> = {
      'x-request-id': request.context.route.requestId,
      ...result.headers,
    };
    if (result.body === undefined) {
      request.response = { statusCode: result.status, headers };
    } else if (result.body instanceof Uint8Array) {
      const body = Buffer.from(result.body).toString('base64');
      request.response = { statusCode: result.status, headers, body, isBase64Encoded: true };
    } else {
      const body = result.body as Record<string, unknown>;
      const isProblem =
        result.status >= 400 && typeof body?.code === 'string' && typeof body.detail === 'string';
      headers['content-type'] = isProblem ? 'application/problem+json' : 'application/json; charset=utf-8';
      request.response = { statusCode: result.status, headers, body: JSON.stringify(result.body) };
    }
  };
  return { after: serialize, onError: serialize };
};
