import * as z from 'zod/mini';
import { defineRoute } from './types.ts';

const serviceStatus = z.object({
  status: z.enum(['ok', 'down']),
  latencyMs: z.number(),
  detail: z.optional(z.string()),
});

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  services: z.object({
    dynamodb: serviceStatus,
    s3: serviceStatus,
    ses: serviceStatus,
    stepfunctions: serviceStatus,
  }),
});

export const healthRoute = defineRoute({
  id: 'getHealth',
  method: 'GET',
  path: '/v1/health',
  handler: 'functions/system/health.ts',
  access: 'public',
  summary: 'État du service et joignabilité de chaque service AWS utilisé',
  tags: ['Système'],
  responses: {
    200: { description: 'Tous les services répondent', schema: healthSchema },
    503: { description: 'Au moins un service ne répond pas', schema: healthSchema },
  },
  permissions: { table: 'read', bucket: { prefixes: [], access: 'read' }, ses: true, workflows: ['*'] },
  timeoutSeconds: 10,
});

export const openApiRoute = defineRoute({
  id: 'getOpenApi',
  method: 'GET',
  path: '/openapi.json',
  handler: 'functions/system/openapi.ts',
  access: 'public',
  summary: 'Description OpenAPI 3.1 de cette API',
  tags: ['Système'],
  responses: { 200: { description: 'Le document OpenAPI' } },
});

export const systemRoutes = [healthRoute, openApiRoute];
