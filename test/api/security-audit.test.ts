import { describe, expect, it } from 'vitest';
import { routeTable } from '#functions/route-table.ts';
import { createDraft, type Draft } from '../support/enrolment.ts';
import { useLocalCloud } from '../support/harness.ts';
import { operatorWith } from '../support/operators.ts';

/**
 * What an attacker holding the OpenAPI document tries first: authorization is decided before any
 * input is read, and the secret answer of a reset link cannot be guessed more than three times.
 */
const local = useLocalCloud({
  environment: { PASSWORD_HASH_LOG_N: '10', RECOVERY_SOURCE_LIMIT: '100/900' },
});

const concretePath = (path: string, segment: string) => path.replace(/\{\w+\}/g, segment);
/** Input every route refuses: a malformed path segment, then a malformed, oversized or foreign body. */
const hostile = [
  { segment: 'zzz', body: undefined, contentType: undefined },
  { segment: 'zzz', body: '{"a":', contentType: 'application/json' },
  { segment: 'zzz', body: JSON.stringify({ pad: 'x'.repeat(70_000) }), contentType: 'application/json' },
  { segment: '00000000-0000-4000-8000-000000000000', body: 'a=1', contentType: 'text/plain' },
];

describe('authorization before any input is read', () => {
  it('a protected route without credentials answers 401, whatever is wrong with the input', async () => {
    for (const route of routeTable.filter((r) => r.access !== 'public')) {
      for (const attempt of hostile) {
        const response = await local.api.request(route.method, concretePath(route.path, attempt.segment), {
          ...(attempt.body !== undefined && route.method !== 'GET' ? { rawBody: attempt.body } : {}),
          headers: attempt.contentType ? { 'content-type': attempt.contentType } : {},
        });
        const expected = route.access === 'draft' ? 'draft_token_required' : 'unauthorized';
        expect([response.status, response.body.code], `${route.method} ${route.path}`).toEqual([
          401,
          expected,
        ]);
      }
    }
  });

  it('a draft route answers 403 to another draft’s token before it reads the body', async () => {
    const owner: Draft = await createDraft(local.api);
    const other: Draft = await createDraft(local.api);
    const writes = routeTable.filter(
      (r) => r.access === 'draft' && r.method !== 'GET' && r.method !== 'DELETE',
    );
    expect(writes.length).toBeGreaterThan(5);
    for (const route of writes) {
      const path = route.path.replace('{id}', owner.id).replace('{step}', 'bank');
      for (const body of ['{"a":', JSON.stringify({ unexpected: true })]) {
        const response = await local.api.request(route.method, path, {
          rawBody: body,
          headers: { 'content-type': 'application/json', ...other.headers },
        });
        expect([response.status, response.body.code], `${route.method} ${route.path}`).toEqual([
          403,
          'draft_token_invalid',
        ]);
      }
    }
  });
});

describe('password reset: the secret answer', () => {
  it('is checked at most three times per link, even when the guesses arrive at once', async () => {
    const operator = await operatorWith(local);
    const { identifier } = (await local.api.get('/v1/me', operator.headers)).body.account;
    expect((await local.api.post('/v1/recovery/password', { identifier })).status).toBe(202);
    const email = (await local.sentEmails()).filter((e) => e.destination.to.includes(operator.email)).at(-1);
    const token = /#jeton=([\w-]+)/.exec(email?.body.text ?? '')?.[1] as string;
    expect(token).toBeDefined();
    const guess = (answer: string) =>
      local.api.post('/v1/recovery/password/reset', {
        token,
        secretAnswer: answer,
        newPassword: 'Tentative-Pirate-9',
        confirmation: 'Tentative-Pirate-9',
      });
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => guess(`ville ${i}`)));
    const checked = burst.filter((response) => response.body.code === 'secret_answer_incorrect');
    expect(checked.length).toBeLessThanOrEqual(3);
    expect(burst.every((response) => [410, 422].includes(response.status))).toBe(true);
    // The right answer, after the burst, finds the link void.
    expect((await guess('Saint-Étienne')).status).toBe(410);
  });
});
