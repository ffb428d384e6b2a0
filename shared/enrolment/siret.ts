/**
 * SIRET rules (pure). A SIRET is 14 digits whose Luhn sum is a multiple of 10. Exception: La
 * Poste (SIREN 356000000) has more establishments than Luhn keys allow, so INSEE also accepts
 * its SIRETs whose digit sum is a multiple of 5 (its head office 35600000000048 passes Luhn).
 */
const LA_POSTE_SIREN = '356000000';

export const SIRET_FORMAT_MESSAGE = 'Le numéro de SIRET doit comporter 14 chiffres.';
export const SIRET_CHECKSUM_MESSAGE = 'Le numéro de SIRET est invalide (clé de contrôle incorrecte).';

export function luhnSum(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum;
}

const hasSiretFormat = (value: string): boolean => /^\d{14}$/.test(value);

export function isValidSiret(value: string): boolean {
  if (!hasSiretFormat(value)) return false;
  if (luhnSum(value) % 10 === 0) return true;
  if (!value.startsWith(LA_POSTE_SIREN)) return false;
  const digitSum = [...value].reduce((sum, digit) => sum + Number(digit), 0);
  return digitSum % 5 === 0;
}

/** Removes the spaces people type between groups (`479 928 822 00069`). */
export const normaliseSiret = (value: string): string => value.replace(/\s+/g, '');
