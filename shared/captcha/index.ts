import * as z from 'zod/mini';
import { cachedSecret } from '../aws/secrets.ts';
import { readEnv } from '../config.ts';
import { InvalidDataError } from '../errors.ts';
import { captchEtatProvider } from './captchetat.ts';
import type { CaptchaProvider } from './port.ts';

/**
 * Captcha provider chosen by configuration. `local` is refused at cold start on any stage but
 * `local`, so a deployed stack can only use CaptchEtat: there is no bypass switch to leave on.
 */
const env = readEnv({
  STAGE: z.string().check(z.minLength(1)),
  CAPTCHA_PROVIDER: z._default(z.enum(['local', 'captchetat']), 'local'),
  /** Secrets Manager secret (name or ARN) of the CaptchEtat credentials, JSON (credentialsSchema). */
  CAPTCHETAT_SECRET_ID: z.optional(z.string().check(z.minLength(1))),
  CAPTCHETAT_TYPE: z._default(z.string(), 'captchaFR'),
});

const credentialsSchema = z.object({
  apiUrl: z.url(),
  tokenUrl: z.url(),
  clientId: z.string().check(z.minLength(1)),
  clientSecret: z.string().check(z.minLength(1)),
});
/** A rotated secret applies within 5 minutes; warm Lambdas make no call meanwhile. */
const SECRET_CACHE_MS = 5 * 60 * 1000;

async function selectProvider(): Promise<CaptchaProvider> {
  if (env.CAPTCHA_PROVIDER === 'local') {
    if (env.STAGE !== 'local') throw new Error('CAPTCHA_PROVIDER=local is only allowed when STAGE=local');
    // Imported by its package.json alias, which Lambda bundles leave out (LOCAL_ONLY_MODULES):
    // the deployed code does not even contain the provider that hands out its answers, nor needs
    // the table grant its stored challenges would (the captcha routes declare none).
    const { localCaptchaProvider } = await import('#local-captcha');
    return localCaptchaProvider({ exposeAnswer: true });
  }
  const secretId = env.CAPTCHETAT_SECRET_ID;
  if (!secretId) throw new Error('CAPTCHA_PROVIDER=captchetat needs CAPTCHETAT_SECRET_ID');
  const readSecret = cachedSecret(secretId, SECRET_CACHE_MS);
  return captchEtatProvider({
    credentials: async () => {
      const parsed = credentialsSchema.safeParse(JSON.parse(await readSecret()));
      if (!parsed.success)
        throw new Error('The CaptchEtat secret lacks apiUrl, tokenUrl, clientId or clientSecret');
      return parsed.data;
    },
    captchaType: env.CAPTCHETAT_TYPE,
    timeoutMs: 3000,
  });
}

export const captchaProvider: CaptchaProvider = await selectProvider();

/** Checks the captcha of a request; a wrong, expired or reused one is a 422 on `body.captcha.answer`. */
export async function requireCaptcha(captcha: { id: string; answer: string }): Promise<void> {
  if (await captchaProvider.verify(captcha.id, captcha.answer)) return;
  const message = 'Le code captcha est incorrect ou a expiré : saisissez le nouveau code affiché.';
  throw new InvalidDataError('captcha_invalid', message, {
    errors: [{ path: 'body.captcha.answer', message }],
  });
}
