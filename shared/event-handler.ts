import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from './logger.ts';

/**
 * The wrapper of the functions that are not behind API Gateway (workflow tasks, the scan-result
 * and SES-event handlers): as in the HTTP chain, Powertools puts the Lambda context (cold start,
 * request id, function name) on every log line and resets it between invocations, so a line
 * always names the function that wrote it. No early timeout: Lambda stops a late run itself.
 * The context is optional for direct calls (tests, scripts), as middy defaults it.
 */
export const eventHandler = <E, R>(run: (event: E) => Promise<R>) =>
  middy<E, R>({ timeoutEarlyInMillis: 0 })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(run) as unknown as (event: E, context?: Context) => Promise<R>;
