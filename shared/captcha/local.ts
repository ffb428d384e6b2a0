import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { nowSeconds } from '../clock.ts';
import { CAPTCHA_ALPHABET } from './alphabet.ts';
import { localVoice, spellAsWav } from './audio.ts';
import { consumeChallenge, putChallenge, readChallenge } from './challenge-repository.ts';
import type { CaptchaChallenge, CaptchaProvider } from './port.ts';
import { renderCaptchaSvg } from './svg.ts';

const CODE_LENGTH = 5;
const CAPTCHA_TTL_SECONDS = 120;

const hashAnswer = (id: string, answer: string) =>
  createHash('sha256').update(`${id}:${answer.trim().toLowerCase()}`).digest();

/**
 * Offline captcha: a random code rendered as SVG, and spelled in a WAV by a French voice rendered
 * offline (its audio alternative); one-time (consumed by the first verification, right or wrong)
 * and short-lived (TTL checked on read). It is checked against its hash; the code itself is kept
 * beside it only to be spoken (this provider runs on the local stage alone).
 */
export function localCaptchaProvider(options: { exposeAnswer: boolean }): CaptchaProvider {
  return {
    async create(): Promise<CaptchaChallenge> {
      const id = randomUUID();
      const code = Array.from(
        { length: CODE_LENGTH },
        () => CAPTCHA_ALPHABET[randomInt(CAPTCHA_ALPHABET.length)],
      ).join('');
      await putChallenge(
        id,
        { answerHash: hashAnswer(id, code).toString('hex'), spokenCode: code },
        nowSeconds() + CAPTCHA_TTL_SECONDS,
      );
      const image = `data:image/svg+xml;base64,${Buffer.from(renderCaptchaSvg(code)).toString('base64')}`;
      return {
        id,
        image,
        expiresInSeconds: CAPTCHA_TTL_SECONDS,
        ...(options.exposeAnswer ? { localAnswer: code } : {}),
      };
    },
    async verify(id: string, answer: string): Promise<boolean> {
      const stored = await consumeChallenge(id);
      if (!stored) return false;
      const expected = Buffer.from(stored.answerHash, 'hex');
      const actual = hashAnswer(id, answer);
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
    async audio(id: string): Promise<Uint8Array | undefined> {
      const stored = await readChallenge(id);
      return stored ? spellAsWav(stored.spokenCode, localVoice()) : undefined;
    },
  };
}
