/** Storage of the ANS referenced solutions (reference data): keys.referencing(number). */
import * as keys from '../storage/keys.ts';
import { getItem, putItem } from '../storage/store.ts';
import type { ReferencingRecord } from './model.ts';

export const getReferencing = (number: string) => getItem<ReferencingRecord>(keys.referencing(number));

/** Upserts a record (its natural key is the referencing number). */
export async function putReferencing(record: ReferencingRecord): Promise<void> {
  await putItem({ ...keys.referencing(record.number), type: 'Referencing', ...record });
}
