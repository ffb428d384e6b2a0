import { readFundingCall } from '../../shared/funding/call-admin.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { getFundingCallRoute } from '../../shared/routes/funding-admin.ts';

export const handler = httpHandler(getFundingCallRoute, async ({ params }) =>
  ok(await readFundingCall(params.callId)),
);
