import { setSecretQuestion } from '#shared/accounts/security-settings.ts';
import { bearerToken } from '#shared/accounts/session-token.ts';
import { httpHandler, ok } from '#shared/http/handler.ts';
import { setSecretQuestionRoute } from './route.ts';

export const handler = httpHandler(setSecretQuestionRoute, async ({ auth, body, headers, sourceIp }) =>
  ok(await setSecretQuestion(auth.accountId, bearerToken(headers.authorization) ?? '', body, sourceIp)),
);
