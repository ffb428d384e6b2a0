import {
  ConflictError,
  type DomainError,
  ExpiredError,
  ForbiddenError,
  InvalidDataError,
  LockedError,
  MalformedRequestError,
  NotFoundError,
  TooManyRequestsError,
  UnauthenticatedError,
  UnavailableError,
} from '../errors.ts';
import { ProblemError } from './problem.ts';

type DomainErrorClass = abstract new (...args: never[]) => DomainError;

/** The HTTP status of each domain error; the code, message, fields and extensions pass as they are. */
const STATUSES: ReadonlyArray<readonly [DomainErrorClass, number]> = [
  [MalformedRequestError, 400],
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [ExpiredError, 410],
  [InvalidDataError, 422],
  [LockedError, 423],
  [TooManyRequestsError, 429],
  [UnavailableError, 503],
];

/** The problem+json a domain error answers with; any other error is returned as it is. */
export function asProblem<E>(error: E): ProblemError | E {
  const status = STATUSES.find(([type]) => error instanceof type)?.[1];
  if (status === undefined) return error;
  const domainError = error as DomainError;
  const retryAfter = domainError.retryAfterSeconds;
  return new ProblemError(status, domainError.code, domainError.message, {
    ...(domainError.errors ? { errors: domainError.errors } : {}),
    extensions: domainError.extensions,
    ...(retryAfter !== undefined ? { headers: { 'Retry-After': String(retryAfter) } } : {}),
  });
}
