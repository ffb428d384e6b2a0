import * as z from 'zod/mini';
import { readEnv } from '../config.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import * as keys from '../storage/keys.ts';
import { indexKeys } from '../storage/keys.ts';
import * as queries from '../storage/queries.ts';
import {
  claimGuard,
  deleteItem,
  getItem,
  nextNumber,
  putNew,
  putVersioned,
  queryPage,
  releaseGuard,
  type StoredItem,
  updateItem,
} from '../storage/store.ts';
import { DRAFT_TOKEN_HEADER, draftTokenMatches, requireDraftToken } from './draft-token.ts';
import type { Enrolment } from './model.ts';
import { isBuyerOperator } from './requirements.ts';
import { isEditable } from './status.ts';

/**
 * Persistence of the enrolment aggregate: one item (keys.enrolment), written with one conditional
 * write per command, its index keys derived from its state so that they never drift from the
 * status (queries.enrolmentsByStatus: instructor lists; queries.enrolmentsOfOperator: an
 * operator's enrolments by SIRET); the ENR number counter; the one-active-enrolment guard per
 * (referencing number, SIRET) (keys.activeEnrolmentGuard). The audit trail is audit-repository.ts.
 */
const env = readEnv({
  // Whole days, 1 to 9999.
  DRAFT_TTL_DAYS: z._default(z.pipe(z.string().check(z.regex(/^[1-9]\d{0,3}$/)), z.transform(Number)), 30),
});

const DAY_SECONDS = 24 * 60 * 60;

/** A draft (never submitted) expires N days after its last save; a submitted request never. */
export const draftExpiry = (now: Date): number =>
  Math.floor(now.getTime() / 1000) + env.DRAFT_TTL_DAYS * DAY_SECONDS;

function toItem(enrolment: Enrolment): StoredItem {
  const item: StoredItem = { ...keys.enrolment(enrolment.id), type: 'Enrolment', ...enrolment };
  if (enrolment.applicant) {
    Object.assign(
      item,
      indexKeys.enrolmentsBySiret(enrolment.applicant.siret, enrolment.createdAt, enrolment.id),
    );
  }
  if (enrolment.submittedAt) {
    Object.assign(item, indexKeys.enrolmentsByStatus(enrolment.status, enrolment.submittedAt, enrolment.id));
  }
  return item;
}

/** Derived answers recomputed on every write (the buyer status depends on two steps). */
function withDerivedFields(enrolment: Enrolment): Enrolment {
  if (!enrolment.applicant) return enrolment;
  return { ...enrolment, applicant: { ...enrolment.applicant, isBuyerOperator: isBuyerOperator(enrolment) } };
}

export async function createEnrolment(enrolment: Enrolment): Promise<void> {
  await putNew(toItem(withDerivedFields(enrolment)), () => new Error('Enrolment id collision'));
}

/** Writes the aggregate if nobody changed it since it was read; returns it with its new version. */
export async function saveEnrolment(enrolment: Enrolment): Promise<Enrolment> {
  const next = withDerivedFields(enrolment);
  const version = await putVersioned(toItem(next), enrolment.version);
  return { ...next, version };
}

export const getEnrolment = (enrolmentId: string) => getItem<Enrolment>(keys.enrolment(enrolmentId));

export const deleteEnrolment = (enrolmentId: string) => deleteItem(keys.enrolment(enrolmentId));

/** The next ENR sequence value (an atomic ADD on the enrolment number counter). */
export const nextEnrolmentSequence = () => nextNumber(keys.counter('ENR'));

/** A page of the enrolments of one status, by submission date. */
export const listEnrolmentsByStatus = (
  status: string,
  page: { limit: number; descending?: boolean; cursor?: string | undefined },
) =>
  queryPage<Enrolment>({
    ...queries.enrolmentsByStatus(status),
    limit: page.limit,
    ...(page.descending ? { descending: true } : {}),
    ...(page.cursor !== undefined ? { cursor: page.cursor } : {}),
  });

/** A page of an operator's enrolments (by SIRET), oldest first. */
export const listEnrolmentsOfOperator = (
  siret: string,
  page: { limit: number; cursor?: string | undefined },
) =>
  queryPage<Enrolment>({
    ...queries.enrolmentsOfOperator(siret),
    limit: page.limit,
    ...(page.cursor !== undefined ? { cursor: page.cursor } : {}),
  });

