import middy from '@middy/core';
import type {
  APIGatewayProxyEventV2WithLambdaAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type * as z from 'zod/mini';
import { logger } from '../logger.ts';
import { honoursIdempotencyKey } from '../routes/access.ts';
import { declaredResponses } from '../routes/responses.ts';
import type {
  AuthContext,
  ResponseDefinition,
  RouteDefinition,
  RouteInput,
  RouteResult,
} from '../routes/types.ts';
import { asProblem } from './domain-error-mapping.ts';
import { checkIdempotencyKey, idempotencyScope, runIdempotent } from './idempotency.ts';
import { badRequest, type FieldError, forbidden, ProblemError, unauthorized } from './problem.ts';
import { BASE_SECURITY_HEADERS, JSON_SECURITY_HEADERS } from './security-headers.ts';
import { frenchErrorMap, illFormedStrings, toFieldErrors } from './validation.ts';

export type HttpEvent = APIGatewayProxyEventV2WithLambdaAuthorizer<Partial<AuthContext> | undefined>;
export type HttpResponse = APIGatewayProxyStructuredResultV2;

/** Bodies carry form data only (files go straight to S3), so anything larger is a client error. */
export const MAX_BODY_BYTES = 64 * 1024;

function lowerCaseHeaders(headers: Record<string, string | undefined> | undefined) {
  const result: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers ?? {})) result[name.toLowerCase()] = value;
  return result;
}

function readBody(event: HttpEvent, headers: Record<string, string | undefined>): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) {
    throw new ProblemError(
      413,
      'payload_too_large',
      `Le corps de la requête dépasse ${MAX_BODY_BYTES / 1024} Kio.`,
    );
  }
  const contentType = headers['content-type'] ?? '';
  if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(contentType)) {
    throw new ProblemError(
      415,
      'unsupported_media_type',
      'Le corps de la requête doit être au format JSON (Content-Type: application/json).',
    );
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest('malformed_json', "Le corps de la requête n'est pas un JSON valide.");
  }
}

function invalidInput(errors: FieldError[]): ProblemError {
  const first = errors[0]?.message ?? 'Données invalides.';
  return new ProblemError(
    422,
    'validation_failed',
    errors.length === 1 ? first : `${first} (${errors.length} erreurs au total)`,
    { errors },
  );
}

function parsePart(schema: z.ZodMiniType | undefined, value: unknown, location: string): unknown {
  if (!schema) return undefined;
  const illFormed = illFormedStrings(value, location);
  if (illFormed.length > 0) throw invalidInput(illFormed);
  const result = schema.safeParse(value, { error: frenchErrorMap });
  if (result.success) return result.data;
  throw invalidInput(toFieldErrors(result.error.issues, location));
}

function authorize(route: RouteDefinition, event: HttpEvent): AuthContext | undefined {
  const claims = event.requestContext.authorizer?.lambda;
  const auth =
    claims?.accountId && claims.role
      ? {
          accountId: claims.accountId,
          role: claims.role,
          passwordChangeRequired: String(claims.passwordChangeRequired) === 'true',
          ...(claims.siret ? { siret: claims.siret } : {}),
          ...(claims.lastLoginAt ? { lastLoginAt: claims.lastLoginAt } : {}),
        }
      : undefined;
  if (route.access === 'public' || route.access === 'draft') return auth;
  if (!auth) throw unauthorized();
  if (route.access !== 'account' && auth.role !== route.access) {
    throw forbidden('role_forbidden', "Votre profil ne permet pas d'accéder à cette ressource.");
  }
  if (auth.passwordChangeRequired && !route.allowedBeforePasswordChange) {
    throw forbidden(
      'password_change_required',
      'Vous devez changer votre mot de passe et définir votre question secrète avant de continuer.',
    );
  }
  return auth;
}

function toResponse(result: RouteResult, requestId: string): HttpResponse {
  const body = result.body as Record<string, unknown> | undefined;
  const isProblem = result.status >= 400 && typeof body?.code === 'string' && typeof body.detail === 'string';
  const isJson = result.body !== undefined && !(result.body instanceof Uint8Array);
  // After the security headers: a use case may relax Cache-Control for public data (bank names).
  const headers: Record<string, string> = {
    ...(isJson ? JSON_SECURITY_HEADERS : BASE_SECURITY_HEADERS),
    'x-request-id': requestId,
    ...result.headers,
  };
  if (result.body === undefined) return { statusCode: result.status, headers };
  // Binary bodies (generated PDFs): sent base64-encoded, their Content-Type set by the use case.
  if (result.body instanceof Uint8Array) {
    const body = Buffer.from(result.body).toString('base64');
    return { statusCode: result.status, headers, body, isBase64Encoded: true };
  }
  headers['content-type'] = isProblem ? 'application/problem+json' : 'application/json; charset=utf-8';
  return { statusCode: result.status, headers, body: JSON.stringify(result.body) };
}

