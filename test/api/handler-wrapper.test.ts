import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import type { httpHandler as HttpHandler } from '#shared/http/handler.ts';
import { ProblemError } from '#shared/http/problem.ts';
import type { writeHandler as WriteHandler } from '#shared/http/write-handler.ts';
import { problemResponse, problemSchema } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';
import { eventFor, lambdaContext } from '../support/events.ts';
import { useLocalCloud } from '../support/harness.ts';

useLocalCloud();

const writeRoute = defineRoute({
  id: 'testWrite',
  method: 'POST',
  path: '/v1/test/{itemId}',
  handler: 'test',
  access: 'public',
  summary: 'Test',
  tags: [],
  request: {
    params: z.strictObject({ itemId: z.string().check(z.regex(/^\d+$/)) }),
    body: z.strictObject({
      siret: z
        .string()
        .check(z.regex(/^\d{14}$/, { error: 'Le numéro de SIRET doit comporter 14 chiffres.' })),
      count: z.optional(z.int().check(z.nonnegative())),
    }),
  },
  responses: {
    201: { description: 'créé', schema: z.strictObject({ call: z.number() }) },
    409: problemResponse(problemSchema({ existing: z.optional(z.string()) })),
  },
});

const operatorRoute = defineRoute({ ...writeRoute, id: 'testOperator', access: 'operator', request: {} });
/** Idempotency-Key is honoured for a caller with a credential (here a session's account). */
const accountRoute = defineRoute({ ...writeRoute, id: 'testAccount', access: 'account' });
const session = (accountId: string) => ({
  accountId,
  role: 'operator' as const,
  passwordChangeRequired: false,
});

// The wrapper reads the table name at import: load it once the local cloud is up.
let httpHandler: typeof HttpHandler;
let writeHandler: typeof WriteHandler;
beforeAll(async () => {
  ({ httpHandler } = await import('#shared/http/handler.ts'));
  ({ writeHandler } = await import('#shared/http/write-handler.ts'));
});

