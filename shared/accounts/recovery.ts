import { setTimeout as sleep } from 'node:timers/promises';
import { nowSeconds } from '../clock.ts';
import { ExpiredError, invalidField } from '../errors.ts';
import { logger } from '../logger.ts';
import { forgottenIdentifierEmail, passwordResetEmail } from './emails.ts';
import { normaliseEmail, normaliseIdentifier, normaliseSecretAnswer } from './model.ts';
import { PASSWORD_RULE_MESSAGES } from './password-policy.ts';
import { consumeRateLimit, limitFromEnv, subjectOf } from './rate-limit.ts';
import { findAccountByIdentifier, findAccountsByEmail, getAccount, getCredentials } from './repository.ts';
import {
  claimAnswerCheck,
  consumePasswordReset,
  getPasswordReset,
  putPasswordReset,
  releaseAnswerCheck,
  voidPasswordReset,
} from './reset-repository.ts';
import { verifySecret } from './secret-hash.ts';
import { assertAcceptablePassword, storeNewPassword } from './security-settings.ts';
import { hashToken, newSessionToken } from './session-token.ts';
import { revokeAllSessions } from './sessions.ts';

/** A reset link is valid 30 minutes, once; 3 wrong secret answers void it. */
const RESET_TOKEN_MINUTES = 30;
const MAX_ANSWER_ATTEMPTS = 3;
/**
 * Both recovery requests answer no sooner than this, whether or not an account exists (and an
 * email is sent): the response time does not reveal which identifiers or emails are known.
 */
const RECOVERY_RESPONSE_FLOOR_MS = 600;

/** Per source: 10 recovery requests per 15 minutes; per target (email or identifier): 3 per hour. */
const SOURCE_LIMIT = limitFromEnv(
  'recovery-source',
  { limit: 10, windowSeconds: 900 },
  process.env.RECOVERY_SOURCE_LIMIT,
);
const TARGET_LIMIT = limitFromEnv(
  'recovery-target',
  { limit: 3, windowSeconds: 3600 },
  process.env.RECOVERY_TARGET_LIMIT,
);
const THROTTLED = 'Trop de demandes de récupération : réessayez plus tard.';

const RECOVERY_ACCEPTED = {
  message:
    'Si un compte correspond aux informations saisies, un courriel vient de vous être envoyé. Pensez à vérifier vos courriels indésirables.',
};

async function withResponseFloor<T>(run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await run();
  } finally {
    const remaining = RECOVERY_RESPONSE_FLOOR_MS - (Date.now() - started);
    if (remaining > 0) await sleep(remaining);
  }
}

/**
 * Sends a recovery email without letting a failure show: an error only for known accounts
 * would reveal them. The failure is logged (no address) for the operations team.
 */
async function sendQuietly(send: () => Promise<unknown>, kind: string): Promise<void> {
  try {
    await send();
  } catch (error) {
    logger.error('Recovery email not sent', { kind, errorName: (error as Error)?.name });
  }
}

async function throttle(kind: string, target: string, sourceIp: string) {
  await consumeRateLimit(SOURCE_LIMIT, sourceIp, THROTTLED);
  await consumeRateLimit(TARGET_LIMIT, `${kind}#${subjectOf(target)}`, THROTTLED);
}

/** "J'ai oublié mon identifiant": the identifier(s) of the email address, by email. */
export async function recoverIdentifier(
  emailInput: string,
  sourceIp: string,
  send: (to: string, email: ReturnType<typeof forgottenIdentifierEmail>) => Promise<unknown>,
  portalUrl: string,
) {
  return withResponseFloor(async () => {
    const email = normaliseEmail(emailInput);
    await throttle('email', email, sourceIp);
    const accounts = (await findAccountsByEmail(email)).filter((account) => account.status === 'ACTIVE');
    if (accounts.length > 0) {
      const identifiers = accounts.map((account) => account.identifier);
      await sendQuietly(
        () => send(email, forgottenIdentifierEmail({ identifiers, portalUrl })),
        'identifier',
      );
    }
    logger.info('Identifier recovery requested', { matched: accounts.length });
    return RECOVERY_ACCEPTED;
  });
}

