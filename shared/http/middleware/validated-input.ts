import type * as z from 'zod/mini';
import { requireDraftToken } from '../../enrolment/draft-token.ts';
import type { GrantInput, RouteDefinition, RouteInput } from '../../routes/types.ts';
import { badRequest, type FieldError, ProblemError } from '../problem.ts';
import { frenchErrorMap, illFormedStrings, toFieldErrors } from '../validation.ts';
import { authorize } from './access.ts';
import type { HttpEvent, HttpMiddleware } from './types.ts';

/** Bodies carry form data only (files go straight to S3), so anything larger is a client error. */
export const MAX_BODY_BYTES = 64 * 1024;

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

/**
 * Middleware: the request's input, checked in order: the session against the route's access
 * (authorize) and, on a draft route, the presence of its token; the path validated; the access
 * check a route needs beyond the session (`grant`: a draft route's token against the draft named
 * by the path); only then the JSON body parsed, query and body validated by the route's zod
 * schemas (French messages, each error naming its field) as the use case's typed input. So a
 * caller without access learns nothing from the validation, and nothing is done before access
 * is decided, an idempotent replay included.
 */
export const validatedInput = (
  route: RouteDefinition,
  grant: ((input: GrantInput<RouteDefinition>) => Promise<unknown>) | undefined,
): HttpMiddleware => ({
  before: async (request) => {
    const { event } = request;
    const state = request.context.route;
    const auth = authorize(route, event);
    if (route.access === 'draft') requireDraftToken(state.headers);
    const { request: schemas } = route;
    const params = parsePart(schemas?.params, event.pathParameters ?? {}, 'path');
    if (grant) state.granted = await grant({ params, headers: state.headers } as GrantInput<RouteDefinition>);
    const rawBody = readBody(event, state.headers);
    state.input = {
      params,
      query: parsePart(schemas?.query, event.queryStringParameters ?? {}, 'query'),
      body: parsePart(schemas?.body, rawBody ?? (schemas?.body ? {} : undefined), 'body'),
      headers: state.headers,
      auth,
      requestId: state.requestId,
      sourceIp: event.requestContext?.http?.sourceIp ?? 'unknown',
    } as RouteInput<RouteDefinition>;
  },
});