const json = (body: unknown) => ({
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

async function call(
  route: typeof writeRoute | typeof operatorRoute | typeof accountRoute,
  run: Parameters<typeof WriteHandler>[1],
  request: Parameters<typeof eventFor>[1],
  context: unknown = lambdaContext,
) {
  // The public route ignores Idempotency-Key; the session routes honour it (writeHandler).
  const handler = route === writeRoute ? httpHandler(route, run) : writeHandler(route, run);
  const response = await handler(eventFor(route, request) as never, context as never);
  return { ...response, problem: response.body ? JSON.parse(response.body) : undefined };
}

const succeed = async () => ({ status: 201, body: { call: 1 } });

describe('handler wrapper: bad input is a clear 4xx problem, never a 500', () => {
  it('accepts a valid request and sets the request id', async () => {
    const run = vi.fn(succeed);
    const response = await call(writeRoute, run, {
      url: '/v1/test/12',
      ...json({ siret: '12345678901234' }),
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers?.['x-request-id']).toBeTruthy();
    expect(run).toHaveBeenCalledWith(
      expect.objectContaining({ params: { itemId: '12' }, body: { siret: '12345678901234' } }),
      undefined, // nothing granted beyond the session on a route without its own access check
    );
  });

  it('malformed JSON → 400 malformed_json', async () => {
    const response = await call(writeRoute, succeed, {
      url: '/v1/test/1',
      body: '{"siret":',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(response.problem.code).toBe('malformed_json');
    expect(response.problem.detail).toMatch(/JSON valide/);
  });

  it('wrong content type → 415', async () => {
    const response = await call(writeRoute, succeed, {
      url: '/v1/test/1',
      body: 'siret=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(415);
    expect(response.problem.code).toBe('unsupported_media_type');
  });

  it('unknown fields → 422 naming each field', async () => {
    const response = await call(writeRoute, succeed, {
      url: '/v1/test/1',
      ...json({ siret: '12345678901234', admin: true }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.problem.errors).toEqual([
      { path: 'body.admin', message: 'Le champ « admin » est inconnu.' },
    ]);
  });

  it('invalid and missing fields → 422 with the schema French message and the path', async () => {
    const response = await call(writeRoute, succeed, {
      url: '/v1/test/1',
      ...json({ siret: '123', count: -1 }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.problem.code).toBe('validation_failed');
    expect(response.problem.errors).toContainEqual({
      path: 'body.siret',
      message: 'Le numéro de SIRET doit comporter 14 chiffres.',
    });
    expect(response.problem.errors).toContainEqual(expect.objectContaining({ path: 'body.count' }));
    const missing = await call(writeRoute, succeed, { url: '/v1/test/1', ...json({}) });
    expect(missing.problem.errors).toContainEqual({
      path: 'body.siret',
      message: 'Le champ « siret » est obligatoire.',
    });
    const noBody = await call(writeRoute, succeed, { url: '/v1/test/1' });
    expect(noBody.statusCode).toBe(422);
  });

  it('ill-formed Unicode anywhere in the input (values, nested, keys, query) → 422 naming each field', async () => {
    const loneSurrogate = (text: string) => text.replaceAll('#', '\\ud800');
    const response = await call(writeRoute, succeed, {
      url: '/v1/test/1',
      body: loneSurrogate('{"siret":"1234567890123#","count":1}'),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.problem.code).toBe('validation_failed');
    expect(response.problem.errors).toEqual([
      {
        path: 'body.siret',
        message: 'Le champ « siret » contient des caractères invalides (Unicode mal formé).',
      },
    ]);
    const nestedRoute = defineRoute({
      ...writeRoute,
      id: 'testNested',
      request: { body: z.object({ list: z.array(z.object({ name: z.string() })) }) },
    });
    const nested = await httpHandler(nestedRoute, succeed)(
      eventFor(nestedRoute, {
        url: '/v1/test/1',
        body: loneSurrogate('{"list":[{"name":"ok"},{"name":"a#b"}],"k#":"v"}'),
        headers: { 'content-type': 'application/json' },
      }) as never,
      lambdaContext,
    );
    expect(JSON.parse(nested.body ?? '{}').errors.map((error: { path: string }) => error.path)).toEqual([
      'body.list.1.name',
      'body.k\ufffd',
    ]);
    const queryRoute = defineRoute({
      ...writeRoute,
      id: 'testQuery',
      method: 'GET',
      request: { query: z.object({ q: z.string() }) },
    });
    const illFormedQuery = await httpHandler(queryRoute, succeed)(
      { ...eventFor(queryRoute, { url: '/v1/test/1' }), queryStringParameters: { q: 'x\udc00' } } as never,
      lambdaContext,
    );
    expect(illFormedQuery.statusCode).toBe(422);
    expect(JSON.parse(illFormedQuery.body ?? '{}').errors[0].path).toBe('query.q');
  });

  it('invalid path parameter → 422 on path', async () => {
    const response = await call(writeRoute, succeed, {
      url: '/v1/test/abc',
      ...json({ siret: '12345678901234' }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.problem.errors[0].path).toBe('path.itemId');
  });

  it('oversized body → 413', async () => {
    const response = await call(writeRoute, succeed, {
      url: '/v1/test/1',
      ...json({ siret: 'x'.repeat(70_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.problem.code).toBe('payload_too_large');
  });

  it('base64-encoded bodies are decoded', async () => {
    const event = eventFor(writeRoute, {
      url: '/v1/test/1',
      headers: { 'content-type': 'application/json' },
    });
    Object.assign(event, {
      body: Buffer.from('{"siret":"12345678901234"}').toString('base64'),
      isBase64Encoded: true,
    });
    const response = await httpHandler(writeRoute, succeed)(event as never, lambdaContext);
    expect(response.statusCode).toBe(201);
  });

  it('a ProblemError from the use case keeps its status, code and extensions', async () => {
    const response = await call(
      writeRoute,
      async () => {
        throw new ProblemError(409, 'already_exists', 'Déjà là.', { extensions: { existing: 'X1' } });
      },
      { url: '/v1/test/1', ...json({ siret: '12345678901234' }) },
    );
    expect(response.statusCode).toBe(409);
    expect(response.problem).toMatchObject({
      code: 'already_exists',
      detail: 'Déjà là.',
      existing: 'X1',
      status: 409,
    });
  });

  it('an unexpected error → 500 internal_error without stack or message leak', async () => {
    const response = await call(
      writeRoute,
      async () => {
        throw new Error('secret internal detail');
      },
      { url: '/v1/test/1', ...json({ siret: '12345678901234' }) },
    );
    expect(response.statusCode).toBe(500);
    expect(response.problem.code).toBe('internal_error');
    expect(response.body).not.toContain('secret internal detail');
  });
});

describe('handler wrapper: access', () => {
  it('protected route without authorizer context → 401', async () => {
    const response = await call(operatorRoute, succeed, { url: '/v1/test/1' });
    expect(response.statusCode).toBe(401);
    expect(response.problem.code).toBe('unauthorized');
  });

  it('wrong role → 403 role_forbidden', async () => {
    const response = await call(operatorRoute, succeed, {
      url: '/v1/test/1',
      auth: { accountId: 'a1', role: 'instructor', passwordChangeRequired: false },
    });
    expect(response.statusCode).toBe(403);
    expect(response.problem.code).toBe('role_forbidden');
  });

  it('temporary password → 403 password_change_required', async () => {
    const response = await call(operatorRoute, succeed, {
      url: '/v1/test/1',
      auth: { accountId: 'a1', role: 'operator', passwordChangeRequired: true },
    });
    expect(response.statusCode).toBe(403);
    expect(response.problem.code).toBe('password_change_required');
  });

  it('right role → the use case receives the account', async () => {
    const run = vi.fn(succeed);
    const response = await call(operatorRoute, run, {
      url: '/v1/test/1',
      auth: { accountId: 'a1', role: 'operator', passwordChangeRequired: false },
    });
    expect(response.statusCode).toBe(201);
    expect(run).toHaveBeenCalledWith(
      expect.objectContaining({ auth: { accountId: 'a1', role: 'operator', passwordChangeRequired: false } }),
      undefined,
    );
  });
});

describe('handler wrapper: Idempotency-Key', () => {
  it('replays the stored response for the same key and request, running the use case once', async () => {
    let calls = 0;
    const run = async () => ({ status: 201, body: { call: ++calls } });
    const request = {
      url: '/v1/test/7',
      body: '{"siret":"12345678901234"}',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'key-0001-abcdef' },
      auth: session('a1'),
    };
    const first = await call(accountRoute, run, request);
    const second = await call(accountRoute, run, request);
    expect(first.problem).toEqual({ call: 1 });
    expect(second.problem).toEqual({ call: 1 });
    expect(second.headers?.['idempotency-replayed']).toBe('true');
    expect(calls).toBe(1);
  });

  it('refuses the same key with another request', async () => {
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'key-0002-abcdef' };
    await call(accountRoute, succeed, {
      url: '/v1/test/8',
      body: '{"siret":"12345678901234"}',
      headers,
      auth: session('a1'),
    });
    const response = await call(accountRoute, succeed, {
      url: '/v1/test/8',
      body: '{"siret":"99999999999999"}',
      headers,
      auth: session('a1'),
    });
    expect(response.statusCode).toBe(422);
    expect(response.problem.code).toBe('idempotency_key_reused');
  });

  it('replays business problems too, but releases the key after a server error', async () => {
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'key-0003-abcdef' };
    const request = { url: '/v1/test/9', body: '{"siret":"12345678901234"}', headers, auth: session('a1') };
    const failing = await call(
      accountRoute,
      async () => {
        throw new Error('boom');
      },
      request,
    );
    expect(failing.statusCode).toBe(500);
    const retried = await call(accountRoute, succeed, request);
    expect(retried.statusCode).toBe(201);
  });

  it('scopes the record to the caller: another account with the same key and request is not replayed', async () => {
    let calls = 0;
    const run = async () => ({ status: 201, body: { call: ++calls } });
    const request = (accountId: string) => ({
      url: '/v1/test/10',
      body: '{"siret":"12345678901234"}',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'key-0004-abcdef' },
      auth: session(accountId),
    });
    await call(accountRoute, run, request('a1'));
    const other = await call(accountRoute, run, request('a2'));
    expect(other.problem).toEqual({ call: 2 });
    expect(other.headers?.['idempotency-replayed']).toBeUndefined();
  });

  it('the same key on another path is another request (422), not a replay', async () => {
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'key-0005-abcdef' };
    const body = '{"siret":"12345678901234"}';
    await call(accountRoute, succeed, { url: '/v1/test/11', body, headers, auth: session('a1') });
    const response = await call(accountRoute, succeed, {
      url: '/v1/test/12',
      body,
      headers,
      auth: session('a1'),
    });
    expect(response.statusCode).toBe(422);
    expect(response.problem.code).toBe('idempotency_key_reused');
  });

  it('ignores the key on a public route: an anonymous caller has no credential to scope it to', async () => {
    let calls = 0;
    const run = async () => ({ status: 201, body: { call: ++calls } });
    const request = {
      url: '/v1/test/13',
      body: '{"siret":"12345678901234"}',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'key-0006-abcdef' },
    };
    await call(writeRoute, run, request);
    const second = await call(writeRoute, run, request);
    expect(second.problem).toEqual({ call: 2 });
    expect(second.headers?.['idempotency-replayed']).toBeUndefined();
  });

  it('a record left IN_PROGRESS by a stopped invocation is taken over once its deadline has passed', async () => {
    const request = {
      url: '/v1/test/14',
      body: '{"siret":"12345678901234"}',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'key-0007-abcdef' },
      auth: session('a1'),
    };
    // An invocation that never ends (as if Lambda had stopped it), its deadline already reached.
    void call(accountRoute, () => new Promise(() => undefined), request, {
      awsRequestId: 'stopped',
      functionName: 'test',
      getRemainingTimeInMillis: () => 0,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const during = await call(accountRoute, succeed, request);
    expect(during.statusCode).toBe(409);
    expect(during.problem.code).toBe('idempotency_in_progress');
    expect(Number(during.headers?.['Retry-After'])).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const after = await call(accountRoute, succeed, request);
    expect(after.statusCode).toBe(201);
    expect(after.problem).toEqual({ call: 1 });
  });

  it('a draft route cannot be wrapped without its access check', () => {
    expect(() => httpHandler({ ...writeRoute, id: 'testDraft', access: 'draft' }, succeed)).toThrow(
      /access check/,
    );
  });

  it('refuses a malformed key', async () => {
    const response = await call(accountRoute, succeed, {
      url: '/v1/test/1',
      body: '{"siret":"12345678901234"}',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'short' },
      auth: session('a1'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.problem.code).toBe('invalid_idempotency_key');
  });
});
