import { parseReferencingCsv } from './referencing-csv.ts';
import { putReferencing } from './referencing-repository.ts';

/** Upserts every valid line of an ANS CSV export (idempotent: natural key = referencing number). */
export async function importReferencings(csv: string) {
  const parsed = parseReferencingCsv(csv);
  const batchSize = 25;
  for (let start = 0; start < parsed.records.length; start += batchSize) {
    await Promise.all(parsed.records.slice(start, start + batchSize).map(putReferencing));
  }
  return { imported: parsed.records.length, rejected: parsed.rejected };
}
