import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalCloud } from '../support/harness.ts';
import { testSiret } from '../support/operators.ts';

/** The routes the back office added: the search by SIRET and the funding call's history. */
const local = useLocalCloud();

let instructor: Record<string, string>;
let operator: Record<string, string>;
let fixtures: typeof import('../support/enrolment-fixtures.ts');
beforeAll(async () => {
  const accounts = await import('../support/accounts.ts');
  fixtures = await import('../support/enrolment-fixtures.ts');
  instructor = accounts.bearer(await accounts.loginAsDemoInstructor(local));
  const validated = await fixtures.storeEnrolment({
    siret: testSiret(),
    status: 'VALIDEE',
    number: 'ENR0600M6',
  });
  operator = accounts.bearer((await accounts.activeOperator(local, validated)).token);
});

describe('search by SIRET (GSI2, no Scan)', () => {
  it("lists a SIRET's submitted requests of every status, page by page, drafts and other SIRETs left out", async () => {
    const siret = testSiret();
    const deposited = await fixtures.storeEnrolment({ siret, status: 'DEPOSEE', number: 'ENR0601M7' });
    await fixtures.storeEnrolment({ siret, status: 'BROUILLON' });
    const rejected = await fixtures.storeEnrolment({ siret, status: 'REJETEE', number: 'ENR0602M8' });
    await fixtures.storeEnrolment({ siret: testSiret(), status: 'DEPOSEE', number: 'ENR0603M9' });
    const numbers: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await local.api.get(
        `/v1/admin/operators/${siret}/enrolments?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        instructor,
      );
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      numbers.push(...page.body.items.map((item: { number: string }) => item.number));
      cursor = page.body.cursor;
    } while (cursor);
    expect(numbers.sort()).toEqual([deposited.number, rejected.number]);
  });

  it('refuses an operator, a malformed SIRET and a cursor of another list', async () => {
    const siret = testSiret();
    expect((await local.api.get(`/v1/admin/operators/${siret}/enrolments`, operator)).status).toBe(403);
    const malformed = await local.api.get('/v1/admin/operators/1234/enrolments', instructor);
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors[0].path).toBe('path.siret');
    await fixtures.storeEnrolment({ siret, status: 'DEPOSEE', number: 'ENR0604M0' });
    await fixtures.storeEnrolment({ siret, status: 'DEPOSEE', number: 'ENR0605M1' });
    const queue = await local.api.get('/v1/admin/enrolments?limit=1', instructor);
    expect(queue.body.cursor).toBeDefined();
    const foreign = await local.api.get(
      `/v1/admin/operators/${siret}/enrolments?cursor=${encodeURIComponent(queue.body.cursor)}`,
      instructor,
    );
    expect(foreign.status).toBe(400);
  });
});

describe("funding call's version history", () => {
  const CALL = '/v1/admin/funding-calls/MSS-OPERATEURS-2023';

  it('keeps every superseded version, who corrected it and when; a stale correction adds nothing', async () => {
    const initial = await local.api.get(CALL, instructor);
    const { callId: _callId, version, ...fields } = initial.body;
    const first = await local.api.put(
      CALL,
      { ...fields, expectedVersion: version, capCents: 30_000_000 },
      instructor,
    );
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ version: version + 1, capCents: 30_000_000 });
    expect(Date.parse(first.body.correctedAt)).toBeGreaterThan(Date.now() - 60_000);
    const stale = await local.api.put(
      CALL,
      { ...fields, expectedVersion: version, label: 'Périmé' },
      instructor,
    );
    expect(stale.status).toBe(409);
    const { callId: _id, version: _v, correctedAt: _at, correctedBy: _by, ...current } = first.body;
    const second = await local.api.put(
      CALL,
      { ...current, expectedVersion: version + 1, fixedPartCents: 700_000 },
      instructor,
    );
    expect(second.status, JSON.stringify(second.body)).toBe(200);

    const history = await local.api.get(`${CALL}/versions`, instructor);
    expect(history.status).toBe(200);
    expect(history.body.items.map((item: { version: number }) => item.version)).toEqual([
      version + 2,
      version + 1,
      version,
    ]);
    const [latest, middle, oldest] = history.body.items;
    expect(latest).toMatchObject({ fixedPartCents: 700_000, capCents: 30_000_000 });
    expect(middle).toMatchObject({ fixedPartCents: initial.body.fixedPartCents, capCents: 30_000_000 });
    expect(middle.correctedBy).toBe(first.body.correctedBy);
    expect(oldest).toEqual(initial.body);
    expect(history.body.items.some((item: { label: string }) => item.label === 'Périmé')).toBe(false);
    expect((await local.api.get(`${CALL}/versions`, operator)).status).toBe(403);
    expect((await local.api.get('/v1/admin/funding-calls/INCONNU/versions', instructor)).status).toBe(404);
  });
});
