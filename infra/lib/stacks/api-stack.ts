import { METRIC, SERVICE } from '@peopleplan/observability/metric-names';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { FunctionAlarms, notify, serviceMetricAlarm } from '../constructs/alarms.js';
import { ExportsBucket } from '../constructs/exports-bucket.js';
import { originSecretValue } from '../constructs/origin-secret.js';
import { ServiceFunction } from '../constructs/service-function.js';
import { acknowledge } from '../nag.js';
import { ENTRIES } from '../paths.js';

export interface ApiStackProps extends StackProps {
  stage: string;
  table: dynamodb.ITable;
  httpApi: apigwv2.IHttpApi;
  /** Where the stage writes its access logs (gateway stack). */
  accessLogs: logs.ILogGroup;
  /** The API's custom domain, mapped to the stage (gateway stack). */
  domainName: apigwv2.IDomainName | undefined;
  /** Secrets Manager version of the origin secret to resolve (unset: the current one). */
  originSecretVersion: string | undefined;
  /** The functions' execution roles and the roles they assume per council (access stack). */
  access: {
    apiRole: iam.IRole;
    documentsRole: iam.IRole;
    tenantRole: iam.IRole;
    partnerRole: iam.IRole;
  };
  /** The Cognito user pool members are invited into (the API function's `USER_POOL_ID`). */
  userPoolId: string;
  issuer: string;
  clientId: string;
  webBaseUrl: string;
  alarmTopic: sns.ITopic;
  logRetention: logs.RetentionDays;
  jwtAuthorizer: boolean;
  entry?: string;
}

export interface DocumentRoute {
  path: string;
  methods: apigwv2.HttpMethod[];
  /** Reachable without a bearer token (the path itself carries a secret). */
  open?: boolean;
  /** Why an open route may be open (the cdk-nag acknowledgement's reason). */
  why?: string;
}

/**
 * Stage-wide throttling for each group of routes (requests per second, burst). HTTP API throttles per
 * route and stage, for all callers together (it has no per-client limit: that needs a WAF rate rule).
 * infra/README.md, "Throttling", explains the numbers.
 */
export const THROTTLE = {
  /** Every route not listed below: the signed-in app. */
  app: { rateLimit: 200, burstLimit: 400 },
  /** Imports, reports, periods, timelines, feed management: the 1769 MB documents function. */
  documents: { rateLimit: 20, burstLimit: 40 },
  /** Sign-in-free routes whose path carries a secret: calendar feeds, alert-email links. */
  secretLinks: { rateLimit: 10, burstLimit: 20 },
  /** Health check and OpenAPI document: no data, no need for more. */
  public: { rateLimit: 5, burstLimit: 10 },
} as const;

/**
 * Routes of the API function that need no bearer token. Everything else under `/api` goes through the
 * JWT authorizer (when on) and the app's own token check; test/infra/routes.test.ts checks that these
 * are exactly the app's sign-in-free paths.
 */
export const OPEN_API_ROUTES: (DocumentRoute & {
  id: string;
  throttle: keyof typeof THROTTLE;
  why: string;
})[] = [
  {
    id: 'Health',
    path: '/health',
    methods: [apigwv2.HttpMethod.GET],
    throttle: 'public',
    why: 'Public by design: the health check carries no data.',
  },
  {
    id: 'OpenApi',
    path: '/api/v1/openapi.json',
    methods: [apigwv2.HttpMethod.GET],
    throttle: 'public',
    why: 'Public by design: the OpenAPI document describes the API and carries no data.',
  },
  {
    id: 'AlertLink',
    path: '/api/alert-preferences/{c}/{token}',
    methods: [apigwv2.HttpMethod.GET, apigwv2.HttpMethod.POST],
    throttle: 'secretLinks',
    why: 'The link in every alert email works without signing in: the unguessable token in the URL, which only that email carries, is the credential.',
  },
];

/**
 * Routes served by the documents function: the paths of the route groups `ROUTE_GROUPS` in
 * functions/api/src/routes/index.ts marks `documents` (imports, reports, periods, calendars, export;
 * `routeModules('documents')`). HTTP API picks the most specific route, so these win over
 * `ANY /api/{proxy+}`; test/infra/routes.test.ts checks that every path of each group reaches the
 * function that serves it.
 */
