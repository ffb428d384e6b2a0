import { changePassword } from '#shared/accounts/security-settings.ts';
import { httpHandler, ok } from '#shared/http/handler.ts';
import { changePasswordRoute } from './route.ts';

export const handler = httpHandler(changePasswordRoute, async ({ auth, body, sourceIp }) =>
  ok(await changePassword(auth.accountId, body, sourceIp), { 'cache-control': 'no-store' }),
);
