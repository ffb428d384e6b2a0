/**
 * The errors use cases throw, named for what went wrong in the domain, not for a protocol: the
 * HTTP edge maps them to problem+json (shared/http/domain-error-mapping.ts), workflow tasks to
 * Step Functions error names (shared/workflows/errors.ts). Each carries a stable machine `code`
 * and a French message a person can read as is.
 */

/** One offending field: its dotted path (e.g. `body.representant.email`) and a French message. */
export interface FieldError {
  path: string;
  message: string;
}

export interface DomainErrorOptions {
  /** The offending fields, each named by its path. */
  errors?: FieldError[];
  /** Extra members the caller reads (e.g. `expectedVersion`, `retryAfterSeconds`). */
  extensions?: Record<string, unknown>;
  /** When trying again may succeed (the HTTP edge sends it as Retry-After). */
  retryAfterSeconds?: number;
}

/** Each class names itself (bundles are minified: a class's own name would not survive). */
export type DomainErrorName =
  | 'MalformedRequestError'
  | 'UnauthenticatedError'
  | 'ForbiddenError'
  | 'NotFoundError'
  | 'ConflictError'
  | 'ExpiredError'
  | 'InvalidDataError'
  | 'LockedError'
  | 'TooManyRequestsError'
  | 'UnavailableError';

export abstract class DomainError extends Error {
  abstract override readonly name: DomainErrorName;
  readonly code: string;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: string, message: string, options: DomainErrorOptions = {}) {
    super(message);
    this.code = code;
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** The request itself is unusable (a pagination cursor that does not decode). */
export class MalformedRequestError extends DomainError {
  override readonly name = 'MalformedRequestError';
}
/** No valid session or credential: the caller must (re)authenticate. */
export class UnauthenticatedError extends DomainError {
  override readonly name = 'UnauthenticatedError';
}
/** The caller is known but may not do this. */
export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
}
/** The thing named does not exist (or no longer does, for this caller). */
export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
}
/** The current state forbids the change (already exists, stale version, closed window…). */
export class ConflictError extends DomainError {
  override readonly name = 'ConflictError';
}
/** A one-time capability (a reset link) that has expired or already served. */
export class ExpiredError extends DomainError {
  override readonly name = 'ExpiredError';
}
/** The data breaks a rule of the domain; `errors` names the fields. */
export class InvalidDataError extends DomainError {
  override readonly name = 'InvalidDataError';
}
/** The account is locked for a while after too many failures. */
export class LockedError extends DomainError {
  override readonly name = 'LockedError';
}
/** Too many attempts: try again after `retryAfterSeconds`. */
export class TooManyRequestsError extends DomainError {
  override readonly name = 'TooManyRequestsError';
}
/** A dependency (a directory, a configuration) is unavailable: try again later. */
export class UnavailableError extends DomainError {
  override readonly name = 'UnavailableError';
}

export const notFound = (code: string, message: string) => new NotFoundError(code, message);

export const conflict = (code: string, message: string, extensions?: Record<string, unknown>) =>
  new ConflictError(code, message, extensions ? { extensions } : {});

export const invalidData = (message: string, errors: FieldError[], code = 'validation_failed') =>
  new InvalidDataError(code, message, { errors });

export const unauthenticated = (message = 'Vous devez vous connecter pour accéder à cette ressource.') =>
  new UnauthenticatedError('unauthorized', message);

/** One invalid field, named in `errors` with the guide's label in the message. */
export const invalidField = (path: string, message: string, code = 'validation_failed') =>
  new InvalidDataError(code, message, { errors: [{ path, message }] });

export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new TooManyRequestsError('too_many_requests', message, {
    retryAfterSeconds,
    extensions: { retryAfterSeconds },
  });
