/**
 * Storage of the password-reset links: keys.passwordReset(tokenHash), one short-lived item per
 * emailed link (only the token's hash is stored).
 */
import { nowIso, nowSeconds } from '../clock.ts';
import * as keys from '../storage/keys.ts';
import { getItem, putItem, updateItem } from '../storage/store.ts';

export interface ResetRecord {
  accountId: string;
  answerAttempts: number;
  expiresAt: number;
}

export async function putPasswordReset(tokenHash: string, record: ResetRecord): Promise<void> {
  await putItem({ ...keys.passwordReset(tokenHash), type: 'PasswordReset', ...record });
}

export const getPasswordReset = (tokenHash: string) => getItem<ResetRecord>(keys.passwordReset(tokenHash));

/**
 * Claims one check of the secret answer before it is verified: a conditional ADD, so concurrent
 * guesses cannot all read the same count. Returns the checks claimed so far, or undefined when
 * `max` are claimed already or the link is gone, used or expired.
 */
export async function claimAnswerCheck(tokenHash: string, max: number): Promise<number | undefined> {
  const claimed = await updateItem<Pick<ResetRecord, 'answerAttempts'>>(keys.passwordReset(tokenHash), {
    update: 'ADD answerAttempts :one',
    condition: 'attribute_exists(PK) AND expiresAt > :now AND answerAttempts < :max',
    values: { ':one': 1, ':now': nowSeconds(), ':max': max },
    returns: 'UPDATED_NEW',
  });
  return claimed?.answerAttempts;
}

/** Gives back the check a right answer claimed (a refused new password then costs nothing). */
export async function releaseAnswerCheck(tokenHash: string): Promise<void> {
  await updateItem(keys.passwordReset(tokenHash), {
    update: 'ADD answerAttempts :minusOne',
    values: { ':minusOne': -1 },
  });
}

/** Voids the link (expired now): its last allowed answer was wrong. */
export async function voidPasswordReset(tokenHash: string): Promise<void> {
  await updateItem(keys.passwordReset(tokenHash), {
    update: 'SET expiresAt = :now',
    values: { ':now': nowSeconds() },
  });
}

/** Consumes the link once (a conditional write): false when it is gone, used or expired. */
export async function consumePasswordReset(tokenHash: string): Promise<boolean> {
  const consumed = await updateItem(keys.passwordReset(tokenHash), {
    update: 'SET expiresAt = :now, consumedAt = :at',
    condition: 'attribute_exists(PK) AND expiresAt > :now',
    values: { ':now': nowSeconds(), ':at': nowIso() },
  });
  return consumed !== undefined;
}
