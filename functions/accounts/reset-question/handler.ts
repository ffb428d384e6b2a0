import { resetQuestion } from '#shared/accounts/recovery.ts';
import { httpHandler, ok } from '#shared/http/handler.ts';
import { resetQuestionRoute } from './route.ts';

export const handler = httpHandler(resetQuestionRoute, async ({ body }) =>
  ok(await resetQuestion(body.token)),
);
