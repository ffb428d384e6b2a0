import { aws_logs as logs } from 'aws-cdk-lib';

/** CloudWatch Logs accepts a fixed set of retention periods. */
export function retentionDays(days: number): logs.RetentionDays {
  const allowed = Object.values(logs.RetentionDays).filter(
    (value): value is number => typeof value === 'number',
  );
  const match = allowed.filter((value) => value >= days).sort((a, b) => a - b)[0];
  if (match === undefined) throw new Error(`No log retention of at least ${days} days`);
  return match as logs.RetentionDays;
}
