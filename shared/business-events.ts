/**
 * The business events an operator of the service watches, as a port: domain modules record them
 * here without knowing how they are published (CloudWatch metrics, see shared/metrics.ts, which
 * the function wrappers load). Without a publisher, recording does nothing (scripts, unit tests).
 */
export type BusinessEvent =
  | 'EnrolmentSubmitted'
  | 'EnrolmentDecided'
  | 'AdvanceDecided'
  | 'BalanceDecided'
  | 'EmailFailed'
  | 'LoginLocked';

/** `outcome` splits the count by one low-cardinality value (a decision's action). */
export type BusinessEventPublisher = (event: BusinessEvent, outcome?: string) => void;

let publish: BusinessEventPublisher = () => {};

export const recordBusinessEvent: BusinessEventPublisher = (event, outcome) => publish(event, outcome);

export function publishBusinessEventsWith(publisher: BusinessEventPublisher): void {
  publish = publisher;
}
