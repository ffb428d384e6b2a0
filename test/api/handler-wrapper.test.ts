import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import type { httpHandler as HttpHandler } from '../../shared/http/handler.ts';
import { ProblemError } from '../../shared/http/problem.ts';
import { problemResponse, problemSchema } from '../../shared/routes/schemas.ts';
import { defineRoute } from '../../shared/routes/types.ts';
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

// The wrapper reads the table name at import: load it once the local cloud is up.
let httpHandler: typeof HttpHandler;
beforeAll(async () => {
  ({ httpHandler } = await import('../../shared/http/handler.ts'));
});

const json = (body: unknown) => ({
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

async function call(
  route: typeof writeRoute | typeof operatorRoute,
  run: Parameters<typeof HttpHandler>[1],
  request: Parameters<typeof eventFor>[1],
) {
  const response = await httpHandler(route, run)(eventFor(route, request) as never, lambdaContext);
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
    };
    const first = await call(writeRoute, run, request);
    const second = await call(writeRoute, run, request);
    expect(first.problem).toEqual({ call: 1 });
    expect(second.problem).toEqual({ call: 1 });
    expect(second.headers?.['idempotency-replayed']).toBe('true');
    expect(calls).toBe(1);
  });

  it('refuses the same key with another request', async () => {
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'key-0002-abcdef' };
    await call(writeRoute, succeed, { url: '/v1/test/8', body: '{"siret":"12345678901234"}', headers });
    const response = await call(writeRoute, succeed, {
      url: '/v1/test/8',
      body: '{"siret":"99999999999999"}',
      headers,
    });
    expect(response.statusCode).toBe(422);
    expect(response.problem.code).toBe('idempotency_key_reused');
  });

  it('replays business problems too, but releases the key after a server error', async () => {
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'key-0003-abcdef' };
    const request = { url: '/v1/test/9', body: '{"siret":"12345678901234"}', headers };
    const failing = await call(
      writeRoute,
      async () => {
        throw new Error('boom');
      },
      request,
    );
    expect(failing.statusCode).toBe(500);
    const retried = await call(writeRoute, succeed, request);
    expect(retried.statusCode).toBe(201);
  });

  it('refuses a malformed key', async () => {
    const response = await call(writeRoute, succeed, {
      url: '/v1/test/1',
      body: '{"siret":"12345678901234"}',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'short' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.problem.code).toBe('invalid_idempotency_key');
  });
});
