import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password (and secret answer) hashing with scrypt. The parameters are stored with each hash
 * (`scrypt$<log2 N>$<r>$<p>$<salt>$<hash>`, base64url) so they can be raised later: a hash made
 * with weaker parameters is still verified, and `needsRehash` tells the login to upgrade it.
 */
export interface ScryptParameters {
  logN: number;
  r: number;
  p: number;
}

/** Production cost (DESIGN §6): N = 2^17, r = 8, p = 1 — 128 MiB of memory per hash. */
export const PRODUCTION_SCRYPT: ScryptParameters = { logN: 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/**
 * The cost in use. Only the local stack (STAGE=local: `npm start`, tests) may lower it, through
 * PASSWORD_HASH_LOG_N, so test files that hash many passwords stay fast on small machines; a
 * deployed stage always uses the production cost.
 */
export function currentParameters(env: Record<string, string | undefined> = process.env): ScryptParameters {
  const requested = Number(env.PASSWORD_HASH_LOG_N);
  if (env.STAGE === 'local' && Number.isInteger(requested) && requested >= 10 && requested < 17)
    return { ...PRODUCTION_SCRYPT, logN: requested };
  return PRODUCTION_SCRYPT;
}

const derive = (secret: string, salt: Buffer, { logN, r, p }: ScryptParameters) =>
  new Promise<Buffer>((resolve, reject) => {
    const N = 2 ** logN;
    // Node's default maxmem (32 MiB) is below 128 × N × r for N = 2^17: allow twice the need.
    scrypt(secret.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

export async function hashSecret(secret: string, parameters = currentParameters()): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(secret, salt, parameters);
  const { logN, r, p } = parameters;
  return ['scrypt', logN, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parse(stored: string): { parameters: ScryptParameters; salt: Buffer; key: Buffer } | undefined {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !logN || !r || !p || !salt || !key) return undefined;
  const parameters = { logN: Number(logN), r: Number(r), p: Number(p) };
  if (!Object.values(parameters).every((n) => Number.isInteger(n) && n > 0) || parameters.logN > 20)
    return undefined;
  return { parameters, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** Constant-time comparison of a candidate against a stored hash; false for a malformed hash. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const candidate = await derive(secret, parsed.salt, parsed.parameters);
  return candidate.length === parsed.key.length && timingSafeEqual(candidate, parsed.key);
}

/** True when the stored hash was made with a lower cost than the one in use. */
export function needsRehash(stored: string, parameters = currentParameters()): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.parameters.logN < parameters.logN || parsed.parameters.r < parameters.r;
}

/**
 * Verified when the identifier is unknown, so a failed login costs the same time whether or
 * not the account exists. Its parameters match production; its secret is unknowable.
 */
export const DECOY_HASH_PRODUCTION =
  'scrypt$17$8$1$3Yq0u5m1a2R8JmRk0d3k1w$9Jv1S1lqk0m3H0Zr8bC6n0mE6gq1aV9rR2sXq9kQ2zY';

export const decoyHash = (parameters = currentParameters()): string =>
  DECOY_HASH_PRODUCTION.replace(/^scrypt\$\d+/, `scrypt$${parameters.logN}`);
