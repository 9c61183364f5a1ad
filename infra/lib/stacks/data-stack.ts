import { TABLE } from '@peopleplan/db/table';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, TimeZone } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag.js';

export interface DataStackProps extends StackProps {
  /** An AWS Backup vault (another account or region) to copy every daily backup to. */
  backupCopyVaultArn?: string;
}

/** Daily backups are kept this long (point-in-time recovery covers the last 35 days to the second). */
export const BACKUP_RETENTION_DAYS = 35;

/**
 * The single table. Its keys and indexes come from packages/db/src/table.ts, the same definition the
 * local stack uses, so AWS and a laptop cannot drift apart. Point-in-time recovery, and an AWS Backup
 * plan on top: daily backups kept 35 days in a vault of their own, optionally copied to another vault
 * (another account or region), so that losing the table, or the account, is not losing the councils'
 * plans. infra/README.md, "Backups and restore", is the runbook.
 */
export class DataStack extends Stack {
  readonly table: dynamodb.Table;
  readonly backupVault: backup.BackupVault;
  readonly backupPlan: backup.BackupPlan;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const S = dynamodb.AttributeType.STRING;

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: S },
      sortKey: { name: TABLE.sortKey, type: S },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: TABLE.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // Councils' plans outlive any one deployment: deleting the stack leaves the table in place.
      removalPolicy: RemovalPolicy.RETAIN,
      // AWS-owned keys are not visible to the council; an AWS managed key is, in CloudTrail and KMS.
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
    });
    for (const ix of Object.values(TABLE.indexes)) {
      this.table.addGlobalSecondaryIndex({
        indexName: ix.name,
        partitionKey: { name: ix.partitionKey, type: S },
        sortKey: { name: ix.sortKey, type: S },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    this.backupVault = new backup.BackupVault(this, 'BackupVault', {
      // Recovery points outlive the stack, like the table.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.backupPlan = new backup.BackupPlan(this, 'BackupPlan', { backupVault: this.backupVault });
    this.backupPlan.addRule(
      new backup.BackupPlanRule({
        ruleName: 'Daily',
        // Before the 07:00 alert run and outside office hours.
        scheduleExpression: events.Schedule.cron({ hour: '2', minute: '30' }),
        scheduleExpressionTimezone: TimeZone.EUROPE_LONDON,
        startWindow: Duration.hours(1),
        completionWindow: Duration.hours(4),
        deleteAfter: Duration.days(BACKUP_RETENTION_DAYS),
        copyActions: props.backupCopyVaultArn
          ? [
              {
                destinationBackupVault: backup.BackupVault.fromBackupVaultArn(
                  this,
                  'BackupCopyVault',
                  props.backupCopyVaultArn,
                ),
                deleteAfter: Duration.days(BACKUP_RETENTION_DAYS),
              },
            ]
          : undefined,
      }),
    );
    const selection = this.backupPlan.addSelection('Table', {
      resources: [backup.BackupResource.fromDynamoDbTable(this.table)],
    });
    acknowledge(selection, {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        'The role AWS Backup assumes to back up the table: AWS’s managed backup policy, kept current by AWS for every resource type it backs up; only this plan’s selection (the table) uses the role.',
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'TableArn', { value: this.table.tableArn });
    new CfnOutput(this, 'BackupVaultName', { value: this.backupVault.backupVaultName });
  }
}
