import { METRIC, SERVICE } from '@peopleplan/observability/metric-names';
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { appMetric } from '../constructs/alarms.js';

export interface DashboardStackProps extends StackProps {
  stage: string;
  httpApi: apigwv2.IHttpApi;
  apiFunctions: lambda.IFunction[];
  alertJob: lambda.IFunction;
  notifier: lambda.IFunction;
  table: dynamodb.ITable;
  deadLetterQueues: { label: string; queue: sqs.IQueue }[];
}

/**
 * One CloudWatch dashboard for a deployment: is the API answering, did the daily job run and mail go
 * out, is anything stuck, is the table throttling, does mail bounce. A stack of its own, deployed last,
 * because it reads from every other. (Alarms are in the CloudWatch alarms list and mailed to the alarm
 * topic; an alarm widget here would pin every alarm's ARN as a cross-stack export.)
 */
export class DashboardStack extends Stack {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: DashboardStackProps) {
    super(scope, id, props);
    const five = Duration.minutes(5);
    const api = (metricName: string, statistic = 'Sum', label?: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: { ApiId: props.httpApi.apiId },
        statistic,
        period: five,
        label,
      });
    const apiApp = (metricName: string) =>
      [SERVICE.api, SERVICE.documents].map((s) =>
        appMetric(metricName, s, props.stage, { label: `${metricName} ${s}` }),
      );
    const daily = { period: Duration.days(1) };
    const ses = (metricName: string, label: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/SES',
        metricName,
        statistic: 'Maximum',
        period: Duration.hours(1),
        label,
      });

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `PeoplePlan-${props.stage}`,
      defaultInterval: Duration.days(7),
    });
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'API requests and errors',
        left: [api('Count', 'Sum', 'requests')],
        right: [api('4xx', 'Sum', '4xx'), api('5xx', 'Sum', '5xx')],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'API latency (ms)',
        left: [api('Latency', 'p50', 'p50'), api('Latency', 'p90', 'p90'), api('Latency', 'p99', 'p99')],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'API errors the app counted',
        left: [...apiApp(METRIC.handledError), ...apiApp(METRIC.serverErrorResponse)],
        right: apiApp(METRIC.accessDenied),
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Daily alert job: completed runs (heartbeat) and alert emails queued',
        left: [
          appMetric(METRIC.alertJobCompleted, SERVICE.alerts, props.stage, {
            ...daily,
            label: 'completed runs',
          }),
        ],
        right: [
          appMetric(METRIC.alertEmailsQueued, SERVICE.alerts, props.stage, {
            ...daily,
            label: 'emails queued',
          }),
        ],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Function errors',
        left: [...props.apiFunctions, props.alertJob, props.notifier].map((fn) =>
          fn.metricErrors({ period: five, statistic: 'Sum' }),
        ),
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Dead-letter queues (messages waiting)',
        left: props.deadLetterQueues.map(({ label, queue }) =>
          queue.metricApproximateNumberOfMessagesVisible({ period: five, statistic: 'Maximum', label }),
        ),
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'DynamoDB throttled requests',
        left: ['ReadThrottleEvents', 'WriteThrottleEvents'].map((m) =>
          props.table.metric(m, { period: five, statistic: 'Sum', label: m }),
        ),
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'SES reputation (AWS reviews at 5 % bounces, 0.1 % complaints)',
        left: [ses('Reputation.BounceRate', 'bounce rate')],
        right: [ses('Reputation.ComplaintRate', 'complaint rate')],
        width: 12,
      }),
    );
  }
}
