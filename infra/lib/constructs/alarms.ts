import { METRIC_DIMENSIONS, METRICS_NAMESPACE } from '@peopleplan/observability/metric-names';
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Sends an alarm (and its recovery) to the alarm topic. */
export function notify(alarm: cloudwatch.Alarm, topic: sns.ITopic): cloudwatch.Alarm {
  alarm.addAlarmAction(new actions.SnsAction(topic));
  alarm.addOkAction(new actions.SnsAction(topic));
  return alarm;
}

export interface FunctionAlarmsProps {
  fn: lambda.IFunction;
  topic: sns.ITopic;
  /** Human name used in alarm descriptions. */
  label: string;
}

/** Errors and throttles of one function: any is worth a look in a service this size. */
export class FunctionAlarms extends Construct {
  readonly errors: cloudwatch.Alarm;
  readonly throttles: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, { fn, topic, label }: FunctionAlarmsProps) {
    super(scope, id);
    this.errors = notify(
      fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }).createAlarm(this, 'Errors', {
        alarmDescription: `${label}: the function failed (uncaught error or timeout) in the last 5 minutes`,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      topic,
    );
    this.throttles = notify(
      fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }).createAlarm(this, 'Throttles', {
        alarmDescription: `${label}: invocations were throttled (account or function concurrency limit)`,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      topic,
    );
  }
}

/** A message in a dead-letter queue means something was given up on: alarm on the first one. */
export function deadLetterAlarm(
  scope: Construct,
  id: string,
  queue: sqs.IQueue,
  topic: sns.ITopic,
  what: string,
) {
  return notify(
    queue
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' })
      .createAlarm(scope, id, {
        alarmDescription: `${what}: messages are waiting in the dead-letter queue`,
        threshold: 0,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    topic,
  );
}

/** One of PeoplePlan's own metrics (Powertools, packages/observability) for one service and stage. */
export function appMetric(
  metricName: string,
  service: string,
  stage: string,
  options: { period?: Duration; statistic?: string; label?: string } = {},
): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: { [METRIC_DIMENSIONS.service]: service, [METRIC_DIMENSIONS.stage]: stage },
    statistic: options.statistic ?? 'Sum',
    period: options.period ?? Duration.minutes(5),
    label: options.label,
  });
}

export interface ServiceMetricAlarmProps {
  metricName: string;
  /** Services whose counts are added together (e.g. the API and documents functions). */
  services: string[];
  stage: string;
  threshold: number;
  /** What a breach means, for the alarm description. */
  description: string;
  topic: sns.ITopic;
}

/**
 * Alarms when the summed count of an app metric over the given services reaches the threshold in five
 * minutes. No data means nothing was counted, which is not a breach.
 */
export function serviceMetricAlarm(
  scope: Construct,
  id: string,
  p: ServiceMetricAlarmProps,
): cloudwatch.Alarm {
  const usingMetrics = Object.fromEntries(
    p.services.map((s, i) => [`m${i}`, appMetric(p.metricName, s, p.stage)]),
  );
  const sum = new cloudwatch.MathExpression({
    label: `${p.metricName} (${p.services.join(' + ')})`,
    expression: Object.keys(usingMetrics)
      .map((k) => `FILL(${k}, 0)`)
      .join(' + '),
    usingMetrics,
    period: Duration.minutes(5),
  });
  return notify(
    sum.createAlarm(scope, id, {
      alarmDescription: `PeoplePlan ${p.stage}: ${p.description} (${p.metricName} >= ${p.threshold} in 5 minutes)`,
      threshold: p.threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }),
    p.topic,
  );
}
