import * as z from 'zod/mini';
import { defineRoute } from '#shared/routes/types.ts';

export const openApiRoute = defineRoute({
  id: 'getOpenApi',
  method: 'GET',
  path: '/openapi.json',
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
