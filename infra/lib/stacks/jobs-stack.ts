import { TABLE } from '@peopleplan/db/table';
import {
  Annotations,
  type CfnElement,
  CfnOutput,
  Duration,
  Stack,
  type StackProps,
  TimeZone,
} from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as ses from 'aws-cdk-lib/aws-ses';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { deadLetterAlarm, FunctionAlarms, notify } from '../constructs/alarms.js';
import { ServiceFunction } from '../constructs/service-function.js';
import { ITEM_READ_ACTIONS, leadingKeysCondition } from '../constructs/tenant-data-roles.js';
import { acknowledge } from '../nag.js';
import { ENTRIES } from '../paths.js';

export interface JobsStackProps extends StackProps {
  stage: string;
  table: dynamodb.ITable;
  webBaseUrl: string;
  senderEmail: string | undefined;
  alarmTopic: sns.ITopic;
  logRetention: logs.RetentionDays;
}

const COUNCIL_PARTITIONS = 'C#*';
const DUE_PARTITIONS = 'DUE#*';

/** Messages are given this many tries before they go to the dead-letter queue. */
export const MAX_RECEIVE_COUNT = 5;

/**
 * Daily alerts: EventBridge Scheduler runs the alert job at 07:00 UK time (GMT or BST); the job finds
 * milestones and actions due or overdue through the cross-council `due` index and queues one message per
 * email; the notifier sends them with SES. Failed messages end in a dead-letter queue, which alarms.
 */
