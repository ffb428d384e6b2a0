import { httpHandler } from '#shared/http/handler.ts';
import { healthResponse, probeTable } from '#shared/system/probe.ts';
import { healthRoute } from './route.ts';

/**
 * Public liveness: one eventually consistent GetItem, nothing else. Load balancers and uptime
 * checks may call it often; the probe of every dependency (SES's GetSendQuota allows one call per
 * second) is the instructors' `GET /v1/admin/health`.
 */
export const handler = httpHandler(healthRoute, async () => healthResponse({ dynamodb: await probeTable() }));