/** "J'ai oublié mon mot de passe", step 1: an emailed single-use link. */
export async function requestPasswordReset(
  identifierInput: string,
  sourceIp: string,
  send: (to: string, email: ReturnType<typeof passwordResetEmail>) => Promise<unknown>,
  portalUrl: string,
) {
  return withResponseFloor(async () => {
    const identifier = normaliseIdentifier(identifierInput);
    await throttle('identifier', identifier, sourceIp);
    const account = await findAccountByIdentifier(identifier);
    if (account?.status === 'ACTIVE') {
      const token = newSessionToken();
      await putPasswordReset(hashToken(token), {
        accountId: account.id,
        answerAttempts: 0,
        expiresAt: nowSeconds() + RESET_TOKEN_MINUTES * 60,
      });
      const email = passwordResetEmail({ token, validityMinutes: RESET_TOKEN_MINUTES, portalUrl });
      await sendQuietly(() => send(account.email, email), 'passwordReset');
    }
    logger.info('Password reset requested', { matched: account ? 1 : 0 });
    return RECOVERY_ACCEPTED;
  });
}

const invalidToken = () =>
  new ExpiredError(
    'reset_token_invalid',
    'Ce lien de réinitialisation est invalide, a déjà servi ou a expiré. Faites une nouvelle demande.',
  );

async function readReset(token: string) {
  const record = await getPasswordReset(hashToken(token));
  const account = record ? await getAccount(record.accountId) : undefined;
  if (!record || !account || account.status !== 'ACTIVE') throw invalidToken();
  return { account };
}

/** Step 2: the secret question to show with the reset form (null when none was set yet). */
export async function resetQuestion(token: string): Promise<{ secretQuestion: string | null }> {
  const { account } = await readReset(token);
  return { secretQuestion: account.secretQuestion ?? null };
}

/**
 * Verifies the secret answer on one of the link's MAX_ANSWER_ATTEMPTS checks, claimed first (a
 * conditional write), so a burst of guesses sent at once gets no more checks than guesses sent
 * one by one. The last wrong answer voids the link.
 */
async function checkSecretAnswer(token: string, answer: string, answerHash: string): Promise<void> {
  const tokenHash = hashToken(token);
  const claimed = await claimAnswerCheck(tokenHash, MAX_ANSWER_ATTEMPTS);
  if (claimed === undefined) throw invalidToken();
  if (await verifySecret(answer, answerHash)) return releaseAnswerCheck(tokenHash);
  const last = claimed >= MAX_ANSWER_ATTEMPTS;
  if (last) await voidPasswordReset(tokenHash);
  throw invalidField(
    'body.secretAnswer',
    last
      ? 'Réponse à la question secrète incorrecte. Ce lien est désormais invalide : faites une nouvelle demande.'
      : 'Réponse à la question secrète incorrecte.',
    'secret_answer_incorrect',
  );
}

/** Consumes the link once: a conditional delete, so two concurrent uses cannot both succeed. */
async function consumeToken(token: string): Promise<void> {
  if (!(await consumePasswordReset(hashToken(token)))) throw invalidToken();
}

/**
 * Step 3: secret answer + new password. Success ends every session and lifts the login lock.
 * An account that never set its secret question (temporary password lost or expired) is reset
 * with the emailed link alone; it will set the question at its next login.
 */
export async function resetPassword(
  input: { token: string; secretAnswer?: string; newPassword: string; confirmation: string },
  sourceIp: string,
): Promise<void> {
  await consumeRateLimit(SOURCE_LIMIT, sourceIp, THROTTLED);
  const { account } = await readReset(input.token);
  if (account.secretAnswerHash) {
    const answer = normaliseSecretAnswer(input.secretAnswer ?? '');
    if (!answer) throw invalidField('body.secretAnswer', 'La réponse à la question secrète est obligatoire.');
    await checkSecretAnswer(input.token, answer, account.secretAnswerHash);
  }
  assertAcceptablePassword({
    password: input.newPassword,
    confirmation: input.confirmation,
    identifier: account.identifier,
    path: 'body.newPassword',
    confirmationPath: 'body.confirmation',
  });
  const credentials = await getCredentials(account.identifier);
  if (
    credentials?.passwordHash &&
    !credentials.passwordIsTemporary &&
    (await verifySecret(input.newPassword, credentials.passwordHash))
  )
    throw invalidField('body.newPassword', PASSWORD_RULE_MESSAGES.differentFromPrevious, 'password_policy');
  await consumeToken(input.token);
  // One write on the Credentials: the new password, and the login lock lifted.
  await storeNewPassword(account.identifier, input.newPassword);
  await revokeAllSessions(account.id);
  logger.info('Password reset', { accountId: account.id });
}
