import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, MalformedRequestError } from '#shared/errors.ts';
import { asProblem } from '#shared/http/domain-error-mapping.ts';
import { ProblemError } from '#shared/http/problem.ts';
import * as keys from '#shared/storage/keys.ts';
import { useLocalCloud } from '../support/harness.ts';

useLocalCloud();

// The store reads the table name at import: load it once the local cloud is up.
let store: typeof import('#shared/storage/store.ts');
beforeAll(async () => {
  store = await import('#shared/storage/store.ts');
});

const taken = (owner: string) => new ProblemError(409, 'taken', `Déjà pris par ${owner}`);

describe('storage helpers against the local DynamoDB engine', () => {
  it('strips internal keys from what it returns', async () => {
    await store.putItem({ ...keys.account('strip-1'), GSI2PK: 'x', GSI2SK: 'y', type: 'Account', name: 'A' });
    const item = await store.getItem<Record<string, unknown>>(keys.account('strip-1'));
    expect(item).toEqual({ type: 'Account', name: 'A' });
  });

  it('treats an expired item as absent (TTL deletion is lazy)', async () => {
    const past = Math.floor(Date.now() / 1000) - 10;
    await store.putItem({ ...keys.captcha('expired-1'), type: 'Captcha', expiresAt: past });
    expect(await store.getItem(keys.captcha('expired-1'))).toBeUndefined();
    // …and a new item may take its place.
    await store.putNew({ ...keys.captcha('expired-1'), type: 'Captcha' }, () => new Error('exists'));
    expect(await store.getItem(keys.captcha('expired-1'))).toMatchObject({ type: 'Captcha', version: 1 });
  });

  it('putNew refuses to overwrite a live item', async () => {
    await store.putNew({ ...keys.enrolment('new-1'), type: 'Enrolment' }, () => new Error('exists'));
    await expect(
      store.putNew({ ...keys.enrolment('new-1'), type: 'Enrolment' }, () => taken('x')),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('optimistic locking: a stale version is a 409 stale_version problem', async () => {
    const key = keys.enrolment('lock-1');
    await store.putNew({ ...key, type: 'Enrolment', status: 'BROUILLON' }, () => new Error('exists'));
    const version = await store.putVersioned({ ...key, type: 'Enrolment', status: 'DEPOSEE' }, 1);
    expect(version).toBe(2);
    const stale = store.putVersioned({ ...key, type: 'Enrolment', status: 'REJETEE' }, 1);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    // The store knows no HTTP: the edge's mapping makes it the 409 problem clients get.
    await expect(stale.catch(asProblem)).resolves.toMatchObject({ status: 409, code: 'stale_version' });
    expect(await store.getItem(key)).toMatchObject({ status: 'DEPOSEE', version: 2 });
  });

  it('counters give 50 distinct consecutive numbers under 50 parallel increments', async () => {
    const numbers = await Promise.all(
      Array.from({ length: 50 }, () => store.nextNumber(keys.counter('parallel'))),
    );
    expect(new Set(numbers).size).toBe(50);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('guard items: the first owner wins, its retry succeeds, another owner gets the conflict', async () => {
    const guard = keys.guard('siret-ref', '12345678901234#zbuMSS0046');
    expect(await store.claimGuard(guard, 'enrolment-A', taken)).toEqual({
      created: true,
      owner: 'enrolment-A',
    });
    expect(await store.claimGuard(guard, 'enrolment-A', taken)).toEqual({
      created: false,
      owner: 'enrolment-A',
    });
    await expect(store.claimGuard(guard, 'enrolment-B', taken)).rejects.toThrow('Déjà pris par enrolment-A');
    await store.releaseGuard(guard, 'enrolment-B'); // not the owner: no effect
    await expect(store.claimGuard(guard, 'enrolment-B', taken)).rejects.toThrow('enrolment-A');
    await store.releaseGuard(guard, 'enrolment-A');
    expect(await store.claimGuard(guard, 'enrolment-B', taken)).toMatchObject({ created: true });
  });

  it('only one of many concurrent claimants gets a guard', async () => {
    const guard = keys.guard('race', 'one');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => store.claimGuard(guard, `owner-${i}`, taken)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('pages through a partition with an opaque cursor; a bad cursor is a 400 problem', async () => {
    for (let i = 0; i < 5; i++) {
      await store.putItem({ ...keys.enrolmentEmail('paged', `e${i}`), type: 'Email', index: i });
    }
    const first = await store.queryPage<{ index: number }>({
      partition: { name: 'PK', value: keys.enrolmentPartition('paged') },
      sortPrefix: { name: 'SK', value: 'EMAIL#' },
      limit: 3,
    });
    expect(first.items.map((i) => i.index)).toEqual([0, 1, 2]);
    expect(first.cursor).toBeTruthy();
    const second = await store.queryPage<{ index: number }>({
      partition: { name: 'PK', value: keys.enrolmentPartition('paged') },
      sortPrefix: { name: 'SK', value: 'EMAIL#' },
      limit: 3,
      ...(first.cursor ? { cursor: first.cursor } : {}),
    });
    expect(second.items.map((i) => i.index)).toEqual([3, 4]);
    const badCursor = store.queryPage({ partition: { name: 'PK', value: 'x' }, cursor: '%%%' });
    await expect(badCursor).rejects.toBeInstanceOf(MalformedRequestError);
    await expect(badCursor.catch(asProblem)).resolves.toMatchObject({ status: 400, code: 'invalid_cursor' });
  });

  it('backs off with full jitter before asking again for unprocessed BatchGetItem keys', () => {
    expect(store.unprocessedKeysDelayMs(0, 0.99)).toBe(0);
    const ceilings = [1, 2, 3, 4].map((round) => store.unprocessedKeysDelayMs(round, 0.999_999));
    expect(ceilings).toEqual([49, 99, 199, 399]);
    for (const round of [1, 2, 3, 4]) expect(store.unprocessedKeysDelayMs(round, 0)).toBe(0);
  });
});
