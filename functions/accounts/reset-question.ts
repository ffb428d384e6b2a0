import { resetQuestion } from '../../shared/accounts/recovery.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { resetQuestionRoute } from '../../shared/routes/accounts-recovery.ts';

export const handler = httpHandler(resetQuestionRoute, async ({ body }) =>
  ok(await resetQuestion(body.token)),
);
