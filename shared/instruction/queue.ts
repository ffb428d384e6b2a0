import type { Enrolment } from '../enrolment/model.ts';
import { listEnrolmentsByStatus as byStatus, listEnrolmentsOfOperator } from '../enrolment/repository.ts';
import { ENROLMENT_STATUS_LABELS, type EnrolmentStatus } from '../enrolment/status.ts';

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
 * instructed in), one Query per page. A cursor only continues the list it came from (checked
 * by queryPage).
 */
export async function listEnrolmentsByStatus(options: {
  status: EnrolmentStatus;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
}) {
  const page = await byStatus(options.status, {
    limit: options.limit,
    descending: options.order === 'desc',
    cursor: options.cursor,
  });
  return { items: page.items.map(queueEntry), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/**
 * The instructor's search by SIRET: the operator's enrolments (the part of its SIRET partition
 * that holds enrolments, not dossiers), oldest first, drafts left out
 * (the applicant's business). One Query per page, no Scan; a cursor only continues this list
 * (checked by queryPage).
 */
export async function listEnrolmentsBySiret(options: { siret: string; limit: number; cursor?: string }) {
  const page = await listEnrolmentsOfOperator(options.siret, {
    limit: options.limit,
    cursor: options.cursor,
  });
  return {
    items: page.items.filter((enrolment) => enrolment.submittedAt !== undefined).map(queueEntry),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}
