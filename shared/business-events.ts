import { writeCountMetric } from './metrics.ts';

/**
 * The business events an operator of the service watches, recorded by the use cases as CloudWatch
 * metrics (EMF, see shared/metrics.ts): only the functions whose use cases record one carry this
 * code. POWERTOOLS_METRICS_DISABLED=true (the tests, as for Powertools Metrics) writes nothing.
 */
export type BusinessEvent =
  | 'EnrolmentSubmitted'
  | 'EnrolmentDecided'
  | 'AdvanceDecided'
  | 'BalanceDecided'
  | 'EmailFailed'
  | 'LoginLocked';

/** Namespace of the business metrics (the CloudWatch alarms of infra/ watch it). */
export const METRICS_NAMESPACE = 'SegurMss';

/** The `service` dimension (the logger's service name). */
export const METRICS_SERVICE = process.env.SERVICE_NAME ?? 'segur-mss';

/** Counts one event; `outcome` splits the count by one low-cardinality value (a decision's action). */
export function recordBusinessEvent(event: BusinessEvent, outcome?: string): void {
  if (process.env.POWERTOOLS_METRICS_DISABLED === 'true') return;
  writeCountMetric(METRICS_NAMESPACE, event, {
    service: METRICS_SERVICE,
    ...(outcome === undefined ? {} : { outcome }),
  });
}