const internalError = () =>
  new ProblemError(500, 'internal_error', 'Une erreur inattendue est survenue. Réessayez plus tard.');

function problemResult(thrown: unknown, requestId: string): RouteResult {
  const error = asProblem(thrown);
  if (error instanceof ProblemError) {
    if (error.status >= 500) logger.error('Request failed', { code: error.code });
    return { status: error.status, body: error.toBody(requestId), headers: error.headers };
  }
  // Unexpected: log the error type and stack (no payloads), answer a generic problem.
  logger.error('Unhandled error', { errorName: (error as Error)?.name, stack: (error as Error)?.stack });
  return { status: 500, body: internalError().toBody(requestId) };
}

/**
 * The contract holds on the wire: a status the route does not declare, or a body its (closed)
 * schema refuses — an undeclared member above all — is never sent; the client gets a 500 and the
 * log names the route and the offending paths (never the values).
 */
function conformingResult(
  responses: Record<number, ResponseDefinition>,
  result: RouteResult,
  requestId: string,
): RouteResult {
  const declared = responses[result.status];
  const issues = !declared
    ? [{ path: [], code: 'undeclared_status' }]
    : declared.schema && !(result.body instanceof Uint8Array)
      ? (declared.schema.safeParse(result.body).error?.issues ?? [])
      : [];
  if (issues.length === 0) return result;
  logger.error('Response breaks the contract', {
    status: result.status,
    // Member names only (an unknown key is a field name), never values.
    issues: issues.map(
      (issue) =>
        `${issue.code} at ${issue.path.join('.')}${'keys' in issue ? ` (${issue.keys.join(', ')})` : ''}`,
    ),
  });
  return { status: 500, body: internalError().toBody(requestId) };
}

/**
 * The one wrapper every HTTP Lambda goes through: request id and structured logging, JSON
 * parsing, zod validation of path/query/body, access checks, Idempotency-Key for writes, and
 * errors mapped to problem+json. `run` receives typed, validated input and what `grant` returned:
 * the access check a route needs beyond the session (a draft route's token, see draftHandler),
 * made before anything else, a replay included.
 */
export function httpHandler<R extends RouteDefinition, G = undefined>(
  route: R,
  run: (input: RouteInput<R>, granted: G) => Promise<RouteResult>,
  grant?: (input: RouteInput<R>) => Promise<G>,
) {
  if (route.access === 'draft' && !grant) throw new Error(`Draft route ${route.id} needs its access check`);
  const responses = declaredResponses(route);
  // No early timeout: a request that outlives its function is stopped by Lambda, which resets the
  // environment, so nothing of it resumes later (its idempotency record waits for takeover).
  return middy<HttpEvent, HttpResponse, Error, Context>({ timeoutEarlyInMillis: 0 }).handler(
    async (event, context) => {
      const requestId = event.requestContext?.requestId ?? 'local';
      const started = performance.now();
      logger.appendKeys({ requestId, route: route.id });
      let result: RouteResult;
      try {
        const headers = lowerCaseHeaders(event.headers);
        const auth = authorize(route, event);
        const rawBody = readBody(event, headers);
        const input = {
          params: parsePart(route.request?.params, event.pathParameters ?? {}, 'path'),
          query: parsePart(route.request?.query, event.queryStringParameters ?? {}, 'query'),
          body: parsePart(route.request?.body, rawBody ?? (route.request?.body ? {} : undefined), 'body'),
          headers,
          auth,
          requestId,
          sourceIp: event.requestContext?.http?.sourceIp ?? 'unknown',
        } as RouteInput<R>;
        const granted = (grant ? await grant(input) : undefined) as G;
        const idempotencyKey = headers['idempotency-key'];
        const scope =
          idempotencyKey !== undefined && honoursIdempotencyKey(route)
            ? idempotencyScope(route, auth, headers)
            : undefined;
        if (idempotencyKey !== undefined && scope) {
          const outcome = await runIdempotent(
            {
              scope,
              key: checkIdempotencyKey(idempotencyKey),
              request: `${route.method} ${event.rawPath}\n${event.body ?? ''}`,
              remainingMs: context.getRemainingTimeInMillis(),
            },
            () => run(input, granted),
          );
          result = {
            ...outcome,
            headers: { ...outcome.headers, ...(outcome.replayed ? { 'idempotency-replayed': 'true' } : {}) },
          };
        } else {
          result = await run(input, granted);
        }
      } catch (error) {
        result = problemResult(error, requestId);
      }
      const response = toResponse(conformingResult(responses, result, requestId), requestId);
      logger.info('Request handled', {
        method: route.method,
        status: response.statusCode,
        durationMs: Math.round(performance.now() - started),
      });
      logger.removeKeys(['requestId', 'route']);
      return response;
    },
  );
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
