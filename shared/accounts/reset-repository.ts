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

/** Counts a wrong secret answer; the last allowed one voids the link (expired now). */
export async function countWrongAnswer(tokenHash: string, last: boolean): Promise<void> {
  await updateItem(keys.passwordReset(tokenHash), {
    update: last ? 'ADD answerAttempts :one SET expiresAt = :now' : 'ADD answerAttempts :one',
    values: { ':one': 1, ...(last ? { ':now': nowSeconds() } : {}) },
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
