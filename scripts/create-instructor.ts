import { parseArgs } from 'node:util';

/**
 * Admin command: creates an ASP instructor account and emails its credentials (identifier and
 * temporary password, in two separate emails), like an operator's.
 *
 *   TABLE_NAME=… SENDER_EMAIL=… PORTAL_URL=… [AWS_PROFILE=…] \
 *     npm run admin:create-instructor -- --identifier prenom.nom --email prenom.nom@asp.gouv.fr
 *
 * `--print-password` prints the temporary password on this terminal instead of emailing it
 * (offline use, or no SES): it is never written to a log. Re-running for an existing instructor
 * does nothing unless `--reissue` is given (a new temporary password, e.g. when lost).
 */
const { values } = parseArgs({
  options: {
    identifier: { type: 'string' },
    email: { type: 'string' },
    'print-password': { type: 'boolean', default: false },
    reissue: { type: 'boolean', default: false },
  },
});

const identifier = values.identifier?.trim().toLowerCase() ?? '';
const email = values.email?.trim() ?? '';
if (!/^[a-z0-9]+([.-][a-z0-9]+)*$/.test(identifier) || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
  console.error(
    'Usage : npm run admin:create-instructor -- --identifier prenom.nom --email adresse@exemple.fr [--print-password] [--reissue]',
  );
  process.exit(2);
}

const { createInstructorAccount, issueTemporaryPasswordAndSend } = await import(
  '#shared/accounts/provisioning.ts'
);
const { identifierEmail, temporaryPasswordEmail } = await import('#shared/accounts/emails.ts');
const portalUrl = process.env.PORTAL_URL ?? 'http://localhost:5173';

const account = await createInstructorAccount({ identifier, email });
const send = async (password: string, expiresAt: string) => {
  if (values['print-password']) {
    console.log(`Mot de passe provisoire (à changer à la première connexion) : ${password}`);
    return;
  }
  const { sendEmail } = await import('#shared/email/send.ts');
  await sendEmail(account.email, identifierEmail({ identifier: account.identifier, portalUrl }));
  await sendEmail(account.email, temporaryPasswordEmail({ password, expiresAt, portalUrl }));
};
const outcome = await issueTemporaryPasswordAndSend(account.id, send, { force: values.reissue });
console.log(
  outcome.issued
    ? `Compte instructeur « ${account.identifier} » prêt ; mot de passe provisoire valable jusqu'au ${outcome.expiresAt}.`
    : `Le compte instructeur « ${account.identifier} » existe déjà et est actif (--reissue pour un nouveau mot de passe).`,
);
