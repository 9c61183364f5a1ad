import { CfnOutput, Fn, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export interface GatewayStackProps extends StackProps {
  logRetention: logs.RetentionDays;
  allowedOrigins: string[];
}

/**
 * The HTTP API itself, without routes. It is a stack of its own because CloudFront (web stack) needs its
 * endpoint, while the API function (api stack) needs the web app's OAuth client id from the web stack:
 * separating the endpoint from the function breaks that cycle. Routes are added by the api stack.
 */
export class GatewayStack extends Stack {
  readonly httpApi: apigwv2.HttpApi;
  /** `abc123.execute-api.eu-west-2.amazonaws.com`: the CloudFront origin for `/api/*`. */
  readonly apiDomain: string;

  constructor(scope: Construct, id: string, props: GatewayStackProps) {
    super(scope, id, props);

    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'PeoplePlan API (reached through CloudFront at /api/*)',
      createDefaultStage: false,
      // The app is served same-origin through CloudFront; CORS is only for extra origins a council lists.
      corsPreflight: props.allowedOrigins.length
        ? {
            allowOrigins: props.allowedOrigins,
            allowMethods: [apigwv2.CorsHttpMethod.ANY],
            allowHeaders: ['authorization', 'content-type', 'if-match'],
            allowCredentials: false,
          }
        : undefined,
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      // Cheap insurance against a runaway client; far above what a council's staff generate.
      throttle: { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            path: '$context.path',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });

    this.apiDomain = Fn.select(2, Fn.split('/', this.httpApi.apiEndpoint));
    new CfnOutput(this, 'ApiEndpoint', { value: this.httpApi.apiEndpoint });
  }
}
