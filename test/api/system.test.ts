import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { routeTable } from '../../shared/routes/index.ts';
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
