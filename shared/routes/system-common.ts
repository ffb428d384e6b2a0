import * as z from 'zod/mini';

/** The health routes' statuses (GET /v1/health, GET /v1/admin/health). */
export const serviceStatus = z.strictObject({
  status: z.enum(['ok', 'down']),
  latencyMs: z.number(),
  detail: z.optional(z.string()),
});

export const healthStatus = z.enum(['ok', 'degraded']);
