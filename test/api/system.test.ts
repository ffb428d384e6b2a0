import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { routeTable } from '#functions/route-table.ts';
import { localFrontEndOrigins } from '#infra/local/cloud.ts';
import { corsHeadersFor } from '#infra/local/gateway.ts';
import { useLocalCloud } from '../support/harness.ts';

// Cheap password hashing (local stage only): the test operator logs in for real.
const local = useLocalCloud({ environment: { PASSWORD_HASH_LOG_N: '10' } });

describe('system routes through the local gateway', () => {
  it('answers the public health check from the table alone', async () => {
    const response = await local.api.get('/v1/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ok',
      services: { dynamodb: { status: 'ok', latencyMs: expect.any(Number) } },
    });
    expect(response.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
  });

  it('probes every backing service for instructors only', async () => {
    const anonymous = await local.api.get('/v1/admin/health');
    expect(anonymous.status).toBe(401);
    const { instructor, operatorWith } = await import('../support/operators.ts');
    const operator = await operatorWith(local);
    expect((await local.api.get('/v1/admin/health', operator.headers)).status).toBe(403);
    const response = await local.api.get('/v1/admin/health', (await instructor(local)).headers);
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
    expect(Object.keys(response.body.services).sort()).toEqual(['dynamodb', 's3', 'ses', 'stepfunctions']);
    for (const service of Object.values(response.body.services))
      expect(service).toMatchObject({ status: 'ok' });
  });

  it('serves a valid OpenAPI 3.1 document that documents every route', async () => {
    const response = await local.api.get('/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body;
    expect(document.openapi).toBe('3.1.0');
    await SwaggerParser.validate(structuredClone(document));
    for (const route of routeTable) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation.operationId).toBe(route.id);
    }
  });

  it('serves the human-readable docs page and its assets', async () => {
    const page = await local.api.get('/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('swagger-ui-bundle.js');
    const script = await local.api.get('/docs/swagger-ui-bundle.js');
    expect(script.status).toBe(200);
  });

  it('answers unknown paths and methods with problems', async () => {
    const missing = await local.api.get('/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(missing.body.code).toBe('route_not_found');
    const wrongMethod = await local.api.delete('/v1/health');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.code).toBe('method_not_allowed');
  });

  it('answers CORS preflights', async () => {
    const response = await local.api.request('OPTIONS', '/v1/health', {
      headers: { origin: 'http://localhost:5173' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });
});

describe('CORS: the local front end only, never credentials', () => {
  const corsOf = async (origin: string, method = 'GET') => {
    const response = await local.api.request(method, '/v1/health', { headers: { origin } });
    return {
      allowOrigin: response.headers.get('access-control-allow-origin'),
      allowCredentials: response.headers.get('access-control-allow-credentials'),
    };
  };

  it('allows the local portal origin, by name and by address, without credentials mode', async () => {
    for (const origin of localFrontEndOrigins())
      for (const method of ['GET', 'OPTIONS'])
        expect(await corsOf(origin, method), `${method} ${origin}`).toEqual({
          allowOrigin: origin,
          allowCredentials: null,
        });
    expect(localFrontEndOrigins()).toEqual(['http://localhost:5173', 'http://127.0.0.1:5173']);
  });

  it('never reflects an unlisted origin or "null"', async () => {
    for (const origin of [
      'https://evil.example',
      'null',
      'http://localhost:5174',
      'http://localhost:5173.evil.example',
    ])
      for (const method of ['GET', 'OPTIONS'])
        expect(await corsOf(origin, method), `${method} ${origin}`).toEqual({
          allowOrigin: null,
          allowCredentials: null,
        });
  });

  it('answers "*" (never the echoed origin, never credentials) only when "*" is configured', () => {
    expect(corsHeadersFor(['*'], 'https://any.example')).toMatchObject({
      'access-control-allow-origin': '*',
    });
    expect(corsHeadersFor(['*'], 'null')).toEqual({});
    expect(JSON.stringify(corsHeadersFor(['*'], 'https://any.example'))).not.toContain('credentials');
  });
});

describe('security headers on every response', () => {
  const expectApiHeaders = (headers: Headers, what: string) => {
    expect(headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(headers.get('referrer-policy'), what).toBe('no-referrer');
    expect(headers.get('x-frame-options'), what).toBe('DENY');
    expect(headers.get('strict-transport-security'), what).toBe('max-age=31536000; includeSubDomains');
  };
  const expectJsonHeaders = (headers: Headers, what: string) => {
    expectApiHeaders(headers, what);
    expect(headers.get('cache-control'), what).toBe('no-store');
    expect(headers.get('content-security-policy'), what).toMatch(
      /^default-src 'none'; frame-ancestors 'none'/,
    );
  };

  it("JSON answers, problems and the gateway's own answers carry nosniff, no-store and a CSP that allows nothing", async () => {
    const responses = {
      health: await local.api.get('/v1/health'),
      openapi: await local.api.get('/openapi.json'),
      'draft creation': await local.api.post('/v1/enrolments', { referencingNumber: 'zbuMSS0046' }),
      validation: await local.api.post('/v1/enrolments', { referencingNumber: 42 }),
      unauthorised: await local.api.get('/v1/me'),
      'unknown route': await local.api.get('/v1/nothing-here'),
      'malformed path': await local.api.get('/v1/referencings/%'),
    };
    for (const [what, response] of Object.entries(responses)) expectJsonHeaders(response.headers, what);
    const draft = responses['draft creation'].body;
    expectJsonHeaders(
      (await local.api.get(`/v1/enrolments/${draft.enrolment.id}`, { 'x-draft-token': draft.draftToken }))
        .headers,
      'draft read',
    );
    const preflight = await local.api.request('OPTIONS', '/v1/health', {
      headers: { origin: 'http://localhost:5173' },
    });
    expectApiHeaders(preflight.headers, 'preflight');
    const pdf = await local.api.get('/v1/model-documents/mandat');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expectApiHeaders(pdf.headers, 'model document');
  });

  it('the docs page runs no inline script and gets a CSP for Swagger UI', async () => {
    const page = await local.api.get('/docs');
    expectApiHeaders(page.headers, 'docs');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.body).not.toMatch(/<script>/);
    for (const src of [...(page.body as string).matchAll(/src="([^"]+)"/g)].map((m) => m[1] as string)) {
      const script = await local.api.get(src);
      expect(script.status, src).toBe(200);
      expectApiHeaders(script.headers, src);
    }
    expect((await local.api.get('/docs/init.js')).body).toContain("url: '/openapi.json'");
  });

  it('the AWS $default route function sends the same headers', async () => {
    const { handler } = await import('#functions/system/route-not-found.ts');
    const response = await handler({
      rawPath: '/v1/nothing',
      requestContext: { http: { method: 'GET' }, requestId: 'r' },
    } as never);
    expectJsonHeaders(new Headers(response.headers as Record<string, string>), '$default');
  });
});

describe('malformed percent-encoding in a path', () => {
  it('is a 400 problem, as API Gateway answers, not a crash', async () => {
    for (const path of [
      '/v1/referencings/%',
      '/v1/enrolments/%E0%A4%A',
      '/v1/enrolments/%C0%AE%C0%AE',
      '/v1/referencings/%ED%A0%80',
      '/v1/nothing/%zz',
    ]) {
      const response = await local.api.get(path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-type'), path).toBe('application/problem+json');
      expect(response.body.code, path).toBe('malformed_path');
    }
    // A well-formed escape still reaches its route, decoded.
    expect((await local.api.get('/v1/referencings/zbuMSS%30046')).status).toBe(200);
  });
});
