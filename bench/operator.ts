import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPOSITORY_ROOT } from '#infra/bundling.ts';
import type { Call } from './scenarios.ts';

/** Loaded by path at run time: the bench must type-check before the modules it drives have landed. */
const load = (path: string) => import(pathToFileURL(join(REPOSITORY_ROOT, path)).href);

/**
 * A logged-in operator whose enrolment is validated, as the advance scenarios need: the enrolment
 * is stored as the instruction leaves it and the account goes through its real first login
 * (temporary password, password change, secret question) with the test-support helpers the
 * accounts and funding tests use. Returns the session's Authorization header.
 */
export async function validatedOperator(call: Call): Promise<Record<string, string>> {
  const { validatedEnrolment, testSiret } = await load('test/support/operators.ts');
  const { createEnrolment } = await load('shared/enrolment/repository.ts');
  const { activeOperator } = await load('test/support/accounts.ts');
  const enrolment = validatedEnrolment({ siret: testSiret(), regime: 'TTC_20' });
  await createEnrolment(enrolment);
  const api = {
    post: (path: string, body?: unknown, headers?: Record<string, string>) =>
      call({ method: 'POST', path, body, ...(headers ? { headers } : {}) }),
    put: (path: string, body?: unknown, headers?: Record<string, string>) =>
      call({ method: 'PUT', path, body, ...(headers ? { headers } : {}) }),
  };
  const { token } = await activeOperator({ api }, enrolment);
  return { authorization: `Bearer ${token}` };
}
