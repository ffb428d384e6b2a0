/**
 * Every access pattern of the single table, named, with its key builders (`keys`: one item;
 * `indexKeys`: an item's place in a secondary index; `queries`: a list). Nothing else in the code
 * base spells a key or an index attribute: the repositories (`*repository.ts`) name a pattern
 * here and hand it to the store (store.ts), which strips the key attributes from what it returns.
 * Values are opaque strings; `#` separates the parts.
 */
import { type IndexName, TABLE_DEFINITION } from './table.ts';

export interface PrimaryKey {
  PK: string;
  SK: string;
}

const key = (PK: string, SK: string): PrimaryKey => ({ PK, SK });

export const keys = {
  // Infrastructure
  /** Atomic counter behind a human-readable number sequence (ENR…, FINMSS…). */
  counter: (name: string) => key(`COUNTER#${name}`, 'COUNTER'),
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
  /**
   * The claim of an operator's one advance for a call (DESIGN §3 uniqueness): its own item, so
   * claims never pile up on one item, recording the dossier number it was given and when.
   */
  advanceClaim: (callId: string, siret: string) => key(`ADVANCE_CLAIM#${callId}#${siret}`, 'ADVANCE_CLAIM'),

  // Child items recorded by workflows on their owner (an enrolment or a dossier).
  ownerEmail: (owner: ChildOwner, emailId: string) => OWNER_KEYS[owner.kind].email(owner.id, emailId),
  ownerWorkflowFailure: (owner: ChildOwner, executionName: string) =>
    OWNER_KEYS[owner.kind].workflowFailure(owner.id, executionName),
} as const;

/** The aggregate a workflow records its emails and failures on (see workflows/owner.ts). */
export interface ChildOwner {
  kind: 'enrolment' | 'dossier';
  id: string;
}

const OWNER_KEYS = {
  enrolment: {
    partition: keys.enrolmentPartition,
    email: keys.enrolmentEmail,
    workflowFailure: keys.enrolmentWorkflowFailure,
  },
  dossier: {
    partition: keys.dossierPartition,
    email: keys.dossierEmail,
    workflowFailure: keys.dossierWorkflowFailure,
  },
} as const;

/** Sort-key prefixes of the child items of an aggregate's partition. */
const childPrefixes = {
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

/** The coordinates of one Query, as `queryPage` / `queryAll` take them. */
export interface QueryCoordinates {
  index?: IndexName;
  partition: { name: string; value: string };
  sortPrefix?: { name: string; value: string };
  sortFrom?: { name: string; value: string };
}

const [byStatusIndex, byOwnerIndex] = TABLE_DEFINITION.globalSecondaryIndexes;

const tablePartition = (value: string, sortPrefix?: string): QueryCoordinates => ({
  partition: { name: TABLE_DEFINITION.partitionKey, value },
  ...(sortPrefix !== undefined ? { sortPrefix: { name: TABLE_DEFINITION.sortKey, value: sortPrefix } } : {}),
});

/** The list access patterns, by name: one Query each (never a Scan). */
export const queries = {
  /** GSI1: enrolments of one status, by submission date. */
  enrolmentsByStatus: (status: string): QueryCoordinates => ({
    index: byStatusIndex.indexName,
    partition: { name: byStatusIndex.partitionKey, value: indexKeys.enrolmentsByStatus(status).GSI1PK },
  }),
  /** GSI1: dossiers of one status, by deposit date. */
  dossiersByStatus: (status: string): QueryCoordinates => ({
    index: byStatusIndex.indexName,
    partition: { name: byStatusIndex.partitionKey, value: indexKeys.dossiersByStatus(status).GSI1PK },
  }),
  /** GSI2: an operator's enrolments (the `ENROLMENT#` part of its SIRET partition), oldest first. */
  enrolmentsOfOperator: (siret: string): QueryCoordinates => {
    const { GSI2PK, GSI2SK } = indexKeys.enrolmentsBySiret(siret);
    return {
      index: byOwnerIndex.indexName,
      partition: { name: byOwnerIndex.partitionKey, value: GSI2PK },
      // `ENROLMENT##` with no date and id: its prefix `ENROLMENT#` leaves the operator's dossiers out.
      sortPrefix: { name: byOwnerIndex.sortKey, value: GSI2SK.slice(0, -1) },
    };
  },
  /** GSI2: everything filed under an operator's SIRET, its enrolments and its dossiers. */
  itemsOfOperator: (siret: string): QueryCoordinates => ({
    index: byOwnerIndex.indexName,
    partition: { name: byOwnerIndex.partitionKey, value: indexKeys.dossiersBySiret(siret).GSI2PK },
  }),
  /** GSI1: an account's sessions opened since `openedSince` (ISO date). */
  sessionsOfAccountSince: (accountId: string, openedSince: string): QueryCoordinates => ({
    index: byStatusIndex.indexName,
    partition: { name: byStatusIndex.partitionKey, value: indexKeys.sessionsByAccount(accountId).GSI1PK },
    sortFrom: { name: byStatusIndex.sortKey, value: openedSince },
  }),
  /** GSI2: the accounts of an email address (forgotten identifier). */
  accountsByEmail: (normalisedEmail: string): QueryCoordinates => ({
    index: byOwnerIndex.indexName,
    partition: { name: byOwnerIndex.partitionKey, value: indexKeys.accountsByEmail(normalisedEmail).GSI2PK },
  }),
  /** An enrolment's audit trail, oldest first. */
  enrolmentAudit: (enrolmentId: string) =>
    tablePartition(keys.enrolmentPartition(enrolmentId), keys.enrolmentAuditPrefix()),
  /** A funding call's partition: its current record and its superseded versions. */
  fundingCallVersions: (callId: string) => tablePartition(keys.fundingCallPartition(callId)),
  /** A dossier's partition: the aggregate and its child items (emails, payments, failures). */
  dossierPartition: (dossierNumber: string) => tablePartition(keys.dossierPartition(dossierNumber)),
  /** The emails recorded on an enrolment or a dossier. */
  ownerEmails: (owner: ChildOwner) =>
    tablePartition(OWNER_KEYS[owner.kind].partition(owner.id), childPrefixes.email),
  /** The workflow failures recorded on an enrolment or a dossier. */
  ownerWorkflowFailures: (owner: ChildOwner) =>
    tablePartition(OWNER_KEYS[owner.kind].partition(owner.id), childPrefixes.workflowFailure),
} as const;
