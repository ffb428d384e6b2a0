import { logger } from '../../logger.ts';
import { asProblem } from '../domain-error-mapping.ts';
import { ProblemError } from '../problem.ts';
import type { HttpMiddleware } from './types.ts';

export const internalError = () =>
  new ProblemError(500, 'internal_error', 'Une erreur inattendue est survenue. Réessayez plus tard.');

/**
 * Middleware: any failure of the inner middlewares or the use case (a ProblemError, or a domain
 * error that asProblem maps) becomes a problem+json result; an unexpected one is logged (its type
 * and stack, no payload) and answered as a generic 500.
 */
export const problemErrors = (): HttpMiddleware => ({
  onError: (request) => {
    const { requestId } = request.context.route;
    const problem = asProblem(request.error);
    if (problem instanceof ProblemError) {
      if (problem.status >= 500) logger.error('Request failed', { code: problem.code });
      request.response = {
        status: problem.status,
        body: problem.toBody(requestId),
        headers: problem.headers,
      };
      return;
    }
    const error = problem as Error | null;
    logger.error('Unhandled error', { errorName: error?.name, stack: error?.stack });
    request.response = { status: 500, body: internalError().toBody(requestId) };
  },
});
