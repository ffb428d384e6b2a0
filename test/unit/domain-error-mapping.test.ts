import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  ExpiredError,
  ForbiddenError,
  InvalidDataError,
  LockedError,
  MalformedRequestError,
  NotFoundError,
  TooManyRequestsError,
  UnauthenticatedError,
  UnavailableError,
} from '#shared/errors.ts';
import { asProblem } from '#shared/http/domain-error-mapping.ts';
import { ProblemError } from '#shared/http/problem.ts';
import { TASK_ERRORS, toTaskError } from '#shared/workflows/errors.ts';

describe('domain errors at the HTTP edge', () => {
  it.each([
    [new MalformedRequestError('c', 'm'), 400],
    [new UnauthenticatedError('c', 'm'), 401],
    [new ForbiddenError('c', 'm'), 403],
    [new NotFoundError('c', 'm'), 404],
    [new ConflictError('c', 'm'), 409],
    [new ExpiredError('c', 'm'), 410],
    [new InvalidDataError('c', 'm'), 422],
    [new LockedError('c', 'm'), 423],
    [new TooManyRequestsError('c', 'm'), 429],
    [new UnavailableError('c', 'm'), 503],
  ])('%s answers %i', (error, status) => {
    expect(asProblem(error)).toMatchObject({ status, code: 'c', message: 'm' });
  });

  it('keeps the fields, the extension members and the Retry-After', () => {
    const error = new ConflictError('document_scan_pending', 'Analyse en cours.', {
      errors: [{ path: 'body.kbis', message: 'Analyse en cours.' }],
      extensions: { expectedVersion: 3 },
      retryAfterSeconds: 5,
    });
    const problem = asProblem(error) as ProblemError;
    expect(problem.headers).toEqual({ 'Retry-After': '5' });
    expect(problem.toBody('r1')).toEqual({
      type: 'urn:segur-mss:problem:document_scan_pending',
      title: 'Conflit',
      status: 409,
      code: 'document_scan_pending',
      detail: 'Analyse en cours.',
      errors: [{ path: 'body.kbis', message: 'Analyse en cours.' }],
      expectedVersion: 3,
      requestId: 'r1',
    });
  });

  it('passes any other error through', () => {
    const problem = new ProblemError(413, 'payload_too_large', 'Trop gros.');
    const unexpected = new TypeError('x');
    expect(asProblem(problem)).toBe(problem);
    expect(asProblem(unexpected)).toBe(unexpected);
  });
});

describe('domain errors in workflow tasks', () => {
  it('a missing owner or a refused state is permanent, its message kept', () => {
    expect(toTaskError(new NotFoundError('dossier_not_found', 'Dossier D1 introuvable.'))).toMatchObject({
      name: TASK_ERRORS.invalidInput,
      message: 'Dossier D1 introuvable.',
    });
    expect(toTaskError(new InvalidDataError('enrolment_not_validated', 'Non validée.')).name).toBe(
      'Task.InvalidInput',
    );
  });

  it('a conflict or an unavailable dependency is retried, its message replaced by its name', () => {
    expect(toTaskError(new ConflictError('stale_version', 'Modifiée entre-temps.'))).toMatchObject({
      name: 'Task.Failed',
      message: "Échec technique de l'étape (ConflictError).",
    });
    expect(toTaskError(new UnavailableError('funding_call_unavailable', 'x')).name).toBe('Task.Failed');
  });
});
