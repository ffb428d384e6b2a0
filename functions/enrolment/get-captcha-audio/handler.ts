import { captchaProvider } from '#shared/captcha/index.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ProblemError } from '#shared/http/problem.ts';
import { getCaptchaAudioRoute } from './route.ts';

export const handler = httpHandler(getCaptchaAudioRoute, async ({ params }) => {
  const audio = await captchaProvider.audio(params.captchaId);
  if (!audio)
    throw new ProblemError(
      404,
      'captcha_not_found',
      'Ce code captcha a expiré ou a déjà été utilisé : affichez un autre code.',
    );
  // One challenge, one sound: never cached (the id is single-use and expires in 2 minutes).
  return { status: 200, body: audio, headers: { 'content-type': 'audio/wav', 'cache-control': 'no-store' } };
});
