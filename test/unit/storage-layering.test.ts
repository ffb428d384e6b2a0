import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_DEFINITION } from '#shared/storage/table.ts';

/**
 * The storage layer's boundary, read from the sources: DynamoDB is reached only through
 * shared/storage (store, keys, table) and the repositories built on it; index attribute names are
 * spelled only there; business time comes from the clock port.
 */
const ROOT = join(import.meta.dirname, '../..');

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts'))
    .map((path) => join(folder, path));
}

const code = [...sources('shared'), ...sources('functions')].map((path) => ({
  path: relative(ROOT, join(ROOT, path)),
  text: readFileSync(join(ROOT, path), 'utf8'),
}));
const inStorage = (path: string) => path.startsWith('shared/storage/');
const isRepository = (path: string) => /(^|\/|-)repository\.ts$/.test(path);

describe('the storage layer', () => {
  it('is the only code that talks to DynamoDB', () => {
    const offenders = code.filter(
      ({ path, text }) => !inStorage(path) && /@aws-sdk\/(lib|client)-dynamodb/.test(text),
    );
    expect(offenders.map(({ path }) => path)).toEqual([]);
  });

  it('is used by repositories only', () => {
    const offenders = code.filter(
      ({ path, text }) =>
        !inStorage(path) &&
        !isRepository(path) &&
        /storage\/(store|keys|queries|client|table)\.ts'/.test(text),
    );
    expect(offenders.map(({ path }) => path)).toEqual([]);
    // The rule has something to hold: repositories exist and use the store.
    expect(
      code.filter(({ path, text }) => isRepository(path) && text.includes('storage/store.ts')).length,
    ).toBeGreaterThan(10);
  });

  it('alone spells the index and key attribute names', () => {
    const names = TABLE_DEFINITION.globalSecondaryIndexes.flatMap((index) => [
      index.indexName,
      index.partitionKey,
      index.sortKey,
    ]);
    const spelled = new RegExp(`['"\`](${names.join('|')})['"\`]`);
    const offenders = code.filter(({ path, text }) => !inStorage(path) && spelled.test(text));
    expect(offenders.map(({ path }) => path)).toEqual([]);
  });
});

describe('the clock port', () => {
  /** System time on purpose: elapsed-time measures and lifetimes another service checks. */
  const SYSTEM_TIME = new Set([
    'shared/clock.ts',
    'shared/aws/secrets.ts', // cache of a fetched secret
    'shared/captcha/captchetat.ts', // cache of the provider's OAuth token
    'shared/funding/call-repository.ts', // per-Lambda cache of the call record
    'shared/accounts/recovery.ts', // response-time floor
    'shared/metrics.ts', // CloudWatch metric timestamp (EMF)
    'shared/funding/documents.ts', // presigned URL lifetime (S3's clock)
    'shared/enrolment/document-download.ts', // presigned URL lifetime (S3's clock)
    'functions/enrolment/request-document-upload/handler.ts', // presigned POST lifetime (S3's clock)
  ]);

  it('gives the time to every other module', () => {
    const offenders = code.filter(
      ({ path, text }) => !SYSTEM_TIME.has(path) && /new Date\(\)|Date\.now\(\)/.test(text),
    );
    expect(offenders.map(({ path }) => path)).toEqual([]);
  });
});
