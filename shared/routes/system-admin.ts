import * as z from 'zod/mini';
import { problemResponses } from './schemas.ts';
import { healthStatus, serviceStatus } from './system.ts';
import { defineRoute } from './types.ts';

/**
 * The deep health probe, for instructors: its own module so that the public system routes'
 * bundles (health, OpenAPI) keep no problem schemas.
 */
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
  handler: 'functions/system/deep-health.ts',
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

export const systemAdminRoutes = [deepHealthRoute];
