import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { FRENCH_BANK_TERRITORIES } from './french-iban-countries.ts';

/**
 * Bank details rules (pure), with ibantools: IBAN per ISO 13616 (country format + mod-97),
 * BIC per ISO 9362, and the BIC's country (characters 5-6) must be the IBAN's country — with the
 * French overseas territories and Monaco, whose banks use FR BICs, tolerated.
 */
export type BankCheck =
  | { ok: true; iban: string; bic: string; countryCode: string }
  | { ok: false; errors: { field: 'iban' | 'bic'; message: string }[] };

const normaliseIban = (value: string): string => electronicFormatIBAN(value) ?? '';
const normaliseBic = (value: string): string => value.replace(/\s+/g, '').toUpperCase();

export function checkBankDetails(rawIban: string, rawBic: string): BankCheck {
  const iban = normaliseIban(rawIban);
  const bic = normaliseBic(rawBic);
  const errors: { field: 'iban' | 'bic'; message: string }[] = [];
  if (!isValidIBAN(iban)) errors.push({ field: 'iban', message: "L'IBAN est invalide." });
  if (!isValidBIC(bic)) errors.push({ field: 'bic', message: 'Le BIC est invalide.' });
  if (errors.length > 0) return { ok: false, errors };
  const countryCode = iban.slice(0, 2);
  const bicCountry = bic.slice(4, 6);
  const consistent =
    bicCountry === countryCode || (bicCountry === 'FR' && FRENCH_BANK_TERRITORIES.has(countryCode));
  if (!consistent) {
    return {
      ok: false,
      errors: [{ field: 'bic', message: "Le BIC ne correspond pas au pays de l'IBAN." }],
    };
  }
  return { ok: true, iban, bic, countryCode };
}
