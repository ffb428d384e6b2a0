/**
 * Storage of the dossiers (single table). Access patterns:
 * - keys.dossier(number): the dossier aggregate, listed by status (queries.dossiersByStatus) and
 *   under its operator's SIRET with its enrolments (queries.itemsOfOperator);
 * - keys.advanceClaim(callId, siret): one advance request per operator and call, an item per
 *   operator (DESIGN §3 uniqueness guard) recording the dossier number it was given;
 * - keys.dossierPayment(number, kind): a payment, child of the dossier;
 * - queries.dossierPartition(number): the aggregate plus its emails, payments and failures.
 */
import { nowIso } from '../clock.ts';
import type { Enrolment } from '../enrolment/model.ts';
import { ConflictError } from '../errors.ts';
import * as keys from '../storage/keys.ts';
import { indexKeys } from '../storage/keys.ts';
import * as queries from '../storage/queries.ts';
import {
  getItem,
  nextNumber,
  putIf,
  putIfAbsent,
  putNew,
  putVersioned,
  queryAll,
  queryPage,
  updateItem,
} from '../storage/store.ts';
import { DOSSIER_COUNTER, type Dossier, type DossierDocument, type DossierStatus } from './dossier-model.ts';
import type { Payment, PaymentKind } from './payments.ts';

const dossierIndexes = (dossier: Dossier) => ({
  ...indexKeys.dossiersByStatus(dossier.status, dossier.advance.depositedAt, dossier.number),
  ...indexKeys.dossiersBySiret(dossier.beneficiary.siret, dossier.advance.depositedAt, dossier.number),
});

export async function createDossier(dossier: Dossier): Promise<void> {
  await putNew(
    { ...keys.dossier(dossier.number), type: 'Dossier', ...dossierIndexes(dossier), ...dossier },
    () => new ConflictError('dossier_exists', `Le dossier ${dossier.number} existe déjà.`),
  );
}

/** Replaces the dossier after a command (optimistic locking on `version`). */
export async function saveDossier(dossier: Dossier): Promise<number> {
  return putVersioned(
    { ...keys.dossier(dossier.number), type: 'Dossier', ...dossierIndexes(dossier), ...dossier },
    dossier.version,
  );
}

export async function getDossier(number: string): Promise<Dossier | undefined> {
  const item = await getItem<Dossier & { type: string }>(keys.dossier(number));
  if (!item) return undefined;
  const { type: _type, ...dossier } = item;
  return dossier;
}

/**
 * Lists a document on the dossier once its file is in S3: an idempotent follow-up of the
 * decision (same kind → same entry), which bumps the version so a concurrent command that read
 * the dossier before cannot overwrite the entry.
 */
export async function recordDossierDocument(number: string, document: DossierDocument): Promise<void> {
  await updateItem(keys.dossier(number), {
    update: 'SET documents.#kind = :document, updatedAt = :now ADD version :one',
    condition: 'attribute_exists(PK)',
    names: { '#kind': document.kind },
    values: { ':document': document, ':now': nowIso(), ':one': 1 },
  });
}

/** The dossier's partition in one Query: the aggregate and its child items (emails, payments). */
export const loadDossierPartition = (number: string) =>
  queryAll<Record<string, unknown> & { type?: string }>({ ...queries.dossierPartition(number), limit: 100 });

export async function listDossiersByStatus(status: DossierStatus, limit: number, cursor?: string) {
  return queryPage<Dossier>({
    ...queries.dossiersByStatus(status),
    limit,
    ...(cursor ? { cursor } : {}),
  });
}

/**
 * Everything filed under an operator's SIRET — its enrolments and its dossiers share the
 * partition (queries.itemsOfOperator) — in one Query (a page is plenty).
 */
export async function listOperatorItems(siret: string) {
  const items = await queryAll<Record<string, unknown> & { type?: string }>({
    ...queries.itemsOfOperator(siret),
    limit: 100,
  });
  const withoutType = <T>(item: Record<string, unknown>) => {
    const { type: _type, ...data } = item;
    return data as T;
  };
  return {
    enrolments: items.filter((item) => item.type === 'Enrolment').map((item) => withoutType<Enrolment>(item)),
    dossiers: items.filter((item) => item.type === 'Dossier').map((item) => withoutType<Dossier>(item)),
  };
}

/** The next FINMSS sequence value (an atomic ADD on the dossier number counter). */
export const nextDossierSequence = () => nextNumber(keys.counter(DOSSIER_COUNTER));

/** An operator's claim of its one advance for a call: the number it was given, and when. */
export interface AdvanceClaim {
  dossierNumber: string;
  claimedAt: string;
}

/**
 * Claims the operator's advance for the call with `claim` (one conditional PutItem on the
 * operator's own claim item): undefined when claimed, otherwise the claim that holds it.
 */
export async function claimAdvance(
  callId: string,
  siret: string,
  claim: AdvanceClaim,
): Promise<AdvanceClaim | undefined> {
  const key = keys.advanceClaim(callId, siret);
  if (await putIfAbsent({ ...key, type: 'AdvanceClaim', ...claim })) return undefined;
  const held = await getItem<AdvanceClaim & { type: string }>(key);
  if (!held) return claimAdvance(callId, siret, claim);
  return { dossierNumber: held.dossierNumber, claimedAt: held.claimedAt };
}

/** Replaces an abandoned claim by `claim`, if it is still the one read; false otherwise. */
export const takeOverAdvanceClaim = (
  callId: string,
  siret: string,
  abandoned: AdvanceClaim,
  claim: AdvanceClaim,
): Promise<boolean> =>
  putIf(
    { ...keys.advanceClaim(callId, siret), type: 'AdvanceClaim', ...claim },
    { expression: 'claimedAt = :abandoned', values: { ':abandoned': abandoned.claimedAt } },
  );

export const getDossierPayment = (number: string, kind: PaymentKind) =>
  getItem<Payment>(keys.dossierPayment(number, kind));

/** Records a payment of the dossier once: false when this kind was already launched. */
export const createDossierPayment = (payment: Payment): Promise<boolean> =>
  putIfAbsent({
    ...keys.dossierPayment(payment.dossierNumber, payment.kind),
    type: 'Payment',
    ...payment,
    version: 1,
  });
