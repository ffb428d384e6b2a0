import { bearerToken } from '#shared/accounts/session-token.ts';
import { revokeSession } from '#shared/accounts/sessions.ts';
import { httpHandler, noContent } from '#shared/http/handler.ts';
import { logoutRoute } from './route.ts';

export const handler = httpHandler(logoutRoute, async ({ headers }) => {
  const token = bearerToken(headers.authorization);
  if (token) await revokeSession(token);
  return noContent();
});
