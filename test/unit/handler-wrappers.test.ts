import { beforeAll, describe, expect, it } from 'vitest';
import type { Enrolment } from '#shared/enrolment/model.ts';
import type { draftHandler as DraftHandler } from '#shared/http/draft-handler.ts';
import type { httpHandler as HttpHandler } from '#shared/http/handler.ts';
import type {
  draftWriteHandler as DraftWriteHandler,
  writeHandler as WriteHandler,
} from '#shared/http/write-handler.ts';
import { defineRoute } from '#shared/routes/types.ts';

/**
 * Only the handlers of the routes that honour Idempotency-Key bundle its code (writeHandler): a
 * route wrapped the wrong way must fail as its module loads, not answer without replays or carry
 * code it never runs. Nothing is called: wrapping needs no local cloud.
 */
let httpHandler: typeof HttpHandler;
let draftHandler: typeof DraftHandler;
let writeHandler: typeof WriteHandler;
let draftWriteHandler: typeof DraftWriteHandler;
beforeAll(async () => {
  // The idempotency records' store reads its table name at import.
  process.env.TABLE_NAME ??= 'not-called';
  ({ httpHandler } = await import('#shared/http/handler.ts'));
  ({ draftHandler } = await import('#shared/http/draft-handler.ts'));
  ({ writeHandler, draftWriteHandler } = await import('#shared/http/write-handler.ts'));
});

const write = defineRoute({
  id: 'testWrite',
  method: 'POST',
  path: '/v1/test',
  access: 'operator',
  summary: 'Test',
  tags: [],
  responses: { 204: { description: 'fait' } },
});
const draftWrite = defineRoute({ ...write, id: 'testDraftWrite', access: 'draft' });
const ignoringKey = [
  defineRoute({ ...write, id: 'testRead', method: 'GET' }),
  defineRoute({ ...write, id: 'testPublic', access: 'public' }),
  defineRoute({ ...write, id: 'testNoReplay', idempotency: false }),
];
const run = async () => ({ status: 204 });
const load = async (): Promise<Enrolment> => {
  throw new Error('not called');
};

describe('handler wrappers and Idempotency-Key', () => {
  it('refuses the read wrappers on a write that honours the key, naming the one to use', () => {
    expect(() => httpHandler(write, run)).toThrow(
      'Route testWrite honours Idempotency-Key: wrap its handler with writeHandler or draftWriteHandler',
    );
    expect(() => draftHandler(draftWrite, load, run)).toThrow('Route testDraftWrite honours Idempotency-Key');
    expect(writeHandler(write, run)).toBeTypeOf('function');
    expect(draftWriteHandler(draftWrite, load, run)).toBeTypeOf('function');
  });

  it('refuses the write wrappers on a route that ignores the key', () => {
    for (const route of ignoringKey) {
      expect(() => writeHandler(route, run), route.id).toThrow(
        `Route ${route.id} ignores Idempotency-Key: wrap its handler with httpHandler or draftHandler`,
      );
      expect(httpHandler(route, run)).toBeTypeOf('function');
    }
    const draftRead = defineRoute({ ...draftWrite, id: 'testDraftRead', method: 'GET' });
    expect(() => draftWriteHandler(draftRead, load, run)).toThrow(
      'Route testDraftRead ignores Idempotency-Key',
    );
    expect(draftHandler(draftRead, load, run)).toBeTypeOf('function');
  });
});
