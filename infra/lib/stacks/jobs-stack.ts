import { METRIC, SERVICE } from '@peopleplan/observability/metric-names';
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
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as ses from 'aws-cdk-lib/aws-ses';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { appMetric, deadLetterAlarm, FunctionAlarms, notify } from '../constructs/alarms.js';
import { ServiceFunction } from '../constructs/service-function.js';
import { acknowledge } from '../nag.js';
import { ENTRIES } from '../paths.js';

export interface JobsStackProps extends StackProps {
  stage: string;
  table: dynamodb.ITable;
  webBaseUrl: string;
  senderEmail: string | undefined;
  /** SES domain identity (Easy DKIM) the sender's address belongs to. */
  senderDomain: string | undefined;
  /** Custom MAIL FROM domain (a subdomain of senderDomain). */
  mailFromDomain: string | undefined;
  alarmTopic: sns.ITopic;
  logRetention: logs.RetentionDays;
  /** Execution roles of the functions that act per council, and the roles they assume (access stack). */
  access: {
    alertJobRole: iam.IRole;
    bouncesRole: iam.IRole;
    tenantRole: iam.IRole;
    partnerRole: iam.IRole;
  };
  /** The pool the bounce handler finds an address's user (and so their councils) in. */
  userPoolId: string;
}

/**
 * The SES configuration set's name: fixed, so the auth stack can name it for Cognito's own mail (which
 * then reaches the bounce handler too) without a reference to this stack, which depends on that one.
 */
export const configurationSetName = (stage: string) => `peopleplan-${stage}`;

/** Messages are given this many tries before they go to the dead-letter queue. */
export const MAX_RECEIVE_COUNT = 5;

/**
 * The daily run's heartbeat must be seen at least once in this many hours: 24 plus slack for a late or
 * retried run (the schedule allows two retries within two hours).
 */
export const HEARTBEAT_HOURS = 26;

/** SES reviews an account at a 5 % bounce rate and 0.1 % complaint rate: alarm before it does. */
export const SES_BOUNCE_RATE_ALARM = 0.04;
export const SES_COMPLAINT_RATE_ALARM = 0.0008;
const percent = (ratio: number) => `${Number((ratio * 100).toFixed(3))} %`;

/**
 * Daily alerts: EventBridge Scheduler runs the alert job at 07:00 UK time (GMT or BST); the job finds
 * milestones and actions due or overdue through the cross-council `due` index and queues one message per
 * email; the notifier sends them with SES. Failed messages end in a dead-letter queue, which alarms.
 */
