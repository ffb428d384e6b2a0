import registry from './french-banks.json' with { type: 'json' };
import { isFrenchIbanCountry } from './french-iban-countries.ts';

/**
 * Domiciliation of a French IBAN from its 5-digit bank code (code établissement, IBAN characters
 * 5-9): the establishment's name in french-banks.json (source and date in that file, refreshed by
 * `npm run refresh:french-banks`). Pure, no AWS: only the lookup route's Lambda bundles the table.
 */
const BANKS: Readonly<Record<string, string>> = registry.banks;

export const frenchBankName = (bankCode: string): string | undefined =>
  Object.hasOwn(BANKS, bankCode) ? BANKS[bankCode] : undefined;

/**
 * The bank code of a lookup key: a code établissement (5 digits) or the first nine characters of
 * a French IBAN (country, check digits, code établissement), in either case. Never the whole IBAN:
 * the key travels in the URL, which access logs keep. Undefined when the key is neither.
 */
export function bankCodeOf(key: string): string | undefined {
  const compact = key.toUpperCase();
  if (/^\d{5}$/.test(compact)) return compact;
  const match = /^([A-Z]{2})\d{2}(\d{5})$/.exec(compact);
  return match && isFrenchIbanCountry(match[1] as string) ? match[2] : undefined;
}
