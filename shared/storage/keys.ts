/**
 * Every access pattern of the single table, named, with its key builders. Nothing else in the
 * code base spells a key. Values are opaque strings; `#` separates the parts.
 */
export interface PrimaryKey {
  PK: string;
  SK: string;
}

const key = (PK: string, SK: string): PrimaryKey => ({ PK, SK });

export const keys = {
  // Infrastructure
  /** Atomic counter behind a human-readable number sequence (ENR…, FINMSS…). */
  counter: (name: string) => key(`COUNTER#${name}`, 'COUNTER'),
  /**
   * Uniqueness claim recorded on a counter item by `nextNumberClaiming` (an attribute-name prefix,
   * not a key): one number per claimed value, without a guard item.
   */
  counterClaim: (kind: string, value: string) => `CLAIM#${kind}#${value}`,
  /** Uniqueness guard: one item per unique value, recording its owner. */
  guard: (kind: string, value: string) => key(`GUARD#${kind}#${value}`, 'GUARD'),
  /** Stored outcome of a write sent with an Idempotency-Key. */
  idempotency: (scope: string, idempotencyKey: string) =>
    key(`IDEMPOTENCY#${scope}#${idempotencyKey}`, 'IDEMPOTENCY'),
  /** Fixed-window rate-limit bucket (per source, per account). */
  rateLimit: (scope: string, subject: string, window: number) =>
    key(`RATE#${scope}#${subject}`, `WINDOW#${window}`),
  /** Health probe target: a single well-known item read by GET /v1/health. */
  healthProbe: () => key('HEALTH', 'HEALTH'),

  // Reference data
  /** ANS referenced solution, by referencing number. */
  referencing: (number: string) => key(`REFERENCING#${number.toUpperCase()}`, 'REFERENCING'),
  /** Versioned configuration of a funding call. */
  fundingCall: (callId: string) => key(`CALL#${callId}`, 'CALL'),
  /** Each version of the call as it was, so a decision renders with the version it applied. */
  fundingCallVersion: (callId: string, version: number) =>
    key(`CALL#${callId}`, `VERSION#${String(version).padStart(6, '0')}`),
  /** Query: a funding call's partition, its current record and its superseded versions. */
  fundingCallPartition: (callId: string) => `CALL#${callId}`,
  /** Captcha challenge (one-time, short-lived). */
  captcha: (captchaId: string) => key(`CAPTCHA#${captchaId}`, 'CAPTCHA'),

  // Enrolments: one aggregate item plus child items under the same partition.
  enrolment: (enrolmentId: string) => key(`ENROLMENT#${enrolmentId}`, 'ENROLMENT'),
  enrolmentAudit: (enrolmentId: string, at: string, eventId: string) =>
    key(`ENROLMENT#${enrolmentId}`, `AUDIT#${at}#${eventId}`),
  enrolmentEmail: (enrolmentId: string, emailId: string) =>
    key(`ENROLMENT#${enrolmentId}`, `EMAIL#${emailId}`),
  /** A workflow execution that ended in failure after its retries, one per execution. */
  enrolmentWorkflowFailure: (enrolmentId: string, executionName: string) =>
    key(`ENROLMENT#${enrolmentId}`, `WORKFLOW_FAILURE#${executionName}`),
  /** Query prefix of an enrolment's audit trail, oldest first. */
  enrolmentAuditPrefix: () => 'AUDIT#',
  /** Guard: one active enrolment per (referencing number, SIRET). */
  activeEnrolmentGuard: (referencingNumber: string, siret: string) =>
    key(`GUARD#ACTIVE_ENROLMENT#${referencingNumber.toUpperCase()}#${siret}`, 'GUARD'),
  /** Query prefix for every item of an enrolment (aggregate, audit trail, emails). */
  enrolmentPartition: (enrolmentId: string) => `ENROLMENT#${enrolmentId}`,

  // Accounts and sessions
  /** The account aggregate: profile, secret question, enrolment links. */
  account: (accountId: string) => key(`ACCOUNT#${accountId}`, 'ACCOUNT'),
  /** When the account's sessions were all revoked (password change or reset), read by the authorizer. */
  sessionRevocation: (accountId: string) => key(`ACCOUNT#${accountId}`, 'SESSIONS_REVOKED'),
  /**
   * What a login needs, by normalised identifier: account id, role, status, password hash and
   * lockout state (login.ts). It is also the identifier's uniqueness guard.
   */
  credentials: (identifier: string) => key(`CREDENTIALS#${identifier}`, 'CREDENTIALS'),
  /** A session, by its token's hash; kept 6 months after it ends as the journal record of its login. */
  session: (tokenHash: string) => key(`SESSION#${tokenHash}`, 'SESSION'),
  passwordReset: (tokenHash: string) => key(`RESET#${tokenHash}`, 'RESET'),
  /** A failed login attempt kept in the account's history (a success is its session item). */
  accountLogin: (accountId: string, at: string, attemptId: string) =>
    key(`ACCOUNT#${accountId}`, `LOGIN#${at}#${attemptId}`),
  /** Brute-force counter of one identifier (hashed) that no account has: same answers, same cost. */
  loginAttempts: (identifierHash: string) => key(`LOGIN_ATTEMPTS#${identifierHash}`, 'LOGIN_ATTEMPTS'),

  // Funding
  dossier: (dossierNumber: string) => key(`DOSSIER#${dossierNumber}`, 'DOSSIER'),
  dossierEmail: (dossierNumber: string, emailId: string) =>
    key(`DOSSIER#${dossierNumber}`, `EMAIL#${emailId}`),
  dossierWorkflowFailure: (dossierNumber: string, executionName: string) =>
    key(`DOSSIER#${dossierNumber}`, `WORKFLOW_FAILURE#${executionName}`),
  dossierPayment: (dossierNumber: string, paymentId: string) =>
    key(`DOSSIER#${dossierNumber}`, `PAYMENT#${paymentId}`),
  dossierPartition: (dossierNumber: string) => `DOSSIER#${dossierNumber}`,
} as const;

