import commonPasswords from './common-passwords.json' with { type: 'json' };

/**
 * The password policy, used everywhere a password is set (first-login change, reset, admin
 * command). Pure: no I/O. The guide's rules (user guide, step 11) plus the security rules of
 * the design: at most 128 characters, not a common password, not the previous password.
 */
const PASSWORD_MIN_LENGTH = 8;
const PASSWORD_MAX_LENGTH = 128;
/** The guide's examples of special characters: .,;?!:%# — any printable non-alphanumeric ASCII counts. */
const SPECIAL = /[!-/:-@[-`{-~]/;
const DIGIT = /\d/;
/** Letters with diacritics (é, à, ç, œ…) and any other non-ASCII character. */
const ACCENTED_OR_NON_ASCII = /[^\x20-\x7e]/;

export const PASSWORD_RULES = [
  'minLength',
  'maxLength',
  'digit',
  'specialCharacter',
  'differentFromIdentifier',
  'noAccentedCharacters',
  'notCommon',
  'differentFromPrevious',
] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];

export const PASSWORD_RULE_MESSAGES: Record<PasswordRule, string> = {
  minLength: `Le mot de passe doit comporter ${PASSWORD_MIN_LENGTH} caractères minimum.`,
  maxLength: `Le mot de passe doit comporter ${PASSWORD_MAX_LENGTH} caractères maximum.`,
  digit: 'Le mot de passe doit comporter au moins 1 chiffre.',
  specialCharacter: 'Le mot de passe doit comporter au moins 1 caractère spécial (exemples : .,;?!:%#).',
  differentFromIdentifier: "Le mot de passe doit être différent de l'identifiant.",
  noAccentedCharacters: 'Les caractères accentués ne sont pas autorisés.',
  notCommon: 'Ce mot de passe est trop courant : choisissez-en un moins facile à deviner.',
  differentFromPrevious: 'Le nouveau mot de passe doit être différent du précédent.',
};

const COMMON = /* @__PURE__ */ new Set<string>(commonPasswords);
const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '0': 'o',
  '1': 'i',
  '3': 'e',
  $: 's',
  '5': 's',
  '7': 't',
};

/**
 * A password is "common" when, lower-cased, it is in the list, or when its core (decorations
 * such as a capital, trailing digits or specials, and leetspeak removed) is: "Azerty123!" and
 * "P@ssw0rd!" are as guessable as "azerty" and "password".
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return true;
  const trimmed = lower.replace(/^[^a-z0-9]+/, '').replace(/[^a-z]+$/, '');
  if (COMMON.has(trimmed)) return true;
  const unleeted = lower
    .split('')
    .map((c) => LEET[c] ?? c)
    .join('')
    .replace(/[^a-z]+$/, '')
    .replace(/^[^a-z]+/, '');
  return COMMON.has(unleeted);
}

export interface PasswordContext {
  identifier: string;
  /** The password being replaced, when the caller knows it in clear (password change). */
  previousPassword?: string;
}

/** Every rule the candidate breaks, in a stable order; empty when the password is acceptable. */
export function violatedPasswordRules(password: string, context: PasswordContext): PasswordRule[] {
  const violated: PasswordRule[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) violated.push('minLength');
  if (password.length > PASSWORD_MAX_LENGTH) violated.push('maxLength');
  if (!DIGIT.test(password)) violated.push('digit');
  if (!SPECIAL.test(password)) violated.push('specialCharacter');
  if (password.toLowerCase() === context.identifier.toLowerCase()) violated.push('differentFromIdentifier');
  if (ACCENTED_OR_NON_ASCII.test(password)) violated.push('noAccentedCharacters');
  if (isCommonPassword(password)) violated.push('notCommon');
  if (context.previousPassword !== undefined && password === context.previousPassword)
    violated.push('differentFromPrevious');
  return violated;
}
