/**
 * Ids of the decision workflow (constants only: route definitions import this, and must not pull
 * the Step Functions client into every bundle).
 */
export const DECISION_WORKFLOW = 'dossierDecided';

export type DecisionKind = 'advance' | 'balance';

/** The email type the workflow sends for each decision (see the email composers). */
export const DECISION_EMAIL_TYPES: Record<DecisionKind, string> = {
  advance: 'advanceDecision',
  balance: 'balanceDecision',
};

/** The email module's generic recorded-email workflow, which sends the payment notices. */
export const PAYMENT_NOTICE_WORKFLOW = 'sendEmail';
