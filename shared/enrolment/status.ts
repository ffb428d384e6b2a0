/**
 * Enrolment statuses, their French labels (as the applicant and the instructor read them) and
 * the allowed transitions. Pure: no I/O.
 */
export const ENROLMENT_STATUSES = ['BROUILLON', 'DEPOSEE', 'A_MODIFIER', 'VALIDEE', 'REJETEE'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  BROUILLON: 'Brouillon',
  DEPOSEE: 'Déposée',
  A_MODIFIER: 'À modifier',
  VALIDEE: 'Validée',
  REJETEE: 'Rejetée',
};

/** Statuses an instructor lists (drafts are the applicant's business and are not indexed). */
export const INSTRUCTED_STATUSES = [
  'DEPOSEE',
  'A_MODIFIER',
  'VALIDEE',
  'REJETEE',
] as const satisfies readonly EnrolmentStatus[];

/** Actions that change an enrolment's status. */
export type EnrolmentAction = 'submit' | 'validate' | 'requestChanges' | 'reject';

const TRANSITIONS: Record<EnrolmentAction, { from: readonly EnrolmentStatus[]; to: EnrolmentStatus }> = {
  submit: { from: ['BROUILLON', 'A_MODIFIER'], to: 'DEPOSEE' },
  validate: { from: ['DEPOSEE'], to: 'VALIDEE' },
  requestChanges: { from: ['DEPOSEE'], to: 'A_MODIFIER' },
  reject: { from: ['DEPOSEE'], to: 'REJETEE' },
};

const canApply = (action: EnrolmentAction, status: EnrolmentStatus): boolean =>
  TRANSITIONS[action].from.includes(status);

/** The status after `action`, or undefined when the action is not allowed from `status`. */
export const nextStatus = (action: EnrolmentAction, status: EnrolmentStatus): EnrolmentStatus | undefined =>
  canApply(action, status) ? TRANSITIONS[action].to : undefined;

/** Statuses in which the applicant may still edit the request with its draft token. */
export const isEditable = (status: EnrolmentStatus): boolean =>
  status === 'BROUILLON' || status === 'A_MODIFIER';
