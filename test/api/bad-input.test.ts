import { beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '#functions/route-table.ts';
import type { Access } from '#shared/routes/types.ts';
import { createDraft } from '../support/enrolment.ts';
import { useLocalCloud } from '../support/harness.ts';
import { instructor, operatorWith } from '../support/operators.ts';

/**
 * "A 500 on bad input is a bug": every route of the route table, fed malformed or hostile
 * input, answers a 4xx problem+json (or, for the few routes that need nothing, a success).
 */
const local = useLocalCloud({ environment: { PASSWORD_HASH_LOG_N: '10' } });

/** Real credentials for each access level, so that bad input reaches parsing and validation. */
let credentials: Record<Access, Record<string, string>>;
let draftId = '';
beforeAll(async () => {
  const operator = await operatorWith(local);
  const draft = await createDraft(local.api);
  draftId = draft.id;
  credentials = {
    public: {},
    draft: draft.headers,
    operator: operator.headers,
    account: operator.headers,
    instructor: (await instructor(local)).headers,
  };
});

const HOSTILE_SEGMENT = encodeURIComponent("../'%00<script>");
const concretePath = (path: string, segment: string) => path.replace(/\{\w+\}/g, segment);

const badRequests = [
  { name: 'malformed JSON', body: '{"a":', contentType: 'application/json' },
  { name: 'wrong content type', body: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
  { name: 'JSON of the wrong shape', body: '[1,2,3]', contentType: 'application/json' },
  {
    name: 'unknown fields',
    body: JSON.stringify({ unexpected: { nested: true }, __proto__: { admin: true } }),
    contentType: 'application/json',
  },
  {
    name: 'oversized body',
    body: JSON.stringify({ padding: 'x'.repeat(100_000) }),
    contentType: 'application/json',
  },
] as const;

// Logout revokes the session the other routes use: it goes last.
const routes = [...routeTable].sort((a, b) => Number(a.id === 'logout') - Number(b.id === 'logout'));

describe('no route answers 5xx to bad input', () => {
  for (const route of routes) {
    it(`${route.method} ${route.path}`, async () => {
      // Draft routes get the real draft's id (so the body is what is wrong); others a hostile one.
      const path = concretePath(route.path, route.access === 'draft' ? draftId : HOSTILE_SEGMENT);
      const attempts =
        route.method === 'GET' || route.method === 'DELETE'
          ? [
              {
                name: 'hostile path and query',
                body: undefined,
                contentType: undefined,
                query: '?limit=-1&cursor=%%%&status=<x>',
              },
            ]
          : badRequests.map((request) => ({ ...request, query: '' }));
      for (const attempt of attempts) {
        const response = await local.api.request(route.method, `${path}${attempt.query}`, {
          ...(attempt.body !== undefined ? { rawBody: attempt.body } : {}),
          headers: {
            ...(attempt.contentType ? { 'content-type': attempt.contentType } : {}),
            ...credentials[route.access],
          },
        });
        expect(response.status, `${attempt.name}: ${JSON.stringify(response.body)}`).toBeLessThan(500);
        // The credentials are real: a refusal here is about the input, not about who asks.
        expect(response.status, `${attempt.name}: ${JSON.stringify(response.body)}`).not.toBe(401);
        if (response.status >= 400) {
          expect(response.headers.get('content-type'), attempt.name).toBe('application/problem+json');
          expect(response.body.detail, attempt.name).toEqual(expect.any(String));
        }
      }
    });
  }
});
