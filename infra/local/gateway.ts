import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { RouteSlice } from '#functions/route-table.ts';
import {
  CORS_ALLOWED_HEADERS,
  CORS_ALLOWED_METHODS,
  CORS_EXPOSED_HEADERS,
  CORS_MAX_AGE_SECONDS,
} from '#shared/http/cors.ts';
import { badRequest, ProblemError } from '#shared/http/problem.ts';
import { BASE_SECURITY_HEADERS, JSON_SECURITY_HEADERS } from '#shared/http/security-headers.ts';
import { pathPattern, unmatchedRouteProblem } from '#shared/http/unmatched-route.ts';
import { isProtected, type RouteDefinition } from '#shared/routes/types.ts';
import { authorizerOrigin, withOrigin } from '#shared/storage/call-origin.ts';
import { routeTimeoutSeconds } from '../function-settings.ts';
import { FunctionTimedOut, invokeWithTimeout } from './invocation.ts';
import { closeServer, listen } from './ports.ts';

/**
 * The Swagger UI page (served by this gateway only, so its headers live here): its own scripts and styles, inline styles (set by the
 * UI), `data:` images of its stylesheet, and fetches to this origin (the document, "Try it out").
 */
const DOCS_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...BASE_SECURITY_HEADERS,
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/** API Gateway's own payload limit; the handlers enforce their much smaller one. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
const TEXT_TYPES = /^(application\/([\w.+-]*json|xml|x-www-form-urlencoded)|text\/)/i;

type Handler = (event: unknown, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>;
type AuthorizerResult = { isAuthorized: boolean; context?: Record<string, unknown> };

export interface CompiledRoute<R extends RouteDefinition = RouteDefinition> {
  route: R;
  pattern: RegExp;
  parameterNames: string[];
}

export function compileRoute<R extends RouteDefinition>(route: R): CompiledRoute<R> {
  return { route, ...pathPattern(route.path) };
}

export interface RawRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  sourceIp: string;
}

/** HTTP request → API Gateway HTTP API payload v2.0, as AWS builds it. */
export function toHttpApiEvent(
  request: RawRequest,
  compiled: CompiledRoute,
  match: RegExpExecArray,
): APIGatewayProxyEventV2 {
  const url = new URL(request.url, 'http://localhost');
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (lower === 'cookie') {
      cookies = (Array.isArray(value) ? value.join('; ') : value).split(/;\s*/).filter(Boolean);
      continue;
    }
    headers[lower] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = name in query ? `${query[name]},${value}` : value;
  const pathParameters = Object.fromEntries(
    compiled.parameterNames.map((name, index) => [name, decodeURIComponent(match[index + 1] as string)]),
  );
  const isText = TEXT_TYPES.test(headers['content-type'] ?? 'application/json');
  const now = new Date();
  const routeKey = `${compiled.route.method} ${compiled.route.path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    ...(cookies ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(compiled.parameterNames.length > 0 ? { pathParameters } : {}),
    ...(request.body.length > 0
      ? {
          body: isText ? request.body.toString('utf8') : request.body.toString('base64'),
          isBase64Encoded: !isText,
        }
      : { isBase64Encoded: false }),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: request.method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
  };
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PAYLOAD_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      size > MAX_PAYLOAD_BYTES
        ? reject(new ProblemError(413, 'payload_too_large', 'La requête est trop volumineuse.'))
        : resolve(Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });

function sendProblem(res: ServerResponse, error: ProblemError, headers: Record<string, string>) {
  res
    .writeHead(error.status, {
      ...JSON_SECURITY_HEADERS,
      ...headers,
      ...error.headers,
      'content-type': 'application/problem+json',
    })
    .end(JSON.stringify(error.toBody()));
}

/**
 * The decoded path segments, or a 400 problem when a percent-escape is malformed or decodes to
 * ill-formed UTF-8 (`%`, `%E0%A4%A`, overlong `%C0%AE`): API Gateway answers those with a 400
 * before any route, and so does this gateway (rather than crash the request).
 */
export function decodePath(path: string): string[] {
  try {
    return path.split('/').map(decodeURIComponent);
  } catch {
    throw badRequest('malformed_path', "L'adresse demandée contient un encodage (%) invalide.");
  }
}

/**
 * CORS as the deployed HTTP API answers it: an allowed origin is echoed (`*` only when `*` is
 * configured explicitly), `null` and unlisted origins get no CORS header, and no credentials
 * mode is ever offered (the API uses bearer tokens and headers, never cookies).
 */
export function corsHeadersFor(
  allowedOrigins: readonly string[],
  origin: string | undefined,
): Record<string, string> {
  if (!origin || origin === 'null') return {};
  if (allowedOrigins.includes('*'))
    return {
      'access-control-allow-origin': '*',
      'access-control-expose-headers': CORS_EXPOSED_HEADERS.join(', '),
    };
  if (!allowedOrigins.includes(origin)) return { vary: 'Origin' };
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': CORS_EXPOSED_HEADERS.join(', '),
    vary: 'Origin',
  };
}

/**
 * The local API gateway: routes from the route table, HTTP API v2 events, the Lambda authorizer
 * on protected routes (same code as on AWS), each function's timeout, CORS, and the API docs page.
 */
export async function startGateway(options: {
  port: number;
  routes: readonly RouteSlice[];
  loadHandler: (modulePath: string) => Promise<Handler>;
  authorizerModule: string;
  corsOrigins: string[];
  docsDirectory: string;
  /** Seconds, by route id, instead of the route's own timeout (tests reaching a timeout quickly). */
  functionTimeouts?: Record<string, number>;
  /** Multiplies the route table's timeouts (not `functionTimeouts`); 1 by default. */
  timeoutFactor?: number;
}) {
  const compiled = options.routes.map(compileRoute);

  if (options.corsOrigins.includes('null')) throw new Error('CORS: the origin "null" cannot be allowed.');
  const corsHeaders = (origin: string | undefined) => corsHeadersFor(options.corsOrigins, origin);

  async function serveDocs(path: string, res: ServerResponse) {
    if (path === '/docs' || path === '/docs/') {
      res
        .writeHead(200, { ...DOCS_SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' })
        .end(DOCS_PAGE);
      return;
    }
    if (path === '/docs/init.js') {
      res.writeHead(200, { ...DOCS_SECURITY_HEADERS, 'content-type': 'text/javascript' }).end(DOCS_INIT);
      return;
    }
    const file = path.replace('/docs/', '');
    if (!/^[\w.-]+$/.test(file)) return res.writeHead(404, BASE_SECURITY_HEADERS).end();
    try {
      const content = await readFile(join(options.docsDirectory, file));
      const type = file.endsWith('.css')
        ? 'text/css'
        : file.endsWith('.js')
          ? 'text/javascript'
          : 'application/octet-stream';
      res.writeHead(200, { ...DOCS_SECURITY_HEADERS, 'content-type': type }).end(content);
    } catch {
      res.writeHead(404, BASE_SECURITY_HEADERS).end();
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const cors = corsHeaders(req.headers.origin);
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (method === 'OPTIONS') {
      res
        .writeHead(204, {
          ...BASE_SECURITY_HEADERS,
          ...cors,
          'access-control-allow-methods': CORS_ALLOWED_METHODS.join(', '),
          'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(', '),
          'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
        })
        .end();
      return;
    }
    if (method === 'GET' && path.startsWith('/docs')) return serveDocs(path, res);
    decodePath(path);

    const candidates = compiled
      .map((entry) => ({ entry, match: entry.pattern.exec(path) }))
      .filter((c) => c.match);
    const found = candidates.find((c) => c.entry.route.method === method);
    if (!found?.match) {
      return sendProblem(res, unmatchedRouteProblem(method, path, candidates.length > 0), cors);
    }
    const body = await readBody(req);
    const event = toHttpApiEvent(
      {
        method,
        url: req.url ?? '/',
        headers: req.headers,
        body,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
      },
      found.entry,
      found.match,
    );
    if (isProtected(found.entry.route.access)) {
      const authorizer = (await options.loadHandler(options.authorizerModule)) as unknown as (
        e: unknown,
      ) => Promise<AuthorizerResult>;
      const decision = await withOrigin(authorizerOrigin(found.entry.route.id), () =>
        authorizer({
          ...event,
          type: 'REQUEST',
          routeArn: `arn:aws:execute-api:local:${event.routeKey}`,
          identitySource: [],
        }),
      );
      if (!decision.isAuthorized) {
        res
          .writeHead(403, { ...JSON_SECURITY_HEADERS, ...cors, 'content-type': 'application/json' })
          .end(JSON.stringify({ message: 'Forbidden' }));
        return;
      }
      event.requestContext = {
        ...event.requestContext,
        authorizer: { lambda: decision.context ?? {} },
      } as typeof event.requestContext;
    }
    const { route } = found.entry;
    const handler = await options.loadHandler(route.handler);
    const timeoutSeconds =
      options.functionTimeouts?.[route.id] ?? routeTimeoutSeconds(route) * (options.timeoutFactor ?? 1);
    let result: APIGatewayProxyStructuredResultV2;
    try {
      result = await invokeWithTimeout(timeoutSeconds, (remainingMs) =>
        withOrigin(route.id, () =>
          handler(event, {
            awsRequestId: event.requestContext.requestId,
            functionName: route.id,
            getRemainingTimeInMillis: remainingMs,
          }),
        ),
      );
    } catch (error) {
      if (!(error instanceof FunctionTimedOut)) throw error;
      // What API Gateway answers when the function fails (a timeout included).
      console.error(`[gateway] ${route.id} timed out after ${timeoutSeconds} s`);
      res
        .writeHead(500, { ...cors, 'content-type': 'application/json' })
        .end(JSON.stringify({ message: 'Internal Server Error' }));
      return;
    }
    const headers: Record<string, string | string[]> = { ...cors };
    for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
    if (result.cookies) headers['set-cookie'] = result.cookies;
    const payload =
      result.body === undefined
        ? undefined
        : result.isBase64Encoded
          ? Buffer.from(result.body, 'base64')
          : result.body;
    res.writeHead(result.statusCode ?? 200, headers).end(payload);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const problem =
        error instanceof ProblemError ? error : new ProblemError(502, 'bad_gateway', 'La fonction a échoué.');
      if (!(error instanceof ProblemError))
        console.error('[gateway] handler crashed:', (error as Error).stack);
      if (!res.headersSent) sendProblem(res, problem, corsHeaders(req.headers.origin));
    });
  });
  server.keepAliveTimeout = 5000;
  const port = await listen(server, options.port, 'API', 'PORT');
  return { url: `http://127.0.0.1:${port}`, stop: () => closeServer(server) };
}

const DOCS_PAGE = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>API — Portail Ségur Numérique, opérateurs MSS</title>
<link rel="stylesheet" href="/docs/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body></html>`;

/** A file rather than an inline script, so that the page's CSP allows scripts from 'self' only. */
const DOCS_INIT = "window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#docs' });\n";
