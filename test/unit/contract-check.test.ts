import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#shared/openapi-document.ts';
import { contractCheck } from '../support/contract.ts';

/** The independent check every API and e2e test runs on each response (test/support/contract.ts). */
const check = contractCheck(openApiDocument as never);
const url = (path: string) => `http://127.0.0.1:3000${path}`;
const json = (extra: Record<string, string> = {}) =>
  new Headers({ 'content-type': 'application/json; charset=utf-8', ...extra });
const problemJson = new Headers({ 'content-type': 'application/problem+json' });
const captcha = { id: 'c1', image: '<svg/>', expiresInSeconds: 120 };
const problem = { type: 'urn:x', title: 'Conflit', status: 409, code: 'x', detail: 'Déjà là.' };

describe('the contract check of test responses', () => {
  it('accepts a response the document declares', () => {
    expect(() =>
      check('POST', url('/v1/captchas'), 201, json({ location: '/v1/captchas/c1' }), captcha),
    ).not.toThrow();
  });

  it('refuses an undeclared member, a missing Location, an undeclared status or media type', () => {
    const location = json({ location: '/v1/captchas/c1' });
    expect(() => check('POST', url('/v1/captchas'), 201, location, { ...captcha, extra: 1 })).toThrow(
      /must NOT have additional properties/,
    );
    expect(() => check('POST', url('/v1/captchas'), 201, json(), captcha)).toThrow(/lacks header Location/);
    expect(() => check('POST', url('/v1/captchas'), 418, problemJson, problem)).toThrow(
      /not a declared status/,
    );
    expect(() => check('POST', url('/v1/captchas'), 503, json(), { ...problem, status: 503 })).toThrow(
      /declared application\/problem\+json/,
    );
  });

  it('knows each route’s problem extensions: dossierNumber on the advance conflict, not on the balance form', () => {
    const advanceConflict = { ...problem, dossierNumber: 'FINMSS000001' };
    expect(() => check('POST', url('/v1/funding/advance'), 409, problemJson, advanceConflict)).not.toThrow();
    expect(() => check('GET', url('/v1/funding/advance'), 409, problemJson, advanceConflict)).toThrow(
      /additional properties/,
    );
  });

  it('prefers a literal path to a template (steps/bank is saveBankStep, not the reset of a step)', () => {
    const path = url('/v1/enrolments/00000000-0000-0000-0000-000000000000/steps/bank');
    expect(() => check('PUT', path, 200, json(), {})).toThrow(/saveBankStep/);
  });
});