export const DOCUMENT_ROUTES: DocumentRoute[] = [
  { path: '/api/v1/councils/{c}/imports', methods: [apigwv2.HttpMethod.ANY] },
  { path: '/api/v1/councils/{c}/imports/{proxy+}', methods: [apigwv2.HttpMethod.ANY] },
  { path: '/api/v1/councils/{c}/plans/{planId}/reports', methods: [apigwv2.HttpMethod.GET] },
  { path: '/api/v1/councils/{c}/plans/{planId}/periods', methods: [apigwv2.HttpMethod.GET] },
  { path: '/api/v1/councils/{c}/committee-pack', methods: [apigwv2.HttpMethod.GET] },
  { path: '/api/v1/councils/{c}/committee-pack/periods', methods: [apigwv2.HttpMethod.GET] },
  { path: '/api/v1/councils/{c}/plans/{planId}/periods/{proxy+}', methods: [apigwv2.HttpMethod.ANY] },
  { path: '/api/v1/councils/{c}/actions/{actionId}/timeline', methods: [apigwv2.HttpMethod.GET] },
  { path: '/api/v1/councils/{c}/people/{personId}/calendar-feed', methods: [apigwv2.HttpMethod.ANY] },
  { path: '/api/v1/councils/{c}/plans/{planId}/calendar-feed', methods: [apigwv2.HttpMethod.ANY] },
  { path: '/api/v1/councils/{c}/export', methods: [apigwv2.HttpMethod.GET] },
  {
    path: '/calendar/{councilId}/{file}',
    methods: [apigwv2.HttpMethod.GET],
    open: true,
    why: 'Private calendar feed: calendar clients cannot send a bearer token, so the unguessable, revocable token in the URL is the credential (only its hash is stored).',
  },
];

/**
 * The Hono API, served by two functions built from the same app: the API function (every route but
 * documents) and the documents function (imports, reports, calendar feeds, exports: the DOCX/XLSX
 * libraries), with their routes on the HTTP API. Their execution roles and the tenant roles they assume
 * live in the access stack: neither function's own role can touch council items, every council read or
 * write goes through a session of the tenant data role (or partner-reader role) tagged with that council.
 */
export class ApiStack extends Stack {
  readonly api: ServiceFunction;
  readonly documents: ServiceFunction;
  readonly exports: ExportsBucket;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { table, access } = props;

    this.api = new ServiceFunction(this, 'Api', {
      executionRole: access.apiRole,
      entry: props.entry ?? ENTRIES.api,
      description: 'PeoplePlan HTTP API (Hono)',
      serviceName: SERVICE.api,
      logRetention: props.logRetention,
      memorySize: 1024,
      // API Gateway gives up after 30 seconds; finish (or fail) before it does.
      timeout: Duration.seconds(28),
    });
    this.documents = new ServiceFunction(this, 'Documents', {
      executionRole: access.documentsRole,
      entry: ENTRIES.documents,
      description:
        'PeoplePlan documents API: plan imports, reports, period close, calendar feeds, exports (Hono)',
      serviceName: SERVICE.documents,
      logRetention: props.logRetention,
      // Reading a 10 MB workbook builds a large object model; 1769 MB is also where Lambda gives a
      // whole vCPU, which parsing and rendering use.
      memorySize: 1769,
      // Not the 60 s a large import might like: HTTP API ends every integration at 30 s, and work past
      // that point would finish unseen. Finish (or fail) first; commits are idempotent and can be retried.
      timeout: Duration.seconds(28),
    });
    for (const fn of [this.api.fn, this.documents.fn]) {
      acknowledge(fn, {
        id: 'Serverless-LambdaDLQ',
        reason:
          'Invoked synchronously by API Gateway: a failure is the caller’s HTTP error, there is no event to keep (dead-letter queues apply to asynchronous invocations).',
      });
    }

    const env: Record<string, string> = {
      STAGE: props.stage,
      TABLE_NAME: table.tableName,
      AUTH_ISSUER: props.issuer,
      AUTH_AUDIENCE: props.clientId,
      AUTH_JWKS_URI: `${props.issuer}/.well-known/jwks.json`,
      TENANT_ROLE_ARN: access.tenantRole.roleArn,
      PARTNER_ROLE_ARN: access.partnerRole.roleArn,
      WEB_BASE_URL: props.webBaseUrl,
      // What CloudFront sends in x-origin-verify, resolved by CloudFormation at deploy time (never in the
      // repository or the template); the app refuses requests without it (functions/api/src/origin-guard.ts).
      ORIGIN_VERIFY_SECRET: originSecretValue(props.stage, props.originSecretVersion),
    };
    // The same settings for both: they are one app, split only to keep each bundle small.
    for (const fn of [this.api.fn, this.documents.fn]) {
      for (const [k, v] of Object.entries(env)) fn.addEnvironment(k, v);
    }
    // Only the API function manages members (its role alone may call Cognito's admin API: access stack).
    this.api.fn.addEnvironment('USER_POOL_ID', props.userPoolId);

    // A council's export is streamed here by the documents function and fetched through a presigned URL.
    this.exports = new ExportsBucket(this, 'Exports', { logRetention: props.logRetention });
    this.exports.grantReadWriteExports(this.documents.role);
    this.documents.fn.addEnvironment('EXPORTS_BUCKET', this.exports.bucket.bucketName);

