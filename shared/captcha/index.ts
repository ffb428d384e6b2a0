import * as z from 'zod/mini';
import { readEnv } from '../config.ts';
import { ProblemError } from '../http/problem.ts';
import { captchEtatProvider } from './captchetat.ts';
import { localCaptchaProvider } from './local.ts';
import type { CaptchaProvider } from './port.ts';

/**
 * Captcha provider chosen by configuration. `local` is refused at cold start on any stage but
 * `local`, so a deployed stack can only use CaptchEtat: there is no bypass switch to leave on.
 */
const env = readEnv({
  STAGE: z.string().check(z.minLength(1)),
  CAPTCHA_PROVIDER: z._default(z.enum(['local', 'captchetat']), 'local'),
  CAPTCHETAT_API_URL: z.optional(z.string()),
  CAPTCHETAT_TOKEN_URL: z.optional(z.string()),
  CAPTCHETAT_CLIENT_ID: z.optional(z.string()),
  CAPTCHETAT_CLIENT_SECRET: z.optional(z.string()),
  CAPTCHETAT_TYPE: z._default(z.string(), 'captchaFR'),
});

function selectProvider(): CaptchaProvider {
  if (env.CAPTCHA_PROVIDER === 'local') {
    if (env.STAGE !== 'local') throw new Error('CAPTCHA_PROVIDER=local is only allowed when STAGE=local');
    return localCaptchaProvider({ exposeAnswer: true });
  }
  const { CAPTCHETAT_API_URL, CAPTCHETAT_TOKEN_URL, CAPTCHETAT_CLIENT_ID, CAPTCHETAT_CLIENT_SECRET } = env;
  if (!CAPTCHETAT_API_URL || !CAPTCHETAT_TOKEN_URL || !CAPTCHETAT_CLIENT_ID || !CAPTCHETAT_CLIENT_SECRET) {
    throw new Error(
      'CAPTCHA_PROVIDER=captchetat needs CAPTCHETAT_API_URL, _TOKEN_URL, _CLIENT_ID, _CLIENT_SECRET',
    );
  }
  return captchEtatProvider({
    apiUrl: CAPTCHETAT_API_URL,
    tokenUrl: CAPTCHETAT_TOKEN_URL,
    clientId: CAPTCHETAT_CLIENT_ID,
    clientSecret: CAPTCHETAT_CLIENT_SECRET,
    captchaType: env.CAPTCHETAT_TYPE,
    timeoutMs: 3000,
  });
}

export const captchaProvider: CaptchaProvider = selectProvider();

/** Checks the captcha of a request; a wrong, expired or reused one is a 422 on `body.captcha.answer`. */
export async function requireCaptcha(captcha: { id: string; answer: string }): Promise<void> {
  if (await captchaProvider.verify(captcha.id, captcha.answer)) return;
  const message = 'Le code captcha est incorrect ou a expiré : saisissez le nouveau code affiché.';
  throw new ProblemError(422, 'captcha_invalid', message, {
    errors: [{ path: 'body.captcha.answer', message }],
  });
}
