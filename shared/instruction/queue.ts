import type { Enrolment } from '../enrolment/model.ts';
import { ENROLMENT_STATUS_LABELS, type EnrolmentStatus } from '../enrolment/status.ts';
import { indexKeys } from '../storage/keys.ts';
import { queryPage } from '../storage/store.ts';
import { TABLE_DEFINITION } from '../storage/table.ts';

const [byStatus] = TABLE_DEFINITION.globalSecondaryIndexes;

/** One line of the instructor's list. */
export const queueEntry = (enrolment: Enrolment) => ({
  id: enrolment.id,
  number: enrolment.number ?? '',
  status: enrolment.status,
  statusLabel: ENROLMENT_STATUS_LABELS[enrolment.status],
  submittedAt: enrolment.submittedAt ?? '',
  updatedAt: enrolment.updatedAt,
  version: enrolment.version,
  ...(enrolment.referencing ? { referencingNumber: enrolment.referencing.number } : {}),
  ...(enrolment.applicant
    ? { siret: enrolment.applicant.siret, denominationSociale: enrolment.applicant.denominationSociale }
    : {}),
});

/**
 * Enrolments of one status, by submission date (oldest first by default: the order they are
 * instructed in), one GSI1 Query per page. A cursor only continues the list it came from (checked
 * by queryPage).
 */
export async function listEnrolmentsByStatus(options: {
  status: EnrolmentStatus;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
}) {
  const { GSI1PK } = indexKeys.enrolmentsByStatus(options.status);
  const page = await queryPage<Enrolment>({
    index: byStatus.indexName,
    partition: { name: byStatus.partitionKey, value: GSI1PK },
    limit: options.limit,
    descending: options.order === 'desc',
    ...(options.cursor !== undefined ? { cursor: options.cursor } : {}),
  });
  return { items: page.items.map(queueEntry), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

const [, bySiret] = TABLE_DEFINITION.globalSecondaryIndexes;

/**
 * The instructor's search by SIRET: the operator's enrolments on GSI2 (the partition its
 * enrolments and dossiers share, indexKeys.enrolmentsBySiret), oldest first, drafts left out
 * (the applicant's business). One Query per page, no Scan; a cursor only continues this list
 * (checked by queryPage).
 */
export async function listEnrolmentsBySiret(options: { siret: string; limit: number; cursor?: string }) {
  const { GSI2PK, GSI2SK } = indexKeys.enrolmentsBySiret(options.siret);
  // `ENROLMENT##` with no date and id: its prefix `ENROLMENT#` leaves the operator's dossiers out.
  const enrolmentsPrefix = GSI2SK.slice(0, -1);
  const page = await queryPage<Enrolment>({
    index: bySiret.indexName,
    partition: { name: bySiret.partitionKey, value: GSI2PK },
    sortPrefix: { name: bySiret.sortKey, value: enrolmentsPrefix },
    limit: options.limit,
    ...(options.cursor !== undefined ? { cursor: options.cursor } : {}),
  });
  return {
    items: page.items.filter((enrolment) => enrolment.submittedAt !== undefined).map(queueEntry),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}
