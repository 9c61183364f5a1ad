import { CfnOutput, Fn, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { OriginSecret } from '../constructs/origin-secret.js';

export interface GatewayStackProps extends StackProps {
  stage: string;
  logRetention: logs.RetentionDays;
  allowedOrigins: string[];
  /** Custom domain for the API (CloudFront's origin); with it the `execute-api` endpoint is disabled. */
  apiDomainName: string | undefined;
  apiCertificateArn: string | undefined;
}

/**
 * The HTTP API itself, without routes or stage. It is a stack of its own because CloudFront (web stack)
 * needs its endpoint, while the API function (api stack) needs the web app's OAuth client id from the web
 * stack: separating the endpoint from the function breaks that cycle. Routes, and the stage whose
 * per-route throttling names them, are added by the api stack. Also the secret CloudFront sends the API.
 */
export class GatewayStack extends Stack {
  readonly httpApi: apigwv2.HttpApi;
  /** CloudFront's origin for `/api/*`: the API custom domain, else `abc123.execute-api.<region>.amazonaws.com`. */
  readonly apiDomain: string;
  readonly domainName: apigwv2.DomainName | undefined;
  /** Access logs of the API stage (kept here, retained, so that moving the stage never loses them). */
  readonly accessLogs: logs.LogGroup;
  readonly originSecret: OriginSecret;

  constructor(scope: Construct, id: string, props: GatewayStackProps) {
    super(scope, id, props);

    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'PeoplePlan API (reached through CloudFront at /api/* and /calendar/*)',
      createDefaultStage: false,
      // With a custom domain, nothing needs the default endpoint: switching it off leaves one way in.
      disableExecuteApiEndpoint: props.apiDomainName !== undefined,
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

    if (props.apiDomainName && props.apiCertificateArn) {
      this.domainName = new apigwv2.DomainName(this, 'ApiDomain', {
        domainName: props.apiDomainName,
        certificate: acm.Certificate.fromCertificateArn(this, 'ApiCertificate', props.apiCertificateArn),
        endpointType: apigwv2.EndpointType.REGIONAL,
        securityPolicy: apigwv2.SecurityPolicy.TLS_1_2,
      });
      this.apiDomain = props.apiDomainName;
      // The council's DNS: `<apiDomainName> CNAME <this>` (or a Route 53 alias), before CloudFront can use it.
      new CfnOutput(this, 'ApiDomainTarget', {
        description: `DNS: ${props.apiDomainName} CNAME this value`,
        value: this.domainName.regionalDomainName,
      });
    } else {
      this.apiDomain = Fn.select(2, Fn.split('/', this.httpApi.apiEndpoint));
    }

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.originSecret = new OriginSecret(this, 'OriginSecret', { stage: props.stage });

    // The API's own address (not through CloudFront): the smoke test's `/health`.
    new CfnOutput(this, 'ApiBaseUrl', { value: `https://${this.apiDomain}` });
    if (!this.domainName) new CfnOutput(this, 'ApiEndpoint', { value: this.httpApi.apiEndpoint });
  }
}
