import * as z from 'zod/mini';
import { callIdParams, fundingCallSchema } from '#shared/funding/call-schemas.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';

const fundingCallHistorySchema = z.strictObject({ items: z.array(fundingCallSchema) });

export const listFundingCallVersionsRoute = defineRoute({
  id: 'listFundingCallVersions',
  method: 'GET',
  path: '/v1/admin/funding-calls/{callId}/versions',
  access: 'instructor',
  summary: "Historique des versions de l'appel à financement, la plus récente d'abord",
  tags: ['Instruction'],
  request: { params: callIdParams },
  responses: {
    200: { description: "Les versions de l'appel à financement", schema: fundingCallHistorySchema },
    ...problemResponses(401, 403, 404, 422),
  },
  permissions: { table: 'read' },
});
