import * as z from 'zod/mini';
import { callFields, callIdParams, fundingCallSchema } from '#shared/funding/call-schemas.ts';
import { problemResponses } from '#shared/routes/schemas.ts';
import { defineRoute } from '#shared/routes/types.ts';
import { labelled } from '#shared/schema-labels.ts';

const callCorrectionBody = z.strictObject({
  expectedVersion: labelled(z.int().check(z.minimum(1)), 'Version affichée'),
  ...callFields,
});

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
