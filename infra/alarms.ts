import {
  aws_cloudwatch as cloudwatch,
  aws_cloudwatch_actions as cloudwatchActions,
  Duration,
  type aws_sns as sns,
} from 'aws-cdk-lib';
import type { Construct } from 'constructs';

export const ALARM_PERIOD = Duration.minutes(5);

/**
 * An alarm notifying the alarm topic. By default it fires on any occurrence in one 5-minute
 * period (errors, 5xx, failed executions should never happen); no data is not a breach.
 */
export function alarmOn(
  scope: Construct,
  id: string,
  topic: sns.ITopic,
  options: { description: string; metric: cloudwatch.IMetric; threshold?: number; periods?: number },
): cloudwatch.Alarm {
  const alarm = new cloudwatch.Alarm(scope, id, {
    alarmDescription: options.description,
    metric: options.metric,
    threshold: options.threshold ?? 1,
    evaluationPeriods: options.periods ?? 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(new cloudwatchActions.SnsAction(topic));
  return alarm;
}
