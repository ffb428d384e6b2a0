import { requireCaptcha } from '../captcha/index.ts';
import { nowIso, nowMs } from '../clock.ts';
import { TooManyRequestsError, UnauthenticatedError } from '../errors.ts';
import { logger } from '../logger.ts';
import { type AttemptRead, recordSuccess, verifyPassword } from './login.ts';
import { readLoginItems } from './login-repository.ts';
import type { Credentials } from './model.ts';
import { currentWindow, limitFromEnv } from './rate-limit.ts';
import { hashSecret, needsRehash } from './secret-hash.ts';
import { type IssuedSession, openSession } from './sessions.ts';

/** Per source address: 50 failed logins per 5 minutes (LOGIN_SOURCE_LIMIT overrides), then a captcha. */
const SOURCE_LIMIT = limitFromEnv(
  'login-source',
  { limit: 50, windowSeconds: 300 },
  process.env.LOGIN_SOURCE_LIMIT,
);

/**
 * One BatchGetItem (consistent reads): the identifier's Credentials item, its LOGIN_ATTEMPTS item
 * (the lockout state of an identifier no account has) and the source's failure window.
 */
async function readAttempt(
  identifier: string,
  sourceIp: string,
): Promise<AttemptRead & Required<Pick<AttemptRead, 'source'>>> {
  const window = currentWindow(SOURCE_LIMIT, sourceIp);
  const { credentials, attempts, sourceFailures } = await readLoginItems(identifier, window);
  return {
    ...(credentials ? { credentials } : {}),
    ...(attempts ? { attempts } : {}),
    source: { failures: sourceFailures, window },
  };
}

const captchaRequired = () =>
  new TooManyRequestsError(
    'captcha_required',
    "Trop de tentatives de connexion échouées depuis votre adresse : recopiez le code de l'image (captcha) pour vous connecter.",
    { errors: [{ path: 'body.captcha', message: "Recopiez le code de l'image (captcha)." }] },
  );

/**
 * POST /v1/sessions: identifier + password → a new session token. An address over its failure
 * limit (a hospital behind one NAT address, or an attacker) is not refused: each of its attempts
 * must first pass a captcha (429 captcha_required without one, 422 captcha_invalid if wrong), so a
 * correct password still logs in while guessing from that address costs a solved captcha a try.
 */
export async function login(
  identifier: string,
  password: string,
  sourceIp: string,
  captcha?: { id: string; answer: string },
): Promise<IssuedSession & { role: Credentials['role'] }> {
  // Before the password check: a revocation of every session that lands after this instant
  // (a password change racing this login) ends the session opened here.
  const openedAtMs = nowMs();
  const read = await readAttempt(identifier, sourceIp);
  if (read.source.failures >= SOURCE_LIMIT.limit) {
    if (!captcha) throw captchaRequired();
    await requireCaptcha(captcha);
  }
  const verified = await verifyPassword(identifier, password, sourceIp, read);
  const { credentials } = verified;
  if (
    credentials.passwordIsTemporary &&
    credentials.temporaryPasswordExpiresAt !== undefined &&
    credentials.temporaryPasswordExpiresAt <= nowIso()
  ) {
    await recordSuccess(verified);
    throw new UnauthenticatedError(
      'temporary_password_expired',
      'Votre mot de passe provisoire a expiré. Utilisez « J’ai oublié mon mot de passe » pour en recevoir un nouveau.',
    );
  }
  // One write: records the outcome, clears the lockout state, the login date, upgrades the hash.
  const saved = await recordSuccess(verified, {
    lastLoginAt: nowIso(),
    ...(needsRehash(verified.verifiedHash) ? { passwordHash: await hashSecret(password) } : {}),
  });
  logger.info('Login succeeded', { accountId: saved.accountId });
  // The session item is also the journal record of this login (source address, 6 months).
  return { ...(await openSession(saved, { sourceIp, origin: 'login', openedAtMs })), role: saved.role };
}
