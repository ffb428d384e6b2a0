import type { RouteDefinition } from '#shared/routes/types.ts';

/** Memory and timeout of a function whose route or task sets none (CDK, and the local gateway's timeouts). */
export const FUNCTION_DEFAULTS = {
  route: { memoryMb: 512, timeoutSeconds: 10 },
  task: { memoryMb: 512, timeoutSeconds: 30 },
};

/** API Gateway stops waiting for an integration after 30 s. */
const MAX_ROUTE_TIMEOUT_SECONDS = 29;

/** The timeout of a route's function, as deployed and as the local gateway enforces it. */
export const routeTimeoutSeconds = (route: RouteDefinition): number =>
  Math.min(route.timeoutSeconds ?? FUNCTION_DEFAULTS.route.timeoutSeconds, MAX_ROUTE_TIMEOUT_SECONDS);
