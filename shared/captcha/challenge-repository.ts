/** Storage of the offline captcha's challenges: keys.captcha(id), one-time and short-lived. */
import * as keys from '../storage/keys.ts';
import { consumeItem, putItem } from '../storage/store.ts';

export async function putChallenge(id: string, answerHash: string, expiresAt: number): Promise<void> {
  await putItem({ ...keys.captcha(id), type: 'Captcha', answerHash, expiresAt });
}

/** Deletes the challenge and returns it if it was live: a challenge is verified once. */
export const consumeChallenge = (id: string) => consumeItem<{ answerHash: string }>(keys.captcha(id));
