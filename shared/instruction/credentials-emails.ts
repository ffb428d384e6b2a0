import { identifierEmail, temporaryPasswordEmail } from '../accounts/emails.ts';
import type { Account } from '../accounts/model.ts';
import { issueTemporaryPasswordAndSend } from '../accounts/provisioning.ts';
import { getAccount, getCredentials } from '../accounts/repository.ts';
import { portalUrl } from '../email/portal.ts';
import { isEmailSent, sendRecordedEmail } from '../email/recorded-send.ts';
import type { ComposedEmail } from '../enrolment/emails.ts';
import { contactOf, type Enrolment } from '../enrolment/model.ts';
import { NotFoundError } from '../errors.ts';
import { loadValidated } from './operator-account.ts';

/**
 * The credentials part of the validation workflow: the operator account, then the identifier
 * and the temporary password in two separate emails (ASP practice). The password is made by the
 * task that emails it, so it never enters the execution's input, output or history.
 */
export const IDENTIFIER_EMAIL = 'operatorIdentifier';
const TEMPORARY_PASSWORD_EMAIL = 'operatorTemporaryPassword';

async function accountOf(enrolment: Enrolment): Promise<Account> {
  const account = enrolment.accountId ? await getAccount(enrolment.accountId) : undefined;
  if (!account)
    throw new NotFoundError(
      'operator_account_not_found',
      `Aucun compte opérateur pour la demande ${enrolment.id}.`,
    );
  return account;
}

/** The enrolment's contact, whom the credentials emails greet by name. */
function recipientOf(enrolment: Enrolment): { recipient?: { prenom: string; nom: string } } {
  const contact = contactOf(enrolment);
  return contact ? { recipient: { prenom: contact.prenom, nom: contact.nom } } : {};
}

/** An operator already using the portal (a later enrolment of its SIRET) keeps its credentials. */
async function hasOwnPassword(account: Account): Promise<boolean> {
  const credentials = await getCredentials(account.identifier);
  return credentials !== undefined && !credentials.passwordIsTemporary && Boolean(credentials.passwordHash);
}

export async function composeIdentifier(enrolmentId: string): Promise<ComposedEmail | undefined> {
  const enrolment = await loadValidated(enrolmentId);
  const account = await accountOf(enrolment);
  if (await hasOwnPassword(account)) return undefined;
  return {
    to: account.email,
    rendered: identifierEmail({
      identifier: account.identifier,
      portalUrl,
      ...(enrolment.number ? { enrolmentNumber: enrolment.number } : {}),
      ...(enrolment.applicant ? { denominationSociale: enrolment.applicant.denominationSociale } : {}),
      ...recipientOf(enrolment),
    }),
  };
}

/**
 * Issues the temporary password and emails it, once per occurrence: a retry after a delivered
 * email does nothing; a retry after a failed send issues a new password (the undelivered one is
 * replaced). An operator already using its own password keeps it (a later enrolment).
 */
export async function sendTemporaryPassword(enrolmentId: string, occurrence: string) {
  const owner = { kind: 'enrolment' as const, id: enrolmentId };
  if (await isEmailSent(owner, TEMPORARY_PASSWORD_EMAIL, occurrence)) return { issued: false };
  const enrolment = await loadValidated(enrolmentId);
  const account = await accountOf(enrolment);
  const outcome = await issueTemporaryPasswordAndSend(account.id, async (password, expiresAt) => {
    await sendRecordedEmail({
      owner,
      emailType: TEMPORARY_PASSWORD_EMAIL,
      occurrence,
      compose: async () => ({
        to: account.email,
        rendered: temporaryPasswordEmail({ password, expiresAt, portalUrl, ...recipientOf(enrolment) }),
      }),
    });
  });
  return { issued: outcome.issued };
}
