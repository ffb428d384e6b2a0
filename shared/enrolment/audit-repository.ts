import * as keys from '../storage/keys.ts';
import * as queries from '../storage/queries.ts';
import { putItem, queryPage } from '../storage/store.ts';
import type { EnrolmentStatus } from './status.ts';

/**
 * The enrolment's audit trail, stored as one child item per state change under the enrolment's
 * partition (keys.enrolmentAudit; listed by queries.enrolmentAudit). `eventId` is deterministic per change (e.g. `submit-v3`), so a retried command
 * rewrites the same record instead of adding a second one.
 */
export interface AuditEvent {
  /** `applicant` (draft token holder), `system`, or an account id (instructor). */
  who: string;
  action: string;
  fromStatus?: EnrolmentStatus;
  toStatus: EnrolmentStatus;
  at: string;
  comment?: string;
}

export async function recordAudit(enrolmentId: string, eventId: string, event: AuditEvent): Promise<void> {
  await putItem({
    ...keys.enrolmentAudit(enrolmentId, event.at, eventId),
    type: 'EnrolmentAudit',
    enrolmentId,
    eventId,
    ...event,
  });
}

export async function readAuditTrail(enrolmentId: string, cursor?: string, limit = 100) {
  return queryPage<AuditEvent & { eventId: string }>({
    ...queries.enrolmentAudit(enrolmentId),
    limit,
    ...(cursor ? { cursor } : {}),
  });
}
