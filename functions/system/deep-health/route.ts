import * as z from 'zod/mini';
import { problemResponses } from '#shared/routes/schemas.ts';
import { healthStatus, serviceStatus } from '#shared/routes/system-common.ts';
import { defineRoute } from '#shared/routes/types.ts';

/** The deep health probe, for instructors: every service the functions call. */
const deepHealthSchema = z.strictObject({
  status: healthStatus,
  services: z.strictObject({
    dynamodb: serviceStatus,
    s3: serviceStatus,
    ses: serviceStatus,
    stepfunctions: serviceStatus,
  }),
});

export const deepHealthRoute = defineRoute({
  id: 'getDeepHealth',
  method: 'GET',
  path: '/v1/admin/health',
  access: 'instructor',
  summary: 'Joignabilité de chaque service AWS utilisé (base, documents, courriels, workflows)',
  tags: ['Système'],
  responses: {
    200: { description: 'Tous les services répondent', schema: deepHealthSchema },
    503: { description: 'Au moins un service ne répond pas', schema: deepHealthSchema },
    ...problemResponses(401, 403),
  },
  permissions: { table: 'read', bucket: { prefixes: [], access: 'read' }, ses: true, workflows: ['*'] },
  timeoutSeconds: 10,
});
