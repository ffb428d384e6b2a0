import type { MiddlewareObj } from '@middy/core';
import type {
  APIGatewayProxyEventV2WithLambdaAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { AuthContext, RouteDefinition, RouteInput, RouteResult } from '../../routes/types.ts';
import type { IdempotencyRef } from '../idempotency-repository.ts';

export type HttpEvent = APIGatewayProxyEventV2WithLambdaAuthorizer<Partial<AuthContext> | undefined>;
export type HttpResponse = APIGatewayProxyStructuredResultV2;

/** What the middlewares learn about one request, for the next ones and the use case. */
export interface RouteState {
  requestId: string;
  /** performance.now() when the request came in. */
  startedAt: number;
  headers: Record<string, string | undefined>;
  input?: RouteInput<RouteDefinition>;
  granted?: unknown;
  /** The Idempotency-Key this request claimed: its outcome is stored under it. */
  claimed?: IdempotencyRef;
  /** The stored response of an Idempotency-Key retry: the use case does not run again. */
  replayed?: RouteResult;
}

/**
 * The invocation context with the request's state: a context of its own per request (see
 * `requestLog`), since a caller may reuse one context object for concurrent invocations.
 */
export type RouteContext = Context & { route: RouteState };

/**
 * The response travels as the use case's RouteResult through the inner middlewares and becomes
 * the API Gateway response in `httpResponse`.
 */
export type HttpMiddleware = MiddlewareObj<HttpEvent, RouteResult | HttpResponse, Error, RouteContext>;
