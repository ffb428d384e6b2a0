import type { Owner } from '../workflows/owner.ts';
import { executionName, startWorkflow } from '../workflows/start.ts';

/**
 * Sends one catalogued email (functions/workflow/email-composers.ts) through the generic
 * `sendEmail` workflow: retried with backoff, recorded on its owner, at most once per
 * (owner, emailType) since the execution name is deterministic. Declare `workflows: ['sendEmail']`
 * in the calling route's permissions.
 */
export const startRecordedEmail = (owner: Owner, emailType: string) =>
  startWorkflow('sendEmail', executionName(owner.kind, owner.id, emailType), { owner, emailType });
