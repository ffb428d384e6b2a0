import { beforeAll, describe, expect, it } from 'vitest';
import { pathPattern } from '#shared/http/unmatched-route.ts';

/** The `$default` route's function on AWS answers what the local gateway answers for unknown routes. */
let handler: typeof import('#functions/system/route-not-found.ts').handler;

beforeAll(async () => {
  process.env.ROUTE_PATHS = JSON.stringify(['/v1/health', '/v1/enrolments/{id}']);
  ({ handler } = await import('#functions/system/route-not-found.ts'));
});

const event = (method: string, rawPath: string) =>
  ({ rawPath, requestContext: { http: { method }, requestId: 'req-1' } }) as never;

describe('$default route', () => {
  it('answers 404 route_not_found in French for an unknown path', async () => {
    const response = await handler(event('GET', '/v1/nowhere'));
    expect(response.statusCode).toBe(404);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(response.body as string)).toMatchObject({
      status: 404,
      code: 'route_not_found',
      detail: 'Aucune ressource ne correspond à /v1/nowhere.',
      requestId: 'req-1',
    });
  });

  it('answers 405 method_not_allowed when the path exists with other methods', async () => {
    const response = await handler(event('PATCH', '/v1/enrolments/3f2a'));
    expect(response.statusCode).toBe(405);
    expect(JSON.parse(response.body as string).detail).toBe(
      "La méthode PATCH n'est pas autorisée sur /v1/enrolments/3f2a.",
    );
  });

  it('matches path parameters on one segment only', () => {
    const { pattern, parameterNames } = pathPattern('/v1/enrolments/{id}');
    expect(parameterNames).toEqual(['id']);
    expect(pattern.test('/v1/enrolments/a/b')).toBe(false);
    expect(pattern.test('/v1/enrolments/a')).toBe(true);
  });
});
