import { callCorrectionBody, callIdParams, fundingCallSchema } from '#shared/funding/admin-schemas.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const correctFundingCallRoute = defineRoute({
  id: 'correctFundingCall',
  method: 'PUT',
  path: '/v1/admin/funding-calls/{callId}',
  access: 'instructor',
  summary:
    "Correction de l'appel à financement (nouvelle version ; les décisions gardent la version appliquée)",
  tags: ['Instruction'],
  request: { params: callIdParams, body: callCorrectionBody },
  responses: {
    200: { description: "L'appel à financement corrigé", schema: fundingCallSchema },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
  permissions: { table: 'readwrite' },
});
