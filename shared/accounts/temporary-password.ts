import { randomInt } from 'node:crypto';

/** Pure: the random temporary password emailed with a new account's credentials. */
const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SPECIALS = '.,;?!:%#';

/** 16 random characters (≈ 95 bits) with at least one digit and one special character. */
export function generateTemporaryPassword(): string {
  const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)] as string;
  const all = LETTERS + DIGITS + SPECIALS;
  const characters = [pick(DIGITS), pick(SPECIALS), ...Array.from({ length: 14 }, () => pick(all))];
  for (let i = characters.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [characters[i], characters[j]] = [characters[j] as string, characters[i] as string];
  }
  return characters.join('');
}