/** Sort-key prefixes of the child items of an aggregate's partition (for `queryPage` sortPrefix). */
export const childPrefixes = {
  email: 'EMAIL#',
  workflowFailure: 'WORKFLOW_FAILURE#',
} as const;

/** Secondary-index keys: the list and lookup access patterns. */
export const indexKeys = {
  /** GSI1: enrolments by status, oldest submission first. */
  enrolmentsByStatus: (status: string, submittedAt = '', enrolmentId = '') => ({
    GSI1PK: `ENROLMENTS#${status}`,
    GSI1SK: `${submittedAt}#${enrolmentId}`,
  }),
  /** GSI1: dossiers by status. */
  dossiersByStatus: (status: string, depositedAt = '', dossierNumber = '') => ({
    GSI1PK: `DOSSIERS#${status}`,
    GSI1SK: `${depositedAt}#${dossierNumber}`,
  }),
  /** GSI2: an operator's enrolments (by SIRET), newest last. */
  enrolmentsBySiret: (siret: string, createdAt = '', enrolmentId = '') => ({
    GSI2PK: `OPERATOR#${siret}`,
    GSI2SK: `ENROLMENT#${createdAt}#${enrolmentId}`,
  }),
  /** GSI2: an operator's dossiers (by SIRET). */
  dossiersBySiret: (siret: string, depositedAt = '', dossierNumber = '') => ({
    GSI2PK: `OPERATOR#${siret}`,
    GSI2SK: `DOSSIER#${depositedAt}#${dossierNumber}`,
  }),
  /**
   * GSI1: the sessions of an account by opening date: the live ones (revoked all at once on
   * password change or reset) and, for 6 months, the journal of its successful logins.
   */
  sessionsByAccount: (accountId: string, createdAt = '') => ({
    GSI1PK: `ACCOUNT_SESSIONS#${accountId}`,
    GSI1SK: createdAt,
  }),
  /** GSI2: accounts by email address (forgotten identifier). */
  accountsByEmail: (normalisedEmail: string, accountId = '') => ({
    GSI2PK: `ACCOUNT_EMAIL#${normalisedEmail}`,
    GSI2SK: `ACCOUNT#${accountId}`,
  }),
} as const;
