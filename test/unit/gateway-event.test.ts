import { describe, expect, it } from 'vitest';
import { compileRoute, toHttpApiEvent } from '#infra/local/gateway.ts';
import { defineRoute } from '#shared/routes/types.ts';

const route = defineRoute({
  id: 'example',
  method: 'POST',
  path: '/v1/things/{thingId}/parts/{partId}',
  access: 'public',
  summary: 'Exemple',
  tags: [],
  responses: { 200: { description: 'ok' } },
});

function mapped(url: string, headers: Record<string, string | string[]>, body = Buffer.alloc(0)) {
  const compiled = compileRoute(route);
  const match = compiled.pattern.exec(new URL(url, 'http://x').pathname);
  if (!match) throw new Error('no match');
  return toHttpApiEvent({ method: 'POST', url, headers, body, sourceIp: '127.0.0.9' }, compiled, match);
}

describe('local gateway: HTTP request → HTTP API v2 event', () => {
  it('decodes path parameters and keeps the route key', () => {
    const event = mapped('/v1/things/a%20b/parts/42', {});
    expect(event.pathParameters).toEqual({ thingId: 'a b', partId: '42' });
    expect(event.routeKey).toBe('POST /v1/things/{thingId}/parts/{partId}');
    expect(event.rawPath).toBe('/v1/things/a%20b/parts/42');
    expect(event.requestContext.http.sourceIp).toBe('127.0.0.9');
    expect(event.version).toBe('2.0');
  });

  it('joins repeated query parameters with commas, as API Gateway does', () => {
    const event = mapped('/v1/things/1/parts/2?status=A&status=B&limit=5', {});
    expect(event.queryStringParameters).toEqual({ status: 'A,B', limit: '5' });
    expect(event.rawQueryString).toBe('status=A&status=B&limit=5');
  });

  it('lower-cases headers and moves cookies to their own list', () => {
    const event = mapped('/v1/things/1/parts/2', {
      'Content-Type': 'application/json',
      Cookie: 'a=1; b=2',
      'X-Multi': ['x', 'y'],
    });
    expect(event.headers['content-type']).toBe('application/json');
    expect(event.headers['x-multi']).toBe('x,y');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.cookies).toEqual(['a=1', 'b=2']);
  });

  it('passes JSON bodies as text and binary bodies base64-encoded', () => {
    const json = mapped(
      '/v1/things/1/parts/2',
      { 'content-type': 'application/json' },
      Buffer.from('{"a":1}'),
    );
    expect(json.isBase64Encoded).toBe(false);
    expect(json.body).toBe('{"a":1}');
    const binary = Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff]);
    const pdf = mapped('/v1/things/1/parts/2', { 'content-type': 'application/pdf' }, binary);
    expect(pdf.isBase64Encoded).toBe(true);
    expect(Buffer.from(pdf.body as string, 'base64')).toEqual(binary);
  });

  it('does not match other paths', () => {
    expect(compileRoute(route).pattern.test('/v1/things/1/parts')).toBe(false);
    expect(compileRoute(route).pattern.test('/v1/things/1/parts/2/extra')).toBe(false);
  });
});
