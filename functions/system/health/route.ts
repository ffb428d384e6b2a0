import * as z from 'zod/mini';
import { healthStatus, serviceStatus } from '#shared/routes/system-common.ts';
import { defineRoute } from '#shared/routes/types.ts';

const healthSchema = z.strictObject({
  status: healthStatus,
  services: z.strictObject({ dynamodb: serviceStatus }),
});

export const healthRoute = defineRoute({
  id: 'getHealth',
  method: 'GET',
  path: '/v1/health',
  access: 'public',
  summary: 'État du service : la base de données répond (une lecture, rien d’autre)',
  tags: ['Système'],
  responses: {
    200: { description: 'La base de données répond', schema: healthSchema },
    503: { description: 'La base de données ne répond pas', schema: healthSchema },
  },
  permissions: { table: 'read' },
  timeoutSeconds: 5,
});