export class JobsStack extends Stack {
  readonly alerts: ServiceFunction;
  readonly notifier: ServiceFunction;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: JobsStackProps) {
    super(scope, id, props);
    const { table } = props;
    const queueDefaults = { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true };

    this.deadLetterQueue = new sqs.Queue(this, 'EmailDeadLetters', {
      ...queueDefaults,
      retentionPeriod: Duration.days(14),
    });
    const notifierTimeout = Duration.seconds(60);
    this.queue = new sqs.Queue(this, 'EmailQueue', {
      ...queueDefaults,
      // AWS guidance: at least six times the consumer's timeout, so retries do not overlap a slow send.
      visibilityTimeout: Duration.seconds(notifierTimeout.toSeconds() * 6),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });

    // --- alert job
    this.alerts = new ServiceFunction(this, 'AlertJob', {
      entry: ENTRIES.alerts,
      description: 'PeoplePlan daily alert job',
      serviceName: 'peopleplan-alerts',
      logRetention: props.logRetention,
      timeout: Duration.minutes(5),
      environment: {
        STAGE: props.stage,
        TABLE_NAME: table.tableName,
        DUE_INDEX_NAME: TABLE.indexes.due.name,
        NOTIFY_QUEUE_URL: this.queue.queueUrl,
        WEB_BASE_URL: props.webBaseUrl,
      },
    });
    // The only principal that may query the due index across councils (sparse: it reads only what is due).
    this.alerts.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'QueryDueIndexAllCouncils',
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/${TABLE.indexes.due.name}`],
        conditions: leadingKeysCondition(DUE_PARTITIONS, 'ForAllValues:StringLike'),
      }),
    );
    // Council settings, owners' emails, and "alert already sent" markers (ALERT# items).
    this.alerts.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'CouncilItemsForAlerts',
        actions: [
          ...ITEM_READ_ACTIONS,
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:ConditionCheckItem',
        ],
        resources: [table.tableArn],
        conditions: leadingKeysCondition(COUNCIL_PARTITIONS, 'ForAllValues:StringLike'),
      }),
    );
    // Partner readers' weekly digest: the partnership directory (P# records: partnerships, readers).
    this.alerts.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadPartnershipDirectory',
        actions: ['dynamodb:GetItem', 'dynamodb:Query'],
        resources: [table.tableArn],
        conditions: leadingKeysCondition('P#*', 'ForAllValues:StringLike'),
      }),
    );
    // Stale-progress checks and longer due-soon windows read each council through its own index.
    this.alerts.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'QueryCouncilIndex',
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/${TABLE.indexes.council.name}`],
        conditions: leadingKeysCondition(COUNCIL_PARTITIONS, 'ForAllValues:StringLike'),
      }),
    );
    this.queue.grantSendMessages(this.alerts.role);

    const scheduleDlq = new sqs.Queue(this, 'ScheduleDeadLetters', {
      ...queueDefaults,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(scheduleDlq, {
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself a dead-letter queue: EventBridge Scheduler puts alert-job invocations it could not deliver here.',
    });

    const scheduleRole = new iam.Role(this, 'ScheduleRole', {
      description: 'EventBridge Scheduler: invoke the PeoplePlan alert job',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    });
    this.schedule = new scheduler.Schedule(this, 'DailyAlerts', {
      description: 'PeoplePlan alert job, every day at 07:00 UK time',
      schedule: scheduler.ScheduleExpression.cron({
        minute: '0',
        hour: '7',
        timeZone: TimeZone.EUROPE_LONDON,
      }),
      target: new targets.LambdaInvoke(this.alerts.fn, {
        role: scheduleRole,
        input: scheduler.ScheduleTargetInput.fromObject({ source: 'schedule' }),
        deadLetterQueue: scheduleDlq,
        retryAttempts: 2,
        maxEventAge: Duration.hours(2),
      }),
    });

    // Re-baselined milestones wait in the outbox; sending them every 5 minutes makes the email
    // follow the change instead of waiting for the next morning.
    new scheduler.Schedule(this, 'RebaselineOutbox', {
      description: 'PeoplePlan alert job: send re-baseline alerts waiting in the outbox',
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(5)),
      target: new targets.LambdaInvoke(this.alerts.fn, {
        role: scheduleRole,
        input: scheduler.ScheduleTargetInput.fromObject({ source: 'schedule', mode: 'outbox' }),
        deadLetterQueue: scheduleDlq,
        retryAttempts: 2,
        maxEventAge: Duration.minutes(30),
      }),
    });

    acknowledge(scheduleRole, {
      id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(this.alerts.fn.node.defaultChild as CfnElement)}.Arn>:*]`,
      reason:
        'Granted by the scheduler target: invoking the alert job function and its versions/aliases only.',
    });

    // --- email notifier
    const configurationSet = new ses.ConfigurationSet(this, 'EmailConfiguration', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
    });

    this.notifier = new ServiceFunction(this, 'Notifier', {
      entry: ENTRIES.notifier,
      description: 'PeoplePlan email notifier (SQS to SES)',
      serviceName: 'peopleplan-notifier',
      logRetention: props.logRetention,
      timeout: notifierTimeout,
      environment: {
        STAGE: props.stage,
        SENDER_EMAIL: props.senderEmail ?? '',
        SES_CONFIGURATION_SET: configurationSet.configurationSetName,
        WEB_BASE_URL: props.webBaseUrl,
      },
    });
    this.notifier.fn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        reportBatchItemFailures: true,
        // Keeps the send rate inside SES limits (one per second in the sandbox).
        maxConcurrency: 2,
      }),
    );

    if (props.senderEmail) {
      const identity = new ses.EmailIdentity(this, 'SenderIdentity', {
        identity: ses.Identity.email(props.senderEmail),
        configurationSet,
      });
      this.notifier.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'SendAlertEmail',
          actions: ['ses:SendEmail'],
          resources: [
            identity.emailIdentityArn,
            this.formatArn({
              service: 'ses',
              resource: 'configuration-set',
              resourceName: configurationSet.configurationSetName,
            }),
          ],
          conditions: { StringEquals: { 'ses:FromAddress': props.senderEmail } },
        }),
      );
    } else {
      Annotations.of(this).addWarningV2(
        'peopleplan:no-sender',
        'Context senderEmail is not set: the notifier cannot send alert emails (they stay in the dead-letter queue).',
      );
    }

    // --- alarms
    const topic = props.alarmTopic;
    deadLetterAlarm(this, 'EmailDlqAlarm', this.deadLetterQueue, topic, 'Alert emails');
    deadLetterAlarm(this, 'ScheduleDlqAlarm', scheduleDlq, topic, 'Alert job schedule');
    new FunctionAlarms(this, 'AlertJobAlarms', { fn: this.alerts.fn, topic, label: 'PeoplePlan alert job' });
    new FunctionAlarms(this, 'NotifierAlarms', {
      fn: this.notifier.fn,
      topic,
      label: 'PeoplePlan email notifier',
    });
    // A job that silently stops running is a failure too: expect at least one run a day.
    notify(
      this.alerts.fn
        .metricInvocations({ period: Duration.days(1), statistic: 'Sum' })
        .createAlarm(this, 'AlertJobDidNotRun', {
          alarmDescription: 'PeoplePlan alert job: no run in the last 24 hours',
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.BREACHING,
        }),
      topic,
    );

    new CfnOutput(this, 'EmailQueueUrl', { value: this.queue.queueUrl });
    new CfnOutput(this, 'EmailDeadLetterQueueUrl', { value: this.deadLetterQueue.queueUrl });
  }
}
