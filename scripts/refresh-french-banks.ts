/**
 * Refreshes shared/enrolment/french-banks.json, the bank codes behind the automatic domiciliation.
 *   npm run refresh:french-banks                       # downloads FRENCH_BANKS_SOURCE_URL
 *   npm run refresh:french-banks -- --from file.json   # a registry already downloaded
 * The source is the French bank registry of the schwifty library (MIT), one entry per BIC. The
 * official list of codes interbancaires is the ACPR's REGAFI register (https://www.regafi.fr),
 * which has no machine-readable download; names there may be used to correct the table
 * (CORRECTIONS in shared/enrolment/french-bank-registry.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { buildBankTable } from '#shared/enrolment/french-bank-registry.ts';

const SOURCE_URL =
  process.env.FRENCH_BANKS_SOURCE_URL ??
  'https://raw.githubusercontent.com/mdomke/schwifty/main/schwifty/bank_registry/manual_fr.json';
const TARGET = new URL('../shared/enrolment/french-banks.json', import.meta.url);

const fromIndex = process.argv.indexOf('--from');
const fromFile = fromIndex > 0 ? process.argv[fromIndex + 1] : undefined;
let text: string;
if (fromFile) text = await readFile(fromFile, 'utf8');
else {
  const response = await fetch(SOURCE_URL);
  if (!response.ok) {
    console.error(`Téléchargement impossible (${response.status}) : ${SOURCE_URL}`);
    process.exit(1);
  }
  text = await response.text();
}
const banks = buildBankTable(JSON.parse(text));
const file = {
  source: 'Registre des banques françaises de la bibliothèque schwifty (licence MIT)',
  sourceUrl: SOURCE_URL,
  officialRegister: 'https://www.regafi.fr',
  retrievedOn: new Date().toISOString().slice(0, 10),
  count: Object.keys(banks).length,
  banks,
};
await writeFile(TARGET, `${JSON.stringify(file, null, 2)}\n`);
console.log(`${file.count} codes établissement écrits dans ${TARGET.pathname}`);
