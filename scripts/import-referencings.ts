/**
 * Admin command: imports the ANS list of referenced solutions into the table.
 *   npm run admin:import-referencings -- path/to/referencements.csv
 * Uses the usual AWS environment (TABLE_NAME, credentials, region); against `npm start`, set
 * TABLE_NAME=segur-mss AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:8000 AWS_REGION=eu-west-3
 * AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local.
 */
import { readFile } from 'node:fs/promises';

const path = process.argv[2];
if (!path) {
  console.error('Usage : npm run admin:import-referencings -- <fichier.csv>');
  process.exit(2);
}
const { importReferencings } = await import('#shared/enrolment/referencing-import.ts');
const result = await importReferencings(await readFile(path, 'utf8'));
console.log(`${result.imported} référencement(s) importé(s), ${result.rejected.length} ligne(s) refusée(s).`);
for (const rejection of result.rejected) console.log(`  ligne ${rejection.line} : ${rejection.reason}`);
process.exit(result.rejected.length > 0 ? 1 : 0);