    // Routes. The app verifies every token itself (aws-jwt-verify) and answers in the API's error shape;
    // API Gateway's JWT authorizer (on by default) rejects missing and bad tokens before any function runs.
    const integration = new HttpLambdaIntegration('ApiIntegration', this.api.fn, {
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
    });
    const documentsIntegration = new HttpLambdaIntegration('DocumentsIntegration', this.documents.fn, {
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
    });
    // Created here rather than through HttpJwtAuthorizer, which would place it in the gateway stack and
    // make that stack depend on the web stack's client id (a cycle). Cognito access tokens carry no `aud`:
    // API Gateway then checks `client_id` against the audience, which is what is wanted here.
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
    const throttles: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    const allRoutes: apigwv2.HttpRoute[] = [];
    const route = (
      rid: string,
      path: string,
      methods: apigwv2.HttpMethod[],
      options: {
        open: boolean;
        throttle: keyof typeof THROTTLE;
        target?: HttpLambdaIntegration;
        why?: string;
      },
    ) =>
      methods.map((method) => {
        const r = new apigwv2.HttpRoute(this, `${rid}${method}`, {
          httpApi: props.httpApi,
          routeKey: apigwv2.HttpRouteKey.with(path, method),
          integration: options.target ?? integration,
          authorizer: options.open ? undefined : authorizer,
        });
        allRoutes.push(r);
        if (options.throttle !== 'app') {
          const t = THROTTLE[options.throttle];
          throttles[`${method} ${path}`] = {
            ThrottlingRateLimit: t.rateLimit,
            ThrottlingBurstLimit: t.burstLimit,
          };
        }
        if (options.open) {
          if (!options.why) throw new Error(`open route ${method} ${path} needs a reason (why)`);
          acknowledge(r, { id: 'AwsSolutions-APIG4', reason: options.why });
        } else if (!authorizer) {
          acknowledge(r, {
            id: 'AwsSolutions-APIG4',
            reason:
              'Context jwtAuthorizer=false: the Lambda still verifies the Cognito JWT on every /api/v1 request (aws-jwt-verify: issuer, audience, expiry, signature) before any handler runs.',
          });
        }
        return r;
      });

    for (const r of OPEN_API_ROUTES) {
      // Construct ids are kept as they were: a new logical id would create a second route with the same key.
      route(r.id, r.path, r.methods, { open: true, throttle: r.throttle, why: r.why });
    }
    route('Api', '/api/{proxy+}', [apigwv2.HttpMethod.ANY], { open: false, throttle: 'app' });
    for (const r of DOCUMENT_ROUTES) {
      route(`Documents${routeIdOf(r.path)}`, r.path, r.methods, {
        open: r.open ?? false,
        throttle: r.open ? 'secretLinks' : 'documents',
        target: documentsIntegration,
        why: r.why,
      });
    }

    // The stage lives with the routes: its per-route throttling names them, and CloudFormation refuses
    // settings for a route that does not exist yet.
    const stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: props.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE.app,
      domainMapping: props.domainName ? { domainName: props.domainName } : undefined,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(props.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    (stage.node.defaultChild as apigwv2.CfnStage).routeSettings = throttles;
    for (const r of allRoutes) stage.node.addDependency(r);

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
    // What the app counts itself (packages/observability metric-names.ts), over both functions: errors
    // it caught and answered (Lambda reports those invocations as successes), IAM refusals, and 5xx sent.
    const services = [SERVICE.api, SERVICE.documents];
    const metricAlarm = (id: string, metricName: keyof typeof APP_ALARMS) =>
      serviceMetricAlarm(this, id, {
        ...APP_ALARMS[metricName],
        metricName,
        services,
        stage: props.stage,
        topic: props.alarmTopic,
      });
    metricAlarm('HandledErrorAlarm', METRIC.handledError);
    metricAlarm('AccessDeniedAlarm', METRIC.accessDenied);
    metricAlarm('ServerErrorResponseAlarm', METRIC.serverErrorResponse);

    new CfnOutput(this, 'ExportsBucketName', { value: this.exports.bucket.bucketName });
  }
}

/**
 * The stage's access log line. `routeKey`, not `path`: the route template (`GET /calendar/{councilId}/{file}`)
 * never holds the secrets that calendar feed and alert-email link paths carry. `sourceIp` is CloudFront's
 * address for requests that came through it; any other address is a request that bypassed it.
 */
export const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  time: '$context.requestTime',
  method: '$context.httpMethod',
  route: '$context.routeKey',
  status: '$context.status',
  latencyMs: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  user: '$context.authorizer.claims.sub',
  userAgent: '$context.identity.userAgent',
};

/** Thresholds for the app's own metrics (sum over both API functions, per 5 minutes). */
const APP_ALARMS: Record<
  typeof METRIC.handledError | typeof METRIC.accessDenied | typeof METRIC.serverErrorResponse,
  { threshold: number; description: string }
> = {
  HandledError: {
    threshold: 1,
    description: 'the API caught an unexpected error and answered 500 (a bug, or a dependency failing)',
  },
  AccessDenied: {
    threshold: 1,
    description: 'IAM refused a call: a policy gap, or code asking for another council’s data',
  },
  ServerErrorResponse: {
    threshold: 5,
    description: 'the API answered five or more requests with a 5xx',
  },
};

/** `/api/v1/councils/{c}/plans/{planId}/reports` → `CouncilsCPlansPlanIdReports` (construct ids). */
function routeIdOf(path: string): string {
  return path
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w && w !== 'api' && w !== 'v1')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}
