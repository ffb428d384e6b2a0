import { nowIso, nowMs } from '../clock.ts';
import { conflict, InvalidDataError, invalidField, unauthenticated } from '../errors.ts';
import { logger } from '../logger.ts';
import { checkPassword } from './login.ts';
import {
  type Account,
  type Credentials,
  isSetUp,
  normaliseSecretAnswer,
  pendingSteps,
  type SetupStep,
} from './model.ts';
import { PASSWORD_RULE_MESSAGES, violatedPasswordRules } from './password-policy.ts';
import { getAccount, getCredentials, saveAccount, updateCredentials } from './repository.ts';
import { hashSecret } from './secret-hash.ts';
import {
  clearPasswordChangeRequired,
  type IssuedSession,
  openSession,
  revokeAllSessions,
} from './sessions.ts';

/** The account of a valid session; a session left by a deleted or disabled account is refused. */
export async function requireAccount(accountId: string): Promise<Account> {
  const account = await getAccount(accountId);
  if (account?.status !== 'ACTIVE') throw unauthenticated();
  return account;
}

/**
 * Rejects a new password that breaks the policy, naming every violated rule in errors[] (one
 * entry per rule, on `path`), or that differs from its confirmation.
 */
export function assertAcceptablePassword(input: {
  password: string;
  confirmation: string;
  identifier: string;
  previousPassword?: string;
  path: string;
  confirmationPath: string;
}): void {
  const rules = violatedPasswordRules(input.password, {
    identifier: input.identifier,
    ...(input.previousPassword !== undefined ? { previousPassword: input.previousPassword } : {}),
  });
  const errors = rules.map((rule) => ({ path: input.path, message: PASSWORD_RULE_MESSAGES[rule] }));
  if (input.password !== input.confirmation)
    errors.push({
      path: input.confirmationPath,
      message: 'La confirmation ne correspond pas au nouveau mot de passe.',
    });
  if (errors.length > 0) {
    const first = errors[0]?.message as string;
    // `violatedRules` names each rule for a front end that ticks them off (password-policy.ts).
    throw new InvalidDataError(
      'password_policy',
      errors.length === 1 ? first : `${first} (${errors.length} règles non respectées)`,
      { errors, extensions: { violatedRules: rules } },
    );
  }
}

/**
 * Checks the password of a logged-in account. It counts against the lockout like a login, so a
 * stolen session cannot be used to guess the password; a wrong one is a field error.
 */
async function verifyCurrentPassword(
  account: Account,
  password: string,
  sourceIp: string,
  message: string,
): Promise<Credentials> {
  return checkPassword(account.identifier, password, sourceIp).catch((error: unknown) => {
    if ((error as { code?: string }).code !== 'invalid_credentials') throw error;
    throw invalidField('body.currentPassword', message, 'invalid_current_password');
  });
}

/**
 * Stores a new permanent password (hash only) on the identifier's Credentials and lifts its
 * lockout state; `expectedHash`: only if the password is still the one just verified (409).
 */
export async function storeNewPassword(
  identifier: string,
  password: string,
  expectedHash?: string,
): Promise<Credentials> {
  const saved = await updateCredentials(identifier, {
    set: {
      passwordHash: await hashSecret(password),
      passwordIsTemporary: false,
      passwordChangedAt: nowIso(),
    },
    remove: ['temporaryPasswordExpiresAt'],
    clearLockout: true,
    bumpLoginSeq: true,
    ...(expectedHash ? { expect: { passwordHash: expectedHash } } : {}),
  });
  if (!saved)
    throw conflict(
      'stale_version',
      'Le mot de passe a été modifié entre-temps. Reconnectez-vous puis recommencez.',
    );
  return saved;
}

/**
 * "Changement du mot de passe" (first login or later): old password, new one and its
 * confirmation. Every session ends; a new one is returned.
 */
export async function changePassword(
  accountId: string,
  input: { currentPassword: string; newPassword: string; confirmation: string },
  sourceIp: string,
): Promise<IssuedSession> {
  const account = await requireAccount(accountId);
  assertAcceptablePassword({
    password: input.newPassword,
    confirmation: input.confirmation,
    identifier: account.identifier,
    previousPassword: input.currentPassword,
    path: 'body.newPassword',
    confirmationPath: 'body.confirmation',
  });
  const verified = await verifyCurrentPassword(
    account,
    input.currentPassword,
    sourceIp,
    "L'ancien mot de passe est incorrect.",
  );
  const saved = await storeNewPassword(account.identifier, input.newPassword, verified.passwordHash);
  await revokeAllSessions(accountId);
  logger.info('Password changed', { accountId });
  return openSession(saved, { sourceIp, origin: 'passwordChange', openedAtMs: nowMs() });
}

/**
 * "Positionnement de la question secrète": the answer is normalised (case, accents, spaces)
 * and hashed like a password. Replacing an existing question requires the password.
 */
export async function setSecretQuestion(
  accountId: string,
  token: string,
  input: { question: string; answer: string; currentPassword?: string },
  sourceIp: string,
): Promise<{ passwordChangeRequired: boolean; pendingSteps: SetupStep[] }> {
  const account = await requireAccount(accountId);
  const answer = normaliseSecretAnswer(input.answer);
  if (answer.length < 2)
    throw invalidField('body.answer', 'La réponse doit comporter au moins 2 caractères.');
  // Replacing a question (not during the first login) requires the password.
  const replacing =
    account.secretAnswerHash !== undefined &&
    (await getCredentials(account.identifier))?.passwordIsTemporary === false;
  if (replacing) {
    if (!input.currentPassword)
      throw invalidField(
        'body.currentPassword',
        'Le mot de passe est obligatoire pour changer la question secrète.',
      );
    await verifyCurrentPassword(account, input.currentPassword, sourceIp, 'Le mot de passe est incorrect.');
  }
  const saved = await saveAccount(account, {
    ...account,
    secretQuestion: input.question.trim(),
    secretAnswerHash: await hashSecret(answer),
  });
  // The login reads the first-login steps on the Credentials alone.
  const credentials = await updateCredentials(saved.identifier, { set: { secretQuestionSet: true } });
  if (!credentials) throw unauthenticated();
  if (isSetUp(credentials)) await clearPasswordChangeRequired(token, accountId);
  logger.info('Secret question set', { accountId });
  return { passwordChangeRequired: !isSetUp(credentials), pendingSteps: pendingSteps(credentials) };
}
