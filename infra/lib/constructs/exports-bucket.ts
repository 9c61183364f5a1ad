import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.js';

/** Where export ZIPs are written, under `exports/<council>/…`. */
export const EXPORTS_PREFIX = 'exports/';
/** An export exists to be downloaded once, through a presigned URL minutes old: a day is plenty. */
export const EXPORT_EXPIRY_DAYS = 1;

export interface ExportsBucketProps {
  /** How long the bucket's server access logs are kept (the stage's log retention). */
  logRetention: logs.RetentionDays;
}

/**
 * Councils' exports (issue 13, offboarding): the documents function streams a council's ZIP here and answers
 * with a short-lived presigned URL. Private, encrypted, TLS only, unversioned (an export is never edited),
 * and every object expires after a day, so a council's data does not linger here. Server access logs
 * (cdk-nag AwsSolutions-S1) record who fetched which export, in a log bucket of its own.
 */
export class ExportsBucket extends Construct {
  readonly bucket: s3.Bucket;
  readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string, props: ExportsBucketProps) {
    super(scope, id);
    // Log delivery by bucket policy (aws:SourceArn of the exports bucket), not ACLs: the log bucket keeps
    // ACLs disabled. Set on this construct only, before its buckets exist, so the web stack's older log
    // bucket is left as it is.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(props.logRetention) }],
      // Who downloaded a council's data may matter after a teardown (audit); the logs expire anyway.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: false,
      lifecycleRules: [
        { expiration: Duration.days(EXPORT_EXPIRY_DAYS) },
        // A stream that failed part way leaves parts behind that are billed until aborted.
        { abortIncompleteMultipartUploadAfter: Duration.days(EXPORT_EXPIRY_DAYS) },
      ],
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 's3/',
      // Like the other buckets, left for a person to empty and delete (infra/README.md, "Teardown").
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /**
   * Write (a streamed multipart upload, which it may abort) and read (what a presigned URL signs) under
   * `exports/` only.
   */
  grantReadWriteExports(role: iam.IRole): void {
    const objects = this.bucket.arnForObjects(`${EXPORTS_PREFIX}*`);
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'CouncilExports',
        actions: ['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload'],
        resources: [objects],
      }),
    );
    const stack = Stack.of(this);
    acknowledge(role, {
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket)}.Arn>/${EXPORTS_PREFIX}*]`,
      reason:
        'Export objects are named per council and run when they are written (exports/<council>/<id>.zip): the grant covers that prefix of the exports bucket only, whose objects expire after a day.',
    });
  }
}
