import { login } from '#shared/accounts/session-login.ts';
import { created, httpHandler } from '#shared/http/handler.ts';
import { loginRoute } from './route.ts';

export const handler = httpHandler(loginRoute, async ({ body, sourceIp }) =>
  created(await login(body.identifier, body.password, sourceIp, body.captcha), '/v1/sessions/current', {
    'cache-control': 'no-store',
  }),
);
