import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../support/harness.ts';
import { useLocalCloud } from '../support/harness.ts';
import { instructor, operatorWith, type TestOperator } from '../support/operators.ts';

// Cheap password hashing in tests (local stage only): every test operator logs in for real.
const local = useLocalCloud({ environment: { PASSWORD_HASH_LOG_N: '10' } });

const tens = { applicatives: 10, organisationnelles: 10, personnelles: 10 };
const advance = { current: tens, estimatedAtClosing: tens };

/**
 * Every paginated list takes back only the cursors it gave: a cursor from another list (another
 * operator, another status, another index) is a 400 problem naming `query.cursor`, never a
 * DynamoDB ValidationException answered as a 500.
 */
let first: TestOperator;
let second: TestOperator;
let asp: { headers: Record<string, string> };
const cursors: Record<'myEnrolments' | 'adminEnrolments' | 'dossiers', string> = {
  myEnrolments: '',
  adminEnrolments: '',
  dossiers: '',
};

const cursorOf = (response: ApiResponse) => {
  expect(response.status).toBe(200);
  expect(response.body.cursor).toEqual(expect.any(String));
  return encodeURIComponent(response.body.cursor as string);
};

function expectForeignCursor(response: ApiResponse) {
  expect(response.status).toBe(400);
  expect(response.body).toMatchObject({
    code: 'invalid_cursor',
    errors: [{ path: 'query.cursor', message: "Ce curseur de pagination n'appartient pas à cette liste." }],
  });
}

beforeAll(async () => {
  const fixtures = await import('../support/enrolment-fixtures.ts');
  first = await operatorWith(local);
  second = await operatorWith(local);
  for (const operator of [first, second]) {
    await fixtures.storeEnrolment({ siret: operator.siret, status: 'DEPOSEE', number: 'ENR0901M0' });
    expect((await local.api.post('/v1/funding/advance', advance, operator.headers)).status).toBe(201);
  }
  asp = await instructor(local);
  cursors.myEnrolments = cursorOf(await local.api.get('/v1/me/enrolments?limit=1', first.headers));
  cursors.adminEnrolments = cursorOf(
    await local.api.get('/v1/admin/enrolments?status=DEPOSEE&limit=1', asp.headers),
  );
  cursors.dossiers = cursorOf(await local.api.get('/v1/admin/dossiers?status=DECIDEE&limit=1', asp.headers));
}, 60_000);

describe('pagination cursors', () => {
  it('continue the list they came from', async () => {
    const next = await local.api.get(
      `/v1/me/enrolments?limit=1&cursor=${cursors.myEnrolments}`,
      first.headers,
    );
    expect(next.status).toBe(200);
    expect(next.body.items).toHaveLength(1);
    const dossiers = await local.api.get(
      `/v1/admin/dossiers?status=DECIDEE&limit=1&cursor=${cursors.dossiers}`,
      asp.headers,
    );
    expect(dossiers.status).toBe(200);
    expect(dossiers.body.items).toHaveLength(1);
  });

  it("refuse another operator's cursor on the operator's own list", async () => {
    expectForeignCursor(
      await local.api.get(`/v1/me/enrolments?cursor=${cursors.myEnrolments}`, second.headers),
    );
  });

  it('refuse a cursor of another list or another status on the dossier list', async () => {
    for (const cursor of [cursors.adminEnrolments, cursors.myEnrolments])
      expectForeignCursor(
        await local.api.get(`/v1/admin/dossiers?status=DECIDEE&cursor=${cursor}`, asp.headers),
      );
    expectForeignCursor(
      await local.api.get(`/v1/admin/dossiers?status=SOLDE_DECIDE&cursor=${cursors.dossiers}`, asp.headers),
    );
  });

  it("refuse the dossier list's cursor on the enrolment lists", async () => {
    expectForeignCursor(await local.api.get(`/v1/me/enrolments?cursor=${cursors.dossiers}`, first.headers));
    expectForeignCursor(
      await local.api.get(`/v1/admin/enrolments?status=DEPOSEE&cursor=${cursors.dossiers}`, asp.headers),
    );
  });

  it('refuse a forged cursor: extra or non-string key attributes', async () => {
    const own = JSON.parse(
      Buffer.from(decodeURIComponent(cursors.myEnrolments), 'base64url').toString('utf8'),
    );
    for (const forged of [
      { ...own, status: 'VALIDEE' },
      { ...own, GSI2SK: 42 },
    ]) {
      const cursor = Buffer.from(JSON.stringify(forged)).toString('base64url');
      expectForeignCursor(await local.api.get(`/v1/me/enrolments?cursor=${cursor}`, first.headers));
    }
  });
});
