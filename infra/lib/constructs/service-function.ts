import { existsSync } from 'node:fs';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { bundledCode } from '../bundling.js';
import { acknowledge } from '../nag.js';

export interface ServiceFunctionProps {
  /** Absolute path of a TypeScript module exporting `handler`. */
  entry: string;
  description: string;
  logRetention: logs.RetentionDays;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
  /** Log level for Powertools (`POWERTOOLS_LOG_LEVEL`). */
  logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  serviceName: string;
  /**
   * For functions invoked asynchronously (schedules, EventBridge rules): where an event goes once
   * Lambda's own retries are spent, instead of being dropped. Unset for API and queue consumers, whose
   * callers see the failure themselves.
   */
  deadLetterQueue?: sqs.IQueue;
  /**
   * An execution role made elsewhere (the access stack, for functions that assume the tenant roles). It is
   * imported here, so what this function's stack grants it (log group, traces, queues) is a policy in this
   * stack and the access stack never refers back to it.
   */
  executionRole?: iam.IRole;
}

/**
 * A Lambda function as every PeoplePlan function should be: Node.js 22 on arm64, bundled locally by
 * esbuild into ES modules (lib/bundling.ts), its own log group with a retention period, X-Ray active
 * tracing, and its own role that starts with nothing but permission to write to that log group and
 * traces (callers add exactly what the function needs).
 */
export class ServiceFunction extends Construct {
  readonly fn: lambda.Function;
  readonly role: iam.IRole;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    if (!existsSync(props.entry)) {
      throw new Error(`Lambda entry ${props.entry} does not exist (expected a module exporting "handler")`);
    }

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      // Logs may be needed after a teardown (audit, incident review); they expire by retention anyway.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // An explicit role instead of the default AWSLambdaBasicExecutionRole managed policy, whose
    // logs:* grant covers every log group in the account.
    this.role = props.executionRole
      ? iam.Role.fromRoleArn(this, 'Role', props.executionRole.roleArn, { mutable: true })
      : new iam.Role(this, 'Role', {
          assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
          description: `${props.description} (execution role)`,
        });
    this.logGroup.grantWrite(this.role);

    this.fn = new lambda.Function(this, 'Function', {
      code: bundledCode(props.entry),
      handler: 'index.handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      role: this.role,
      logGroup: this.logGroup,
      // X-Ray: Lambda's own segments now, Powertools Tracer's subsegments where a function adds them.
      tracing: lambda.Tracing.ACTIVE,
      deadLetterQueue: props.deadLetterQueue,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
    });
    // Lambda checks the role may write traces when a function with active tracing is created, and an
    // event source mapping checks queue access: the imported role's policy (this stack) must come first.
    if (props.executionRole) this.fn.node.addDependency(this.role);
    const runtimeReason =
      'Node.js 22 is the runtime the design pins: the same code runs on the local Node 20 stack and is tested there; move to Node.js 24 with the rest of the project.';
    acknowledge(
      this.fn,
      { id: 'AwsSolutions-L1', reason: runtimeReason },
      { id: 'Serverless-LambdaLatestVersion', reason: runtimeReason },
    );
    // Active tracing grants exactly these two actions on "*" (X-Ray has no resource-level permissions).
    acknowledge(this.role, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments and PutTelemetryRecords, added by active tracing, support no resource-level permissions; no other statement of this role may use "*" (test/infra/stacks.test.ts).',
    });
  }
}
