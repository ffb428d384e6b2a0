import { DomainError, type DomainErrorName } from '../errors.ts';
import { ProblemError } from './problem.ts';

/** The HTTP status of each domain error; the code, message, fields and extensions pass as they are. */
const STATUSES: Record<DomainErrorName, number> = {
  MalformedRequestError: 400,
  UnauthenticatedError: 401,
  ForbiddenError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  ExpiredError: 410,
  InvalidDataError: 422,
  LockedError: 423,
  TooManyRequestsError: 429,
  UnavailableError: 503,
};

/** The problem+json a domain error answers with; any other error is returned as it is. */
export function asProblem<E>(error: E): ProblemError | E {
  if (!(error instanceof DomainError)) return error;
  const retryAfter = error.retryAfterSeconds;
  return new ProblemError(STATUSES[error.name], error.code, error.message, {
    errors: error.errors,
    extensions: error.extensions,
    headers: retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) },
  });
}
