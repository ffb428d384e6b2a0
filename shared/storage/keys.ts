/**
 * Every access pattern of the single table, named, with its key builders (one item each;
 * `indexKeys`: an item's place in a secondary index; queries.ts: a list). Import this module as
 * a namespace (`import * as keys`): each bundle then keeps only the builders it uses. Nothing else in the
 * code base spells a key or an index attribute: the repositories (`*repository.ts`) name a
 * pattern here and hand it to the store (store.ts), which strips the key attributes from what it
 * returns.
 * Values are opaque strings; `#` separates the parts.
 */
export interface PrimaryKey {
  PK: string;
  SK: string;
}

const key = (PK: string, SK: string): PrimaryKey => ({ PK, SK });

// Infrastructure
/** Atomic counter behind a human-readable number sequence (ENR…, FINMSS…). */
export const counter = (name: string) => key(`COUNTER#${name}`, 'COUNTER');
/** Uniqueness guard: one item per unique value, recording its owner. */
export const guard = (kind: string, value: string) => key(`GUARD#${kind}#${value}`, 'GUARD');
/** Stored outcome of a write sent with an Idempotency-Key. */
export const idempotency = (scope: string, idempotencyKey: string) =>
  key(`IDEMPOTENCY#${scope}#${idempotencyKey}`, 'IDEMPOTENCY');
/** Fixed-window rate-limit bucket (per source, per account). */
export const rateLimit = (scope: string, subject: string, window: number) =>
  key(`RATE#${scope}#${subject}`, `WINDOW#${window}`);
/** Health probe target: a single well-known item read by GET /v1/health. */
export const healthProbe = () => key('HEALTH', 'HEALTH');

// Reference data
/** ANS referenced solution, by referencing number. */
export const referencing = (number: string) => key(`REFERENCING#${number.toUpperCase()}`, 'REFERENCING');
/** Versioned configuration of a funding call. */
export const fundingCall = (callId: string) => key(`CALL#${callId}`, 'CALL');
/** Each version of the call as it was, so a decision renders with the version it applied. */
export const fundingCallVersion = (callId: string, version: number) =>
  key(`CALL#${callId}`, `VERSION#${String(version).padStart(6, '0')}`);
/** Query: a funding call's partition, its current record and its superseded versions. */
export const fundingCallPartition = (callId: string) => `CALL#${callId}`;
/** Captcha challenge (one-time, short-lived). */
export const captcha = (captchaId: string) => key(`CAPTCHA#${captchaId}`, 'CAPTCHA');

// Enrolments: one aggregate item plus child items under the same partition.
export const enrolment = (enrolmentId: string) => key(`ENROLMENT#${enrolmentId}`, 'ENROLMENT');
export const enrolmentAudit = (enrolmentId: string, at: string, eventId: string) =>
  key(`ENROLMENT#${enrolmentId}`, `AUDIT#${at}#${eventId}`);
export const enrolmentEmail = (enrolmentId: string, emailId: string) =>
  key(`ENROLMENT#${enrolmentId}`, `EMAIL#${emailId}`);
/** A workflow execution that ended in failure after its retries, one per execution. */
export const enrolmentWorkflowFailure = (enrolmentId: string, executionName: string) =>
  key(`ENROLMENT#${enrolmentId}`, `WORKFLOW_FAILURE#${executionName}`);
/** Query prefix of an enrolment's audit trail, oldest first. */
export const enrolmentAuditPrefix = () => 'AUDIT#';
/** Guard: one active enrolment per (referencing number, SIRET). */
export const activeEnrolmentGuard = (referencingNumber: string, siret: string) =>
  key(`GUARD#ACTIVE_ENROLMENT#${referencingNumber.toUpperCase()}#${siret}`, 'GUARD');
/** Query prefix for every item of an enrolment (aggregate, audit trail, emails). */
export const enrolmentPartition = (enrolmentId: string) => `ENROLMENT#${enrolmentId}`;

// Accounts and sessions
/** The account aggregate: profile, secret question, enrolment links. */
export const account = (accountId: string) => key(`ACCOUNT#${accountId}`, 'ACCOUNT');
/** When the account's sessions were all revoked (password change or reset), read by the authorizer. */
export const sessionRevocation = (accountId: string) => key(`ACCOUNT#${accountId}`, 'SESSIONS_REVOKED');
/**
 * What a login needs, by normalised identifier: account id, role, status, password hash and
 * lockout state (login.ts). It is also the identifier's uniqueness guard.
 */
export const credentials = (identifier: string) => key(`CREDENTIALS#${identifier}`, 'CREDENTIALS');
/** A session, by its token's hash; kept 6 months after it ends as the journal record of its login. */
export const session = (tokenHash: string) => key(`SESSION#${tokenHash}`, 'SESSION');
export const passwordReset = (tokenHash: string) => key(`RESET#${tokenHash}`, 'RESET');
/** A failed login attempt kept in the account's history (a success is its session item). */
export const accountLogin = (accountId: string, at: string, attemptId: string) =>
  key(`ACCOUNT#${accountId}`, `LOGIN#${at}#${attemptId}`);
/** Brute-force counter of one identifier (hashed) that no account has: same answers, same cost. */
export const loginAttempts = (identifierHash: string) =>
  key(`LOGIN_ATTEMPTS#${identifierHash}`, 'LOGIN_ATTEMPTS');

// Funding
export const dossier = (dossierNumber: string) => key(`DOSSIER#${dossierNumber}`, 'DOSSIER');
export const dossierEmail = (dossierNumber: string, emailId: string) =>
  key(`DOSSIER#${dossierNumber}`, `EMAIL#${emailId}`);
export const dossierWorkflowFailure = (dossierNumber: string, executionName: string) =>
  key(`DOSSIER#${dossierNumber}`, `WORKFLOW_FAILURE#${executionName}`);
export const dossierPayment = (dossierNumber: string, paymentId: string) =>
  key(`DOSSIER#${dossierNumber}`, `PAYMENT#${paymentId}`);
export const dossierPartition = (dossierNumber: string) => `DOSSIER#${dossierNumber}`;
/**
 * The claim of an operator's one advance for a call (DESIGN §3 uniqueness): its own item, so
 * claims never pile up on one item, recording the dossier number it was given and when.
 */
export const advanceClaim = (callId: string, siret: string) =>
  key(`ADVANCE_CLAIM#${callId}#${siret}`, 'ADVANCE_CLAIM');

/** The aggregate a workflow records its emails and failures on (see workflows/owner.ts). */
export interface ChildOwner {
  kind: 'enrolment' | 'dossier';
  id: string;
}

// Child items recorded by workflows on their owner (an enrolment or a dossier).
export const ownerEmailKey = (owner: ChildOwner, emailId: string) =>
  owner.kind === 'enrolment' ? enrolmentEmail(owner.id, emailId) : dossierEmail(owner.id, emailId);

export const ownerWorkflowFailureKey = (owner: ChildOwner, executionName: string) =>
  owner.kind === 'enrolment'
    ? enrolmentWorkflowFailure(owner.id, executionName)
    : dossierWorkflowFailure(owner.id, executionName);

export const ownerPartition = (owner: ChildOwner) =>
  owner.kind === 'enrolment' ? enrolmentPartition(owner.id) : dossierPartition(owner.id);

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