/** The (referencing number, SIRET) pair an active enrolment holds. */
export type EnrolmentPair = NonNullable<Enrolment['activePair']>;

const activePairKey = (pair: EnrolmentPair) => keys.activeEnrolmentGuard(pair.referencingNumber, pair.siret);

/** Whether two pairs are one guard (the referencing number is compared in upper case). */
export const samePair = (a: EnrolmentPair, b: EnrolmentPair) => activePairKey(a).PK === activePairKey(b).PK;

/** Claims the pair's guard for `enrolmentId` (a retry by the same enrolment succeeds). */
export const claimActivePair = (pair: EnrolmentPair, enrolmentId: string, onTaken: () => Error) =>
  claimGuard(activePairKey(pair), enrolmentId, onTaken);

/** Frees the pair's guard if `enrolmentId` holds it. */
export const releaseActivePair = (pair: EnrolmentPair, enrolmentId: string) =>
  releaseGuard(activePairKey(pair), enrolmentId);

/**
 * Replaces the draft token's hash of an enrolment awaiting changes (A_MODIFIER); false when it
 * is no longer awaiting them.
 */
export async function replaceDraftTokenHash(enrolmentId: string, hash: string, at: string): Promise<boolean> {
  const replaced = await updateItem(keys.enrolment(enrolmentId), {
    update: 'SET draftTokenHash = :hash, updatedAt = :at ADD version :one',
    condition: '#status = :awaitingChanges',
    names: { '#status': 'status' },
    values: { ':hash': hash, ':at': at, ':one': 1, ':awaitingChanges': 'A_MODIFIER' },
  });
  return replaced !== undefined;
}

/**
 * Records the account on the enrolment (`Enrolment.accountId`), once: an UpdateItem that bumps
 * the version, so a concurrent writer holding the previous version gets its usual 409.
 */
export async function linkEnrolmentToAccount(enrolmentId: string, accountId: string): Promise<void> {
  await updateItem(keys.enrolment(enrolmentId), {
    update: 'SET accountId = :accountId ADD version :one',
    condition: 'attribute_exists(PK) AND attribute_not_exists(accountId)',
    values: { ':accountId': accountId, ':one': 1 },
  });
}

const draftNotFound = () =>
  new NotFoundError(
    'enrolment_not_found',
    "Cette demande d'enrôlement n'existe pas, ou son brouillon a expiré.",
  );

/** Loads an enrolment for the holder of its draft token (401 without token, 403 with another one). */
export async function loadWithDraftToken(
  enrolmentId: string,
  headers: Record<string, string | undefined>,
): Promise<Enrolment> {
  const token = requireDraftToken(headers);
  const enrolment = await getEnrolment(enrolmentId);
  if (!enrolment) throw draftNotFound();
  if (!draftTokenMatches(token, enrolment.draftTokenHash)) {
    const message = "Ce jeton ne donne pas accès à cette demande d'enrôlement.";
    throw new ForbiddenError('draft_token_invalid', message, {
      errors: [{ path: `headers.${DRAFT_TOKEN_HEADER.toLowerCase()}`, message }],
    });
  }
  return enrolment;
}

/** Same, for a change: the request must still be editable (brouillon, or à modifier). */
export async function loadEditable(
  enrolmentId: string,
  headers: Record<string, string | undefined>,
): Promise<Enrolment> {
  const enrolment = await loadWithDraftToken(enrolmentId, headers);
  if (!isEditable(enrolment.status)) {
    throw new ConflictError(
      'enrolment_not_editable',
      "Cette demande d'enrôlement a été déposée : elle ne peut plus être modifiée.",
    );
  }
  return enrolment;
}

/** A change by the applicant: bumps updatedAt and, for a draft, pushes its expiry back. */
export function touched(enrolment: Enrolment, now: Date): Enrolment {
  const next: Enrolment = { ...enrolment, updatedAt: now.toISOString() };
  if (enrolment.status === 'BROUILLON') next.expiresAt = draftExpiry(now);
  return next;
}
