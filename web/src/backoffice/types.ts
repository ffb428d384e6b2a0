import type { operations } from '../api/schema.d.ts';

/** The JSON body of an operation's 200/201 answer, from the generated client types. */
type Ok<Id extends keyof operations> = operations[Id]['responses'] extends {
  200: { content: { 'application/json': infer Body } };
}
  ? Body
  : operations[Id]['responses'] extends { 201: { content: { 'application/json': infer Body } } }
    ? Body
    : never;

export type EnrolmentFile = Ok<'getAdminEnrolment'>;
export type QueueEntry = Ok<'listAdminEnrolments'>['items'][number];
export type Dossier = Ok<'getDossier'>;
export type DossierEntry = Ok<'listDossiers'>['items'][number];
export type FundingCall = Ok<'getFundingCall'>;
export type EmailView = EnrolmentFile['emails'][number];
export type FailureView = EnrolmentFile['workflowFailures'][number];
export type EnrolmentStatus = QueueEntry['status'];
export type DossierStatus = DossierEntry['status'];
