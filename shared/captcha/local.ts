import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { keys } from '../storage/keys.ts';
import { consumeItem, putItem } from '../storage/store.ts';
import type { CaptchaChallenge, CaptchaProvider } from './port.ts';
import { renderCaptchaSvg } from './svg.ts';

/** Without look-alike characters (0/O, 1/l/I), lower case: the guide's sample is `bw72x`. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const CODE_LENGTH = 5;
const CAPTCHA_TTL_SECONDS = 120;

const hashAnswer = (id: string, answer: string) =>
  createHash('sha256').update(`${id}:${answer.trim().toLowerCase()}`).digest();

/**
 * Offline captcha: a random code rendered as SVG; the table keeps only its hash, one-time
 * (consumed by the first verification, right or wrong) and short-lived (TTL checked on read).
 */
export function localCaptchaProvider(options: { exposeAnswer: boolean }): CaptchaProvider {
  return {
    async create(): Promise<CaptchaChallenge> {
      const id = randomUUID();
      const code = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      await putItem({
        ...keys.captcha(id),
        type: 'Captcha',
        answerHash: hashAnswer(id, code).toString('hex'),
        expiresAt: Math.floor(Date.now() / 1000) + CAPTCHA_TTL_SECONDS,
      });
      const image = `data:image/svg+xml;base64,${Buffer.from(renderCaptchaSvg(code)).toString('base64')}`;
      return {
        id,
        image,
        expiresInSeconds: CAPTCHA_TTL_SECONDS,
        ...(options.exposeAnswer ? { localAnswer: code } : {}),
      };
    },
    async verify(id: string, answer: string): Promise<boolean> {
      const stored = await consumeItem<{ answerHash: string }>(keys.captcha(id));
      if (!stored) return false;
      const expected = Buffer.from(stored.answerHash, 'hex');
      const actual = hashAnswer(id, answer);
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
  };
}
