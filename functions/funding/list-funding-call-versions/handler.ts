import { readFundingCallHistory } from '#shared/funding/call-admin.ts';
import { httpHandler, ok } from '#shared/http/handler.ts';
import { listFundingCallVersionsRoute } from './route.ts';

export const handler = httpHandler(listFundingCallVersionsRoute, async ({ params }) =>
  ok(await readFundingCallHistory(params.callId)),
);
