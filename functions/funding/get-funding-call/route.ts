import { callIdParams, fundingCallSchema } from '#shared/funding/call-schemas.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

export const getFundingCallRoute = defineRoute({
  id: 'getFundingCall',
  method: 'GET',
  path: '/v1/admin/funding-calls/{callId}',
  access: 'instructor',
  summary: "Configuration de l'appel à financement : part fixe, montants par BAL, plafond, dates",
  tags: ['Instruction'],
  request: { params: callIdParams },
  responses: {
    200: { description: "L'appel à financement", schema: fundingCallSchema },
    ...problemResponses(401, 403, 404, 422),
  },
  permissions: { table: 'read' },
});
