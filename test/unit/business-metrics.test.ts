import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordBusinessEvent } from '#shared/business-events.ts';

const emitted = (record: () => void) => {
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  record();
  const lines = stdout.mock.calls.map(([chunk]) => JSON.parse(String(chunk)));
  stdout.mockRestore();
  return lines;
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('business events as CloudWatch metrics (EMF)', () => {
  it('writes one EMF line per event, split by outcome when it has one', () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
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

  it('writes nothing when metrics are disabled; an event without outcome has the service dimension only', () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    expect(emitted(() => recordBusinessEvent('AdvanceDecided'))).toEqual([]);
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    const [advance] = emitted(() => recordBusinessEvent('AdvanceDecided'));
    expect(advance._aws.CloudWatchMetrics[0].Dimensions).toEqual([['service']]);
    expect(advance).not.toHaveProperty('outcome');
    expect(advance.AdvanceDecided).toBe(1);
  });
});
