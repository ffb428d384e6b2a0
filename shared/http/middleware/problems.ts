import { logger } from '../../logger.ts';
import { ProblemError } from '../problem.ts';
import type { HttpMiddleware } from './types.ts';

/** Turns a failure into the problem the client gets, or undefined for an unexpected one (a 500). */
export type ProblemMapping = (error: unknown) => ProblemError | undefined;

export const asProblem: ProblemMapping = (error) => (error instanceof ProblemError ? error : undefined);

export const internalError = () =>
  new ProblemError(500, 'internal_error', 'Une erreur inattendue est survenue. Réessayez plus tard.');

/**
 * Middleware: any failure of the inner middlewares or the use case becomes a problem+json result;
 * an unexpected one is logged (its type and stack, no payload) and answered as a generic 500.
 */
export const problemErrors = (toProblem: ProblemMapping): HttpMiddleware => ({
  onError: (request) => {
    const { requestId } = request.context.route;
    const problem = toProblem(request.error);
    if (problem) {
      if (problem.status >= 500) logger.error('Request failed', { code: problem.code });
      request.response = {
        status: problem.status,
        body: problem.toBody(requestId),
        headers: problem.headers,
      };
      return;
    }
    const error = request.error as Error | null;
    logger.error('Unhandled error', { errorName: error?.name, stack: error?.stack });
    request.response = { status: 500, body: internalError().toBody(requestId) };
  },
});
