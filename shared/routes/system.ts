import * as z from 'zod/mini';
import { problemResponses } from './schemas.ts';
import { defineRoute } from './types.ts';

const serviceStatus = z.object({
  status: z.enum(['ok', 'down']),
  latencyMs: z.number(),
  detail: z.optional(z.string()),
});

const healthStatus = z.enum(['ok', 'degraded']);
const healthSchema = z.object({ status: healthStatus, services: z.object({ dynamodb: serviceStatus }) });

export const healthRoute = defineRoute({
  id: 'getHealth',
  method: 'GET',
  path: '/v1/health',
  handler: 'functions/system/health.ts',
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

const deepHealthSchema = z.object({
  status: healthStatus,
  services: z.object({
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

export const systemRoutes = [healthRoute, deepHealthRoute, openApiRoute];
