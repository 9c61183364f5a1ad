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

export interface DocumentRoute {
  path: string;
  methods: apigwv2.HttpMethod[];
  /** Reachable without a bearer token (the path itself carries a secret). */
  open?: boolean;
}

/**
 * Routes served by the documents function: the paths of `documentModules` in
 * functions/api/src/modules.ts (imports, reports and periods, calendar feeds). HTTP API picks the most
 * specific route, so these win over `ANY /api/{proxy+}`; test/infra/routes.test.ts checks that every
 * path of each module set reaches the function that serves it.
 */
export const DOCUMENT_ROUTES: DocumentRoute[] = [
  { path: '/api/v1/councils/{c}/imports', methods: [apigwv2.HttpMethod.ANY] },
  { path: '/api/v1/councils/{c}/imports/{proxy+}', methods: [apigwv2.HttpMethod.ANY] },
  { path: '/api/v1/councils/{c}/plans/{planId}/reports', methods: [apigwv2.HttpMethod.GET] },
  { path: '/api/v1/councils/{c}/plans/{planId}/periods', methods: [apigwv2.HttpMethod.GET] },
  { path: '/api/v1/councils/{c}/plans/{planId}/periods/{proxy+}', methods: [apigwv2.HttpMethod.ANY] },
  { path: '/api/v1/councils/{c}/actions/{actionId}/timeline', methods: [apigwv2.HttpMethod.GET] },
  { path: '/api/v1/councils/{c}/people/{personId}/calendar-feed', methods: [apigwv2.HttpMethod.ANY] },
  { path: '/api/v1/councils/{c}/plans/{planId}/calendar-feed', methods: [apigwv2.HttpMethod.ANY] },
  { path: '/calendar/{councilId}/{file}', methods: [apigwv2.HttpMethod.GET], open: true },
];

/**
 * The Hono API, served by two functions built from the same app: the API function (every route but
 * documents) and the documents function (imports, reports, calendar feeds: the DOCX/XLSX libraries), with
 * their routes on the HTTP API and the tenant roles they assume. Neither function's own role can touch
 * council items: every council read or write goes through a session of the tenant data role (or
 * partner-reader role) tagged with that council.
 */
export class ApiStack extends Stack {
  readonly api: ServiceFunction;
  readonly documents: ServiceFunction;
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
    this.documents = new ServiceFunction(this, 'Documents', {
      entry: ENTRIES.documents,
      description: 'PeoplePlan documents API: plan imports, reports, calendar feeds (Hono)',
      serviceName: 'peopleplan-documents',
      logRetention: props.logRetention,
      // Reading a 10 MB workbook builds a large object model; 1769 MB is also where Lambda gives a
      // whole vCPU, which parsing and rendering use.
      memorySize: 1769,
      // Not the 60 s a large import might like: HTTP API ends every integration at 30 s, and work past
      // that point would finish unseen. Finish (or fail) first; commits are idempotent and can be retried.
      timeout: Duration.seconds(28),
    });
    this.tenantRoles = new TenantDataRoles(this, 'TenantAccess', {
      table,
      assumedBy: [this.api.role, this.documents.role],
    });

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
    // The same settings for both: they are one app, split only to keep each bundle small.
    for (const fn of [this.api.fn, this.documents.fn]) {
      for (const [k, v] of Object.entries(env)) fn.addEnvironment(k, v);
    }

    // Routes. The app verifies every token itself (aws-jwt-verify) and answers in the API's error
    // shape; API Gateway's JWT authorizer is an optional extra layer that rejects bad tokens earlier.
    const integration = new HttpLambdaIntegration('ApiIntegration', this.api.fn, {
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
    });
    const documentsIntegration = new HttpLambdaIntegration('DocumentsIntegration', this.documents.fn, {
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
    const route = (
      rid: string,
      path: string,
      methods: apigwv2.HttpMethod[],
      protectedRoute: boolean,
      target = integration,
    ) =>
      methods.map(
        (method) =>
          new apigwv2.HttpRoute(this, `${rid}${method}`, {
            httpApi: props.httpApi,
            routeKey: apigwv2.HttpRouteKey.with(path, method),
            integration: target,
            authorizer: protectedRoute ? authorizer : undefined,
          }),
      );
    const open = [
      ...route('Health', '/health', [apigwv2.HttpMethod.GET], false),
      ...route('OpenApi', '/api/v1/openapi.json', [apigwv2.HttpMethod.GET], false),
    ];
    const app = route('Api', '/api/{proxy+}', [apigwv2.HttpMethod.ANY], true);
    const documentRoutes = DOCUMENT_ROUTES.map((r) => ({
      ...r,
      routes: route(`Documents${routeIdOf(r.path)}`, r.path, r.methods, !r.open, documentsIntegration),
    }));
    app.push(...documentRoutes.filter((r) => !r.open).flatMap((r) => r.routes));
    for (const r of documentRoutes.filter((x) => x.open).flatMap((x) => x.routes)) {
      const reason =
        'Private calendar feed: calendar clients cannot send a bearer token, so the unguessable, revocable token in the URL is the credential (only its hash is stored).';
      acknowledge(r, { id: 'AwsSolutions-APIG4', reason }, { id: 'AwsSolutions-COG4', reason });
    }
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
    new FunctionAlarms(this, 'DocumentsFunctionAlarms', {
      fn: this.documents.fn,
      topic: props.alarmTopic,
      label: 'PeoplePlan documents API',
    });

    new CfnOutput(this, 'TenantRoleArn', { value: this.tenantRoles.tenantRole.roleArn });
    new CfnOutput(this, 'PartnerRoleArn', { value: this.tenantRoles.partnerRole.roleArn });
  }
}

/** `/api/v1/councils/{c}/plans/{planId}/reports` → `CouncilsCPlansPlanIdReports` (construct ids). */
function routeIdOf(path: string): string {
  return path
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w && w !== 'api' && w !== 'v1')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}