export class JobsStack extends Stack {
  readonly alerts: ServiceFunction;
  readonly notifier: ServiceFunction;
  readonly bounces: ServiceFunction;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  /** Alert-job and bounce-handler invocations that failed after Lambda's retries. */
  readonly failedRunsQueue: sqs.Queue;
  readonly scheduleDeadLetterQueue: sqs.Queue;
  readonly schedule: scheduler.Schedule;
  readonly configurationSet: ses.ConfigurationSet;
  readonly heartbeatAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: JobsStackProps) {
    super(scope, id, props);
    const { table } = props;
    const queueDefaults = { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true };

    this.deadLetterQueue = new sqs.Queue(this, 'EmailDeadLetters', {
      ...queueDefaults,
      retentionPeriod: Duration.days(14),
    });
    const notifierTimeout = Duration.seconds(60);
    acknowledge(this.deadLetterQueue, {
      id: 'Serverless-SQSRedrivePolicy',
      reason: 'This queue is itself the email queue’s dead-letter queue; it alarms on its first message.',
    });
    this.queue = new sqs.Queue(this, 'EmailQueue', {
      ...queueDefaults,
      // AWS guidance: at least six times the consumer's timeout, so retries do not overlap a slow send.
      visibilityTimeout: Duration.seconds(notifierTimeout.toSeconds() * 6),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });

    // Asynchronous invocations (schedules, EventBridge) that still fail after Lambda's two retries.
    this.failedRunsQueue = new sqs.Queue(this, 'FailedRuns', {
      ...queueDefaults,
      retentionPeriod: Duration.days(14),
    });
    const failedRunsReason =
      'This queue is itself a dead-letter queue: failed asynchronous invocations of the alert job and the bounce handler land here (and it alarms).';
    acknowledge(this.failedRunsQueue, { id: 'Serverless-SQSRedrivePolicy', reason: failedRunsReason });

    // --- alert job: the due index and the partnership directory with its own role, each council through
    // that council's session (policies: access stack; docs/architecture.md, "Tenant isolation").
    const { access } = props;
    this.alerts = new ServiceFunction(this, 'AlertJob', {
      executionRole: access.alertJobRole,
      deadLetterQueue: this.failedRunsQueue,
      entry: ENTRIES.alerts,
      description: 'PeoplePlan daily alert job',
      serviceName: SERVICE.alerts,
      logRetention: props.logRetention,
      timeout: Duration.minutes(5),
      environment: {
        STAGE: props.stage,
        TABLE_NAME: table.tableName,
        NOTIFY_QUEUE_URL: this.queue.queueUrl,
        WEB_BASE_URL: props.webBaseUrl,
        TENANT_ROLE_ARN: access.tenantRole.roleArn,
        PARTNER_ROLE_ARN: access.partnerRole.roleArn,
      },
    });
    this.queue.grantSendMessages(this.alerts.role);

    const scheduleDlq = new sqs.Queue(this, 'ScheduleDeadLetters', {
      ...queueDefaults,
      retentionPeriod: Duration.days(14),
    });
    this.scheduleDeadLetterQueue = scheduleDlq;
    const scheduleDlqReason =
      'This queue is itself a dead-letter queue: EventBridge Scheduler puts alert-job invocations it could not deliver here (and it alarms).';
    acknowledge(
      scheduleDlq,
      { id: 'AwsSolutions-SQS3', reason: scheduleDlqReason },
      { id: 'Serverless-SQSRedrivePolicy', reason: scheduleDlqReason },
    );

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
    this.configurationSet = new ses.ConfigurationSet(this, 'EmailConfiguration', {
      configurationSetName: configurationSetName(props.stage),
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
    });
    const configurationSet = this.configurationSet;

    this.notifier = new ServiceFunction(this, 'Notifier', {
      entry: ENTRIES.notifier,
      description: 'PeoplePlan email notifier (SQS to SES)',
      serviceName: SERVICE.notifier,
      logRetention: props.logRetention,
      timeout: notifierTimeout,
      environment: {
        STAGE: props.stage,
        SENDER_EMAIL: props.senderEmail ?? '',
        SES_CONFIGURATION_SET: configurationSet.configurationSetName,
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
    acknowledge(
      this.notifier.fn,
      {
        id: 'Serverless-LambdaDLQ',
        reason:
          'Invoked by an SQS event source (synchronously): failed messages go to the email queue’s own dead-letter queue after 5 receives, which alarms.',
      },
      {
        id: 'Serverless-LambdaEventSourceMappingDestination',
        reason:
          'On-failure destinations are for stream sources; an SQS source hands failures to the queue’s redrive policy (dead-letter queue after 5 receives).',
      },
    );

    if (props.senderEmail && props.senderDomain) {
      // A domain identity, not an address: Easy DKIM signs as the council's domain and MAIL FROM is a
      // subdomain of it, so mail passes DMARC on a domain that enforces it. The DNS records to publish are
      // stack outputs (and infra/README.md, "Email").
      const identity = new ses.EmailIdentity(this, 'SenderDomain', {
        identity: ses.Identity.domain(props.senderDomain),
        configurationSet,
        dkimSigning: true,
        dkimIdentity: ses.DkimIdentity.easyDkim(ses.EasyDkimSigningKeyLength.RSA_2048_BIT),
        mailFromDomain: props.mailFromDomain,
        // Until the MAIL FROM records exist SES uses its own MAIL FROM: DKIM alone still aligns for DMARC.
        mailFromBehaviorOnMxFailure: ses.MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE,
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
      identity.dkimRecords.forEach((r, i) => {
        new CfnOutput(this, `DnsDkim${i + 1}`, {
          description: 'DNS record for Easy DKIM (CNAME)',
          value: `${r.name} CNAME ${r.value}`,
        });
      });
      if (props.mailFromDomain) {
        new CfnOutput(this, 'DnsMailFromMx', {
          description: 'DNS record for the custom MAIL FROM domain (MX)',
          value: `${props.mailFromDomain} MX 10 feedback-smtp.${this.region}.amazonses.com`,
        });
        new CfnOutput(this, 'DnsMailFromSpf', {
          description: 'DNS record for the custom MAIL FROM domain (TXT)',
          value: `${props.mailFromDomain} TXT "v=spf1 include:amazonses.com ~all"`,
        });
      }
    } else {
      Annotations.of(this).addWarningV2(
        'peopleplan:no-sender',
        'Context senderEmail is not set: the notifier cannot send alert emails (they stay in the dead-letter queue).',
      );
    }

    // --- bounces and complaints: SES → default event bus → bounce handler, which marks the address's
    // member records undeliverable in each council, through that council's session.
    this.bounces = new ServiceFunction(this, 'Bounces', {
      executionRole: access.bouncesRole,
      entry: ENTRIES.bounces,
      description: 'PeoplePlan: SES bounces and complaints (alert emails, sign-in emails)',
      serviceName: SERVICE.bounces,
      logRetention: props.logRetention,
      timeout: Duration.seconds(30),
      memorySize: 256,
      deadLetterQueue: this.failedRunsQueue,
      environment: {
        STAGE: props.stage,
        TABLE_NAME: table.tableName,
        TENANT_ROLE_ARN: access.tenantRole.roleArn,
        USER_POOL_ID: props.userPoolId,
      },
    });
    const defaultBus = events.EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    configurationSet.addEventDestination('BouncesAndComplaints', {
      // SES publishes to the default bus only.
      destination: ses.EventDestination.eventBus(defaultBus),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });
    new events.Rule(this, 'BounceEvents', {
      description: 'PeoplePlan: bounces and complaints of alert emails to the bounce handler',
      eventBus: defaultBus,
      eventPattern: {
        source: ['aws.ses'],
        detailType: ['Email Bounced', 'Email Complaint Received'],
        // Only this deployment's mail: other configuration sets in the account publish here too.
        detail: { mail: { tags: { 'ses:configuration-set': [configurationSet.configurationSetName] } } },
      },
      targets: [
        new eventTargets.LambdaFunction(this.bounces.fn, {
          deadLetterQueue: this.failedRunsQueue,
          retryAttempts: 4,
          maxEventAge: Duration.hours(6),
        }),
      ],
    });

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
    deadLetterAlarm(this, 'FailedRunsAlarm', this.failedRunsQueue, topic, 'Alert job or bounce handler');
    new FunctionAlarms(this, 'BouncesAlarms', {
      fn: this.bounces.fn,
      topic,
      label: 'PeoplePlan bounce handler',
    });

    // A daily run that silently stops is a failure too. Invocations cannot show it (the outbox schedule
    // invokes the same function every five minutes): the heartbeat only a completed daily run publishes
    // can. Hourly periods, all of the last 26 without one (no data counts as breaching) → alarm.
    this.heartbeatAlarm = notify(
      appMetric(METRIC.alertJobCompleted, SERVICE.alerts, props.stage, {
        period: Duration.hours(1),
      }).createAlarm(this, 'AlertJobDidNotRun', {
        alarmDescription: `PeoplePlan ${props.stage} alert job: no completed daily run in the last ${HEARTBEAT_HOURS} hours`,
        threshold: 1,
        evaluationPeriods: HEARTBEAT_HOURS,
        datapointsToAlarm: HEARTBEAT_HOURS,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      }),
      topic,
    );

    // SES reputation (account-wide: every configuration set counts). AWS reviews the account at 5 %
    // bounces or 0.1 % complaints and may pause sending at 10 % / 0.5 %: know before it does.
    const reputation = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/SES',
        metricName,
        statistic: 'Maximum',
        period: Duration.hours(1),
      });
    notify(
      reputation('Reputation.BounceRate').createAlarm(this, 'SesBounceRate', {
        alarmDescription: `SES bounce rate at or above ${percent(SES_BOUNCE_RATE_ALARM)} (AWS reviews the account at 5 %): the bounce handler's log names the addresses`,
        threshold: SES_BOUNCE_RATE_ALARM,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      topic,
    );
    notify(
      reputation('Reputation.ComplaintRate').createAlarm(this, 'SesComplaintRate', {
        alarmDescription: `SES complaint rate at or above ${percent(SES_COMPLAINT_RATE_ALARM)} (AWS reviews the account at 0.1 %)`,
        threshold: SES_COMPLAINT_RATE_ALARM,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      topic,
    );

    new CfnOutput(this, 'EmailQueueUrl', { value: this.queue.queueUrl });
    new CfnOutput(this, 'EmailDeadLetterQueueUrl', { value: this.deadLetterQueue.queueUrl });
  }
}
