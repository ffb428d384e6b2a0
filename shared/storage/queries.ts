/**
 * The list access patterns of the single table, by name: one Query each (never a Scan), given as
 * the coordinates `queryPage` / `queryAll` take. Repositories import this module as a namespace
 * (`import * as queries`), so each bundle keeps only the patterns it uses.
 */
import * as keys from './keys.ts';
import { type ChildOwner, indexKeys, ownerPartition } from './keys.ts';
import { type IndexName, TABLE_DEFINITION } from './table.ts';

/** The coordinates of one Query, as `queryPage` / `queryAll` take them. */
export interface QueryCoordinates {
  index?: IndexName;
  partition: { name: string; value: string };
  sortPrefix?: { name: string; value: string };
  sortFrom?: { name: string; value: string };
}

/** GSI1: lists by status (and an account's sessions). */
const byStatusIndex = () => TABLE_DEFINITION.globalSecondaryIndexes[0];
/** GSI2: lists by owner (an operator's SIRET) and lookups by a secondary identifier. */
const byOwnerIndex = () => TABLE_DEFINITION.globalSecondaryIndexes[1];

const tablePartition = (value: string, sortPrefix?: string): QueryCoordinates => ({
  partition: { name: TABLE_DEFINITION.partitionKey, value },
  ...(sortPrefix !== undefined ? { sortPrefix: { name: TABLE_DEFINITION.sortKey, value: sortPrefix } } : {}),
});

/** GSI1: enrolments of one status, by submission date. */
export const enrolmentsByStatus = (status: string): QueryCoordinates => ({
  index: byStatusIndex().indexName,
  partition: { name: byStatusIndex().partitionKey, value: indexKeys.enrolmentsByStatus(status).GSI1PK },
});
/** GSI1: dossiers of one status, by deposit date. */
export const dossiersByStatus = (status: string): QueryCoordinates => ({
  index: byStatusIndex().indexName,
  partition: { name: byStatusIndex().partitionKey, value: indexKeys.dossiersByStatus(status).GSI1PK },
});
/** GSI2: an operator's enrolments (the `ENROLMENT#` part of its SIRET partition), oldest first. */
export const enrolmentsOfOperator = (siret: string): QueryCoordinates => {
  const { GSI2PK, GSI2SK } = indexKeys.enrolmentsBySiret(siret);
  return {
    index: byOwnerIndex().indexName,
    partition: { name: byOwnerIndex().partitionKey, value: GSI2PK },
    // `ENROLMENT##` with no date and id: its prefix `ENROLMENT#` leaves the operator's dossiers out.
    sortPrefix: { name: byOwnerIndex().sortKey, value: GSI2SK.slice(0, -1) },
  };
};
/** GSI2: everything filed under an operator's SIRET, its enrolments and its dossiers. */
export const itemsOfOperator = (siret: string): QueryCoordinates => ({
  index: byOwnerIndex().indexName,
  partition: { name: byOwnerIndex().partitionKey, value: indexKeys.dossiersBySiret(siret).GSI2PK },
});
/** GSI1: an account's sessions opened since `openedSince` (ISO date). */
export const sessionsOfAccountSince = (accountId: string, openedSince: string): QueryCoordinates => ({
  index: byStatusIndex().indexName,
  partition: { name: byStatusIndex().partitionKey, value: indexKeys.sessionsByAccount(accountId).GSI1PK },
  sortFrom: { name: byStatusIndex().sortKey, value: openedSince },
});
/** GSI2: the accounts of an email address (forgotten identifier). */
export const accountsByEmail = (normalisedEmail: string): QueryCoordinates => ({
  index: byOwnerIndex().indexName,
  partition: { name: byOwnerIndex().partitionKey, value: indexKeys.accountsByEmail(normalisedEmail).GSI2PK },
});
/** An enrolment's audit trail, oldest first. */
export const enrolmentAudit = (enrolmentId: string) =>
  tablePartition(keys.enrolmentPartition(enrolmentId), keys.enrolmentAuditPrefix());
/** A funding call's partition: its current record and its superseded versions. */
export const fundingCallVersions = (callId: string) => tablePartition(keys.fundingCallPartition(callId));
/** A dossier's partition: the aggregate and its child items (emails, payments, failures). */
export const dossierPartition = (dossierNumber: string) =>
  tablePartition(keys.dossierPartition(dossierNumber));
/** The emails recorded on an enrolment or a dossier. */
export const ownerEmails = (owner: ChildOwner) => tablePartition(ownerPartition(owner), 'EMAIL#');
/** The workflow failures recorded on an enrolment or a dossier. */
export const ownerWorkflowFailures = (owner: ChildOwner) =>
  tablePartition(ownerPartition(owner), 'WORKFLOW_FAILURE#');
