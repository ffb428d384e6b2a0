import { declaredResponses } from '../../routes/responses.ts';
import type { RouteDefinition, RouteResult } from '../../routes/types.ts';
import { BASE_SECURITY_HEADERS, JSON_SECURITY_HEADERS } from '../security-headers.ts';
import { conformingResult } from './response-contract.ts';
import type { HttpMiddleware } from './types.ts';

/** JSON of frozen bodies (module-level constants, such as the OpenAPI document), made once. */
const constantJson = new WeakMap<object, string>();
function toJson(body: object): string {
  if (!Object.isFrozen(body)) return JSON.stringify(body);
  let json = constantJson.get(body);
  if (json === undefined) {
    json = JSON.stringify(body);
    constantJson.set(body, json);
  }
  return json;
}

/**
 * Middleware: the use case's RouteResult (or the problem standing for its failure), held to the
 * route's contract (conformingResult), becomes the API Gateway response, a failure's included: JSON or problem+json body, binary bodies (generated
 * PDFs) base64-encoded with the Content-Type the use case set, the request id in `x-request-id`
 * and the security headers (see security-headers.ts), which the result's own headers override (a
 * use case may relax Cache-Control for public data, such as bank names).
 */
export const httpResponse = (route: RouteDefinition): HttpMiddleware => {
  const responses = declaredResponses(route);
  const serialize: HttpMiddleware['after'] = (request) => {
    const { requestId } = request.context.route;
    const result = conformingResult(responses, request.response as RouteResult, requestId);
    const { body, status: statusCode } = result;
    const isJson = body !== undefined && !(body instanceof Uint8Array);
    const headers: Record<string, string> = {
      ...(isJson ? JSON_SECURITY_HEADERS : BASE_SECURITY_HEADERS),
      'x-request-id': requestId,
      ...result.headers,
    };
    if (body === undefined) {
      request.response = { statusCode, headers };
    } else if (body instanceof Uint8Array) {
      request.response = {
        statusCode,
        headers,
        body: Buffer.from(body).toString('base64'),
        isBase64Encoded: true,
      };
    } else {
      const fields = body as Record<string, unknown>;
      const isProblem =
        statusCode >= 400 && typeof fields?.code === 'string' && typeof fields.detail === 'string';
      headers['content-type'] = isProblem ? 'application/problem+json' : 'application/json; charset=utf-8';
      request.response = { statusCode, headers, body: toJson(fields) };
    }
  };
  return { after: serialize, onError: serialize };
};
