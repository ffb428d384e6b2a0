/**
 * One count as a CloudWatch Embedded Metric Format line on stdout: CloudWatch Logs turns it into a
 * metric, with no API call and nothing to flush (written when the event happens, so a function that
 * fails afterwards still counts it). Written to stdout directly: the JSON log format would wrap a
 * console.log line. Every dimension given is one of the metric's dimensions. Not Powertools
 * Metrics: its 12.9 KiB (measured) would push most functions over the 1.25× bundle bar, for a
 * one-line format.
 */
export function writeCountMetric(namespace: string, name: string, dimensions: Record<string, string>): void {
  const line = {
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [
        {
          Namespace: namespace,
          Dimensions: [Object.keys(dimensions)],
          Metrics: [{ Name: name, Unit: 'Count' }],
        },
      ],
    },
    ...dimensions,
    [name]: 1,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
