import { resetPassword } from '#shared/accounts/recovery.ts';
import { httpHandler, noContent } from '#shared/http/handler.ts';
import { resetPasswordRoute } from './route.ts';

export const handler = httpHandler(resetPasswordRoute, async ({ body, sourceIp }) => {
  await resetPassword(body, sourceIp);
  return noContent();
});
