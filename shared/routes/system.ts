import * as z from 'zod/mini';
import { defineRoute } from './types.ts';

export const serviceStatus = z.strictObject({
  status: z.enum(['ok', 'down']),
  latencyMs: z.number(),
  detail: z.optional(z.string()),
});

export const healthStatus = z.enum(['ok', 'degraded']);
const healthSchema = z.strictObject({
  status: healthStatus,
  services: z.strictObject({ dynamodb: serviceStatus }),
});

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
