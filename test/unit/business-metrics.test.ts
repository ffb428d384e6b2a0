import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishBusinessEventsWith, recordBusinessEvent } from '../../shared/business-events.ts';
import { writeMetric } from '../../shared/metrics.ts';

const emitted = (record: () => void) => {
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  record();
  const lines = stdout.mock.calls.map(([chunk]) => JSON.parse(String(chunk)));
  stdout.mockRestore();
  return lines;
};

afterEach(() => {
  vi.unstubAllEnvs();
  publishBusinessEventsWith(() => {});
});

describe('business events as CloudWatch metrics (EMF)', () => {
  it('writes one EMF line per event, split by outcome when it has one', () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    publishBusinessEventsWith(writeMetric);
    const [decided] = emitted(() => recordBusinessEvent('EnrolmentDecided', 'reject'));
    expect(decided).toEqual({
      _aws: {
        Timestamp: expect.any(Number),
        CloudWatchMetrics: [
          {
            Namespace: 'SegurMss',
            Dimensions: [['service', 'outcome']],
            Metrics: [{ Name: 'EnrolmentDecided', Unit: 'Count' }],
          },
        ],
      },
      service: 'segur-mss',
      outcome: 'reject',
      EnrolmentDecided: 1,
    });
  });

  it('writes nothing when metrics are disabled or no publisher is set', () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    expect(emitted(() => writeMetric('AdvanceDecided', undefined))).toEqual([]);
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    expect(emitted(() => recordBusinessEvent('AdvanceDecided'))).toEqual([]);
  });
});
