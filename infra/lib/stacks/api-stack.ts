import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { FunctionAlarms, notify } from '../constructs/alarms.js';
import { ServiceFunction } from '../constructs/service-function.js';
import { ITEM_READ_ACTIONS, leadingKeysCondition, TenantDataRoles } from '../constructs/tenant-data-roles.js';
import { acknowledge } from '../nag.js';
import { ENTRIES } from '../paths.js';

export interface ApiStackProps extends StackProps {
  stage: string;
  table: dynamodb.ITable;
  httpApi: apigwv2.IHttpApi;
  issuer: string;
  clientId: string;
  webBaseUrl: string;
  alarmTopic: sns.ITopic;
  logRetention: logs.RetentionDays;
  jwtAuthorizer: boolean;
  entry?: string;
}

/** Partnership records (`P#<partnership>`): consents and readers, which belong to no single council. */
const PARTNERSHIP_PARTITIONS = 'P#*';

/**
 * The Hono API function, its routes on the HTTP API, and the tenant roles it assumes. The function's own
 * role has no access to council items: every council read or write goes through a session of the tenant
 * data role (or partner-reader role) tagged with that council.
 */
export class ApiStack extends Stack {
  readonly api: ServiceFunction;
  readonly tenantRoles: TenantDataRoles;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { table } = props;

    this.api = new ServiceFunction(this, 'Api', {
      entry: props.entry ?? ENTRIES.api,
      description: 'PeoplePlan HTTP API (Hono)',
      serviceName: 'peopleplan-api',
      logRetention: props.logRetention,
      memorySize: 1024,
      // API Gateway gives up after 30 seconds; finish (or fail) before it does.
      timeout: Duration.seconds(28),
    });
    this.tenantRoles = new TenantDataRoles(this, 'TenantAccess', { table, assumedBy: this.api.role });

    // Partnership directory: which councils consented, who may read. Reads and the consent write are
    // limited to `P#` partitions; council partitions stay reachable only through the tenant roles.
    this.api.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'PartnershipDirectory',
        actions: [
          ...ITEM_READ_ACTIONS,
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:DeleteItem',
          'dynamodb:ConditionCheckItem',
        ],
        resources: [table.tableArn],
        conditions: leadingKeysCondition(PARTNERSHIP_PARTITIONS, 'ForAllValues:StringLike'),
      }),
    );

    const env: Record<string, string> = {
      STAGE: props.stage,
      TABLE_NAME: table.tableName,
      AUTH_ISSUER: props.issuer,
      AUTH_AUDIENCE: props.clientId,
      AUTH_JWKS_URI: `${props.issuer}/.well-known/jwks.json`,
      TENANT_ROLE_ARN: this.tenantRoles.tenantRole.roleArn,
      PARTNER_ROLE_ARN: this.tenantRoles.partnerRole.roleArn,
      WEB_BASE_URL: props.webBaseUrl,
    };
    for (const [k, v] of Object.entries(env)) this.api.fn.addEnvironment(k, v);

    // Routes. The app verifies every token itself (aws-jwt-verify) and answers in the API's error
    // shape; API Gateway's JWT authorizer is an optional extra layer that rejects bad tokens earlier.
    const integration = new HttpLambdaIntegration('ApiIntegration', this.api.fn, {
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
    });
    // Created here rather than through HttpJwtAuthorizer, which would place it in the gateway stack and
    // make that stack depend on the web stack's client id (a cycle).
    let authorizer: apigwv2.IHttpRouteAuthorizer | undefined;
    if (props.jwtAuthorizer) {
      const jwt = new apigwv2.HttpAuthorizer(this, 'CognitoJwt', {
        httpApi: props.httpApi,
        type: apigwv2.HttpAuthorizerType.JWT,
        identitySource: ['$request.header.Authorization'],
        jwtIssuer: props.issuer,
        jwtAudience: [props.clientId],
      });
      authorizer = {
        bind: () => ({ authorizerId: jwt.authorizerId, authorizationType: apigwv2.HttpAuthorizerType.JWT }),
      };
    }
    const route = (rid: string, path: string, methods: apigwv2.HttpMethod[], protectedRoute: boolean) =>
      methods.map(
        (method) =>
          new apigwv2.HttpRoute(this, `${rid}${method}`, {
            httpApi: props.httpApi,
            routeKey: apigwv2.HttpRouteKey.with(path, method),
            integration,
            authorizer: protectedRoute ? authorizer : undefined,
          }),
      );
    const open = [
      ...route('Health', '/health', [apigwv2.HttpMethod.GET], false),
      ...route('OpenApi', '/api/v1/openapi.json', [apigwv2.HttpMethod.GET], false),
    ];
    const app = route('Api', '/api/{proxy+}', [apigwv2.HttpMethod.ANY], true);
    for (const r of open) {
      acknowledge(
        r,
        {
          id: 'AwsSolutions-APIG4',
          reason: 'Public by design: health check and the OpenAPI document carry no data.',
        },
        {
          id: 'AwsSolutions-COG4',
          reason: 'Public by design: health check and the OpenAPI document carry no data.',
        },
      );
    }
    if (!authorizer) {
      for (const r of app) {
        const reason =
          'The Lambda verifies the Cognito JWT on every /api request (aws-jwt-verify: issuer, audience, expiry, signature) so that 401s use the API error contract; set context jwtAuthorizer=true to also verify at API Gateway.';
        acknowledge(r, { id: 'AwsSolutions-APIG4', reason }, { id: 'AwsSolutions-COG4', reason });
      }
    }

    // Alarms: server errors as a share of requests (a single 5xx on a quiet day is not an incident),
    // plus the function's own errors and throttles.
    const apiId = props.httpApi.apiId;
    const metric = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: { ApiId: apiId },
        statistic: 'Sum',
        period: Duration.minutes(5),
      });
    const rate = new cloudwatch.MathExpression({
      label: 'API 5xx rate (%)',
      expression: 'IF(requests >= 20, 100 * errors / requests, 0)',
      usingMetrics: { errors: metric('5xx'), requests: metric('Count') },
      period: Duration.minutes(5),
    });
    notify(
      rate.createAlarm(this, 'Api5xxRate', {
        alarmDescription:
          'PeoplePlan API: more than 5% of requests failed with a 5xx in 5 minutes (two periods running)',
        threshold: 5,
        evaluationPeriods: 2,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      props.alarmTopic,
    );
    new FunctionAlarms(this, 'ApiFunctionAlarms', {
      fn: this.api.fn,
      topic: props.alarmTopic,
      label: 'PeoplePlan API',
    });

    new CfnOutput(this, 'TenantRoleArn', { value: this.tenantRoles.tenantRole.roleArn });
    new CfnOutput(this, 'PartnerRoleArn', { value: this.tenantRoles.partnerRole.roleArn });
  }
}
