import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The route a DynamoDB call is made for, while `npm run bench` counts calls: the local gateway
 * runs the authorizer and the handler inside it, so workflow tasks (same process, possibly
 * overlapping a measured request) are told apart.
 */
export const callOrigin = new AsyncLocalStorage<string>();

/** Runs `work` as made for `routeId` (a plain call unless calls are being counted). */
export const withOrigin = <T>(routeId: string, work: () => Promise<T>): Promise<T> =>
  process.env.COUNT_DYNAMODB_CALLS === 'true' ? callOrigin.run(routeId, work) : work();

/** The origin of the authorizer's calls made for `routeId` (its session lookup, counted apart). */
export const authorizerOrigin = (routeId: string) => `${routeId}#authorizer`;
