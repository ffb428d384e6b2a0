import * as z from 'zod/mini';
import { defineRoute } from './types.ts';

const serviceStatus = z.strictObject({
  status: z.enum(['ok', 'down']),
  latencyMs: z.number(),
  detail: z.optional(z.string()),
});

const healthSchema = z.strictObject({
  status: z.enum(['ok', 'degraded']),
  services: z.strictObject({
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
  responses: {
    200: {
      description: 'Le document OpenAPI (la spécification OpenAPI 3.1 en décrit le format)',
      // Described by the OpenAPI 3.1 specification itself, not restated here.
      schema: z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }),
    },
  },
});

export const systemRoutes = [healthRoute, openApiRoute];
