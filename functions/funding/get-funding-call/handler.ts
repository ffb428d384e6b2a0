import { readFundingCall } from '#shared/funding/call-admin.ts';
import { httpHandler, ok } from '#shared/http/handler.ts';
import { getFundingCallRoute } from './route.ts';

export const handler = httpHandler(getFundingCallRoute, async ({ params }) =>
  ok(await readFundingCall(params.callId)),
);
