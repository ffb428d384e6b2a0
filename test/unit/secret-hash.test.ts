import { describe, expect, it } from 'vitest';
import {
  currentParameters,
  DECOY_HASH_PRODUCTION,
  hashSecret,
  needsRehash,
  PRODUCTION_SCRYPT,
  verifySecret,
} from '#shared/accounts/secret-hash.ts';

describe('scrypt hashing of passwords and secret answers', () => {
  it('uses N = 2^17, r = 8, p = 1, stores the parameters, and verifies (one production hash)', async () => {
    const started = performance.now();
    const stored = await hashSecret('Messagerie.Sure42', PRODUCTION_SCRYPT);
    const elapsed = performance.now() - started;
    console.info(`scrypt N=2^17 r=8 p=1: ${Math.round(elapsed)} ms`);
    expect(stored).toMatch(/^scrypt\$17\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifySecret('Messagerie.Sure42', stored)).toBe(true);
  });

  it('salts every hash and refuses a wrong or tampered candidate', async () => {
    const low = { logN: 10, r: 8, p: 1 };
    const [a, b] = await Promise.all([hashSecret('Secret-1', low), hashSecret('Secret-1', low)]);
    expect(a).not.toBe(b);
    expect(await verifySecret('Secret-2', a)).toBe(false);
    expect(
      await verifySecret(
        'Secret-1',
        a.replace(/\$\w/g, (m) => (m === '$A' ? '$B' : '$A')),
      ),
    ).toBe(false);
    expect(await verifySecret('Secret-1', 'md5$abc')).toBe(false);
  });

  it('keeps verifying weaker hashes and flags them for an upgrade', async () => {
    const weak = await hashSecret('Secret-1', { logN: 10, r: 8, p: 1 });
    expect(await verifySecret('Secret-1', weak)).toBe(true);
    expect(needsRehash(weak, PRODUCTION_SCRYPT)).toBe(true);
    expect(needsRehash(DECOY_HASH_PRODUCTION, PRODUCTION_SCRYPT)).toBe(false);
  });

  it('lowers the cost only on the local stage', () => {
    expect(currentParameters({ STAGE: 'local', PASSWORD_HASH_LOG_N: '14' }).logN).toBe(14);
    expect(currentParameters({ STAGE: 'prod', PASSWORD_HASH_LOG_N: '14' })).toEqual(PRODUCTION_SCRYPT);
    expect(currentParameters({ STAGE: 'local', PASSWORD_HASH_LOG_N: '4' })).toEqual(PRODUCTION_SCRYPT);
  });
});
