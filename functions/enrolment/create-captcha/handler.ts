import { captchaProvider } from '#shared/captcha/index.ts';
import { created, httpHandler } from '#shared/http/handler.ts';
import { createCaptchaRoute } from './route.ts';

/** Local stage only: the answer travels in this header, outside the documented body, for tests. */
export const LOCAL_ANSWER_HEADER = 'x-local-captcha-answer';

export const handler = httpHandler(createCaptchaRoute, async () => {
  const { localAnswer, ...challenge } = await captchaProvider.create();
  // The captcha is not readable back (it is solved once, with its id): its path only names it.
  return created(
    challenge,
    `/v1/captchas/${challenge.id}`,
    localAnswer ? { [LOCAL_ANSWER_HEADER]: localAnswer } : undefined,
  );
});
