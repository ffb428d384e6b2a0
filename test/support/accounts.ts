import { DEMO_INSTRUCTOR } from '#infra/local/demo-data.ts';
import type { Enrolment } from '#shared/enrolment/model.ts';
import type { TestCloud } from './harness.ts';

/**
 * Test helpers for logged-in callers. Import dynamically, after the local cloud has started.
 */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Logs in through the API and returns the session token (fails the test otherwise). */
export async function loginAs(local: TestCloud, identifier: string, password: string): Promise<string> {
  const response = await local.api.post('/v1/sessions', { identifier, password });
  if (response.status !== 201)
    throw new Error(`Login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.token as string;
}

export async function loginAsDemoInstructor(local: TestCloud): Promise<string> {
  return loginAs(local, DEMO_INSTRUCTOR.identifier, DEMO_INSTRUCTOR.password);
}

/**
 * An operator ready to use the portal: its account is provisioned from `enrolment` (as the
 * validation workflow does), then the first login is done through the API (temporary password,
 * password change, secret question). Returns the identifier, password and a live token.
 */
export async function activeOperator(local: TestCloud, enrolment: Enrolment, password = 'Operateur-Test#42') {
  const { provisionOperatorAccount, issueTemporaryPasswordAndSend } = await import(
    '#shared/accounts/provisioning.ts'
  );
  const { accountId, identifier } = await provisionOperatorAccount(enrolment);
  let temporary = '';
  await issueTemporaryPasswordAndSend(accountId, async (clear) => {
    temporary = clear;
  });
  const first = await loginAs(local, identifier, temporary);
  const changed = await local.api.put(
    '/v1/me/password',
    { currentPassword: temporary, newPassword: password, confirmation: password },
    bearer(first),
  );
  if (changed.status !== 200) throw new Error(`Password change failed: ${JSON.stringify(changed.body)}`);
  const token = changed.body.token as string;
  const question = await local.api.put(
    '/v1/me/secret-question',
    { question: 'Ville de naissance de ma grand-mère ?', answer: 'Saint-Étienne' },
    bearer(token),
  );
  if (question.status !== 200) throw new Error(`Secret question failed: ${JSON.stringify(question.body)}`);
  return { accountId, identifier, password, token };
}

/** The identifier's credentials item as stored (lockout attributes included). */
export async function rawCredentials(identifier: string) {
  const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
  const { documentClient, tableName } = await import('#shared/storage/client.ts');
  const keys = await import('#shared/storage/keys.ts');
  return (
    await documentClient.send(new GetCommand({ TableName: tableName, Key: keys.credentials(identifier) }))
  ).Item;
}
