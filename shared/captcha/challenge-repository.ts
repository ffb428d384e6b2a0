/** Storage of the offline captcha's challenges: keys.captcha(id), one-time and short-lived. */
import * as keys from '../storage/keys.ts';
import { consumeItem, getItem, putItem } from '../storage/store.ts';

interface StoredChallenge {
  answerHash: string;
  /** The code itself, for the audio alternative (the local stand-in only: CaptchEtat speaks on AWS). */
  spokenCode: string;
}

export async function putChallenge(id: string, challenge: StoredChallenge, expiresAt: number): Promise<void> {
  await putItem({ ...keys.captcha(id), type: 'Captcha', ...challenge, expiresAt });
}

/** Deletes the challenge and returns it if it was live: a challenge is verified once. */
export const consumeChallenge = (id: string) => consumeItem<StoredChallenge>(keys.captcha(id));

export const readChallenge = (id: string) => getItem<StoredChallenge>(keys.captcha(id));
