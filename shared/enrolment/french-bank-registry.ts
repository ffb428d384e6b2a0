/**
 * Builds the table of French bank codes (code établissement, characters 5-9 of a French IBAN) →
 * establishment name from a bank registry in the shape of the schwifty library's
 * `bank_registry/manual_fr.json` (one entry per BIC). Pure: `npm run refresh:french-banks`
 * downloads the registry and writes the result to `french-banks.json`.
 */
interface RegistryEntry {
  country_code: string;
  bank_code: string;
  bic: string;
  name: string;
}

/**
 * Errors of the source, fixed by hand (code → name, with why). The registry lists a customer's
 * name on two of Société Générale's BICs.
 */
const CORRECTIONS: Readonly<Record<string, string>> = {
  '30003': 'SOCIETE GENERALE',
};

const isRegistryEntry = (value: unknown): value is RegistryEntry =>
  typeof value === 'object' &&
  value !== null &&
  ['country_code', 'bank_code', 'bic', 'name'].every(
    (key) => typeof (value as Record<string, unknown>)[key] === 'string',
  );

/**
 * One name per bank code. A BIC shared by several codes is a network's central BIC (CEPAFRPPXXX,
 * CCBPFRPPXXX…) and names the network, not the establishment: a code's own BICs win over shared
 * ones; then the name most often listed, then the first. Names shorter than 3 characters are
 * placeholders of the source and skipped. Names are upper-cased, as banks print a domiciliation.
 */
export function buildBankTable(registry: unknown): Record<string, string> {
  if (!Array.isArray(registry)) throw new Error('The registry is not a JSON array.');
  const entries = registry
    .filter(isRegistryEntry)
    .filter((entry) => entry.country_code === 'FR' && /^\d{5}$/.test(entry.bank_code))
    .map((entry) => ({ ...entry, name: entry.name.replace(/\s+/g, ' ').trim().toLocaleUpperCase('fr') }))
    .filter((entry) => entry.name.length >= 3);
  const codesByBic = new Map<string, Set<string>>();
  for (const { bic, bank_code } of entries)
    codesByBic.set(bic, (codesByBic.get(bic) ?? new Set()).add(bank_code));
  const byCode = Map.groupBy(entries, (entry) => entry.bank_code);
  const table: Record<string, string> = {};
  for (const code of [...byCode.keys()].sort()) {
    const candidates = byCode.get(code) ?? [];
    const own = candidates.filter((entry) => codesByBic.get(entry.bic)?.size === 1);
    const names = (own.length > 0 ? own : candidates).map((entry) => entry.name);
    const counts = new Map<string, number>();
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
    const most = Math.max(...counts.values());
    table[code] = CORRECTIONS[code] ?? (names.find((name) => counts.get(name) === most) as string);
  }
  return table;
}
