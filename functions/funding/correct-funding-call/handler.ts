import { correctFundingCall } from '#shared/funding/call-admin.ts';
import { httpHandler, ok } from '#shared/http/handler.ts';
import { correctFundingCallRoute } from './route.ts';

export const handler = httpHandler(correctFundingCallRoute, async ({ params, body, auth }) =>
  ok(await correctFundingCall(params.callId, body, auth.accountId)),
);
