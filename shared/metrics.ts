/** Namespace of the business metrics (the CloudWatch alarms of infra/ watch it). */
export const METRICS_NAMESPACE = 'SegurMss';

/** The `service` dimension (the logger's service name). */
export const METRICS_SERVICE = process.env.SERVICE_NAME ?? 'segur-mss';

/**
 * One business event as a CloudWatch Embedded Metric Format line on stdout: CloudWatch Logs turns
 * it into a metric, with no API call and nothing to flush (written when the event happens, so a
 * function that fails afterwards still counts it). Dimensions: `service`, plus `outcome` for the
 * events split by one (a decision's action). Not Powertools Metrics: its 12.9 KiB (measured)
 * would push most functions over the 1.25× bundle bar, for a one-line format.
 */
export function writeMetric(name: string, outcome: string | undefined): void {
  if (process.env.POWERTOOLS_METRICS_DISABLED === 'true') return;
  const dimensions = outcome === undefined ? ['service'] : ['service', 'outcome'];
  const line = {
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [
        { Namespace: METRICS_NAMESPACE, Dimensions: [dimensions], Metrics: [{ Name: name, Unit: 'Count' }] },
      ],
    },
    service: METRICS_SERVICE,
    ...(outcome === undefined ? {} : { outcome }),
    [name]: 1,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
