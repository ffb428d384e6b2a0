import { describeMe } from '#shared/accounts/home.ts';
import { httpHandler, ok } from '#shared/http/handler.ts';
import { meRoute } from './route.ts';

export const handler = httpHandler(meRoute, async ({ auth }) => ok(await describeMe(auth)));
