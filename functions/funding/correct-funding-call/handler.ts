import { correctFundingCall } from '#shared/funding/call-admin.ts';
import { ok } from '#shared/http/handler.ts';
import { writeHandler } from '#shared/http/write-handler.ts';
import { correctFundingCallRoute } from './route.ts';

export const handler = writeHandler(correctFundingCallRoute, async ({ params, body, auth }) =>
  ok(await correctFundingCall(params.callId, body, auth.accountId)),
);
