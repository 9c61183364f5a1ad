import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER, originSecretValue } from '../constructs/origin-secret.js';
import { SecurityHeaders } from '../constructs/security-headers.js';
import { acknowledge, acknowledgeExpectedWildcards } from '../nag.js';
import { REPO_ROOT } from '../paths.js';

/** Where Cognito sends the browser back with an authorization code (the web app handles this path). */
export const AUTH_CALLBACK_PATH = '/auth/callback';

export interface WebStackProps extends StackProps {
  stage: string;
  userPool: cognito.IUserPool;
  authDomain: cognito.UserPoolDomain;
  issuer: string;
  /** Domain of the HTTP API (gateway stack): the `/api/*` origin. */
  apiDomain: string;
  /** Secrets Manager version of the origin secret to send (unset: the current one). */
  originSecretVersion: string | undefined;
  domainName: string | undefined;
  certificateArn: string | undefined;
  allowedOrigins: string[];
  webAclArn: string | undefined;
  geoAllowList: string[];
  logRetention: logs.RetentionDays;
  webDistDir: string;
}

/**
 * The web app: a private S3 bucket behind CloudFront (Origin Access Control), with `/api/*` sent to the
 * HTTP API so the browser only ever talks to one origin. Also the web app's OAuth client and the runtime
 * `config.json` that tells the built app where to sign in.
 */
export class WebStack extends Stack {
  readonly distribution: cloudfront.Distribution;
  readonly bucket: s3.Bucket;
  readonly client: cognito.UserPoolClient;
  /** `https://<custom domain or CloudFront domain>`: links in emails, OAuth callbacks. */
  readonly baseUrl: string;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);

    // The site bucket's server access logs (requests CloudFront made to S3: static files only).
    const logBucket = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      // Kept as it was when CloudFront's standard logs (delivered with ACLs) came here too: changing
      // object ownership on a bucket that holds ACL-owned objects is a migration of its own.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(props.logRetention) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const authBaseUrl = props.authDomain.baseUrl();
    const headers = new SecurityHeaders(this, 'SecurityHeaders', {
      connectOrigins: [authBaseUrl, `https://cognito-idp.${this.region}.${this.urlSuffix}`],
      formOrigins: [authBaseUrl],
    });

    const spaRouting = new cloudfront.Function(this, 'SpaRouting', {
      comment: 'Serve index.html for app routes (paths without a file extension)',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(
        [
          'function handler(event) {',
          '  var request = event.request;',
          "  var lastSlash = request.uri.lastIndexOf('/');",
          "  if (request.uri.indexOf('.', lastSlash) === -1) request.uri = '/index.html';",
          '  return request;',
          '}',
        ].join('\n'),
      ),
    });

    const apiOrigin = new origins.HttpOrigin(props.apiDomain, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      // The API refuses requests without it, so CloudFront (its headers, geo restriction, WAF) cannot be
      // bypassed; CloudFront overwrites a viewer's header of the same name. Resolved at deploy time.
      customHeaders: { [ORIGIN_VERIFY_HEADER]: originSecretValue(props.stage, props.originSecretVersion) },
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `PeoplePlan ${props.stage}`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers.policy,
        functionAssociations: [
          { function: spaRouting, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
        compress: true,
      },
      // No distribution-wide error pages: they would turn the API's 403/404 answers into index.html.
      additionalBehaviors: {
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // Everything the viewer sent (Authorization, query, cookies) except Host, which must name the API.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers.policy,
          compress: true,
        },
        // Private calendar (ICS) feeds: the URL is the credential, so calendar clients need no header.
        '/calendar/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          // A revoked feed must stop answering at once.
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers.policy,
          compress: true,
        },
      },
      domainNames: props.domainName ? [props.domainName] : undefined,
      certificate: props.certificateArn
        ? acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn)
        : undefined,
      // Only settable with a custom certificate; the default *.cloudfront.net one is fixed by AWS.
      minimumProtocolVersion: props.certificateArn
        ? cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021
        : undefined,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Europe and North America edge locations: the users are in the UK.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      // No standard (legacy) logs: they record every path and query string, and calendar feed and
      // alert-email link paths carry their secrets. Field selection (standard logging v2) exists only in
      // us-east-1; infra/README.md, "Logs and secrets", says what is logged instead and how to add it.
      enableLogging: false,
      webAclId: props.webAclArn,
      geoRestriction: props.geoAllowList.length
        ? cloudfront.GeoRestriction.allowlist(...props.geoAllowList)
        : undefined,
    });
    acknowledge(this.distribution, {
      id: 'AwsSolutions-CFR3',
      reason:
        'Standard (legacy) logs would keep calendar-feed and alert-link secrets (they are in the paths) for the log retention period; API Gateway access logs record every API and feed request by route template, S3 access logs record static files, and CloudFront metrics count requests and errors.',
    });
    if (!props.certificateArn) {
      acknowledge(this.distribution, {
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose minimum TLS version cannot be set; set domainName and certificateArn to enforce TLSv1.2_2021.',
      });
    }
    if (!props.webAclArn) {
      acknowledge(this.distribution, {
        id: 'AwsSolutions-CFR2',
        reason:
          'AWS WAF is optional (context webAclArn, a CLOUDFRONT-scope web ACL in us-east-1): it costs more than the rest of a small deployment; every API route is throttled, and all but the health check, the API description and the secret-URL feed and email links need a Cognito token.',
      });
    }
    if (!props.geoAllowList.length) {
      acknowledge(this.distribution, {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geographic restriction by default (staff and councillors work abroad); set context geoAllowList (e.g. GB) to restrict.',
      });
    }

    this.baseUrl = `https://${props.domainName ?? this.distribution.distributionDomainName}`;
    const appOrigins = [
      `https://${this.distribution.distributionDomainName}`,
      ...(props.domainName ? [`https://${props.domainName}`] : []),
      ...props.allowedOrigins,
    ];

    this.client = new cognito.UserPoolClient(this, 'WebClient', {
      userPool: props.userPool,
      userPoolClientName: `peopleplan-web-${props.stage}`,
      // A browser app cannot keep a secret: authorization code grant with PKCE instead.
      generateSecret: false,
      // SRP for people. Admin password auth only for the post-deploy smoke test (infra/smoke/smoke.ts): it
      // needs AWS credentials allowed cognito-idp:AdminInitiateAuth, so it opens nothing to the internet
      // (unlike USER_PASSWORD_AUTH, which this client does not allow).
      authFlows: { userSrp: true, adminUserPassword: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: appOrigins.map((o) => `${o}${AUTH_CALLBACK_PATH}`),
        logoutUrls: appOrigins.map((o) => `${o}/`),
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });

    // Read by the built app at start-up, so one build serves every deployment.
    const runtimeConfig = s3deploy.Source.jsonData('config.json', {
      stage: props.stage,
      apiBaseUrl: '/api/v1',
      auth: {
        region: this.region,
        userPoolId: props.userPool.userPoolId,
        clientId: this.client.userPoolClientId,
        issuer: props.issuer,
        domain: authBaseUrl,
        redirectPath: AUTH_CALLBACK_PATH,
        scopes: ['openid', 'email', 'profile'],
      },
    });

    const deployLogs = new logs.LogGroup(this, 'DeploymentLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const common = { destinationBucket: this.bucket, memoryLimit: 512, logGroup: deployLogs, prune: false };
    const distDir = isAbsolute(props.webDistDir) ? props.webDistDir : resolve(REPO_ROOT, props.webDistDir);
    const deployments: s3deploy.BucketDeployment[] = [];

    if (existsSync(resolve(distDir, 'index.html'))) {
      const dist = s3deploy.Source.asset(distDir);
      // Hashed build assets never change under the same name: cache them for a year.
      const assets = new s3deploy.BucketDeployment(this, 'DeployAssets', {
        ...common,
        sources: [dist],
        exclude: ['index.html', 'config.json'],
        cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
      });
      // Entry points must be revalidated so a new release is picked up at once; uploaded after the assets
      // they reference.
      const entry = new s3deploy.BucketDeployment(this, 'DeployEntry', {
        ...common,
        sources: [dist, runtimeConfig],
        exclude: ['*'],
        include: ['index.html', 'config.json'],
        cacheControl: [s3deploy.CacheControl.fromString('no-cache')],
        distribution: this.distribution,
        distributionPaths: ['/index.html', '/config.json'],
      });
      entry.node.addDependency(assets);
      deployments.push(assets, entry);
    } else {
      // No build (tests, infra-only deploys): still publish config.json so a later upload just works.
      deployments.push(
        new s3deploy.BucketDeployment(this, 'DeployConfig', {
          ...common,
          sources: [runtimeConfig],
          cacheControl: [s3deploy.CacheControl.fromString('no-cache')],
          distribution: this.distribution,
          distributionPaths: ['/config.json'],
        }),
      );
    }

    this.acknowledgeDeploymentHandler();

    new CfnOutput(this, 'WebUrl', { value: this.baseUrl });
    new CfnOutput(this, 'SiteBucketName', { value: this.bucket.bucketName });
    new CfnOutput(this, 'UserPoolClientId', { value: this.client.userPoolClientId });
  }

  /** BucketDeployment's handler is written by CDK (one per stack); its findings are acknowledged here. */
  private acknowledgeDeploymentHandler(): void {
    const handlers = this.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    for (const handler of handlers) {
      acknowledge(
        handler,
        {
          id: 'AwsSolutions-L1',
          reason:
            'CDK BucketDeployment handler (Python runtime chosen by aws-cdk-lib); it runs only during deploys.',
        },
        {
          id: 'Serverless-LambdaLatestVersion',
          reason:
            'CDK BucketDeployment handler (Python runtime chosen by aws-cdk-lib); it runs only during deploys.',
        },
        {
          id: 'Serverless-LambdaDLQ',
          reason:
            'CDK BucketDeployment handler: a CloudFormation custom resource, whose failures fail the deployment itself.',
        },
        {
          id: 'Serverless-LambdaTracing',
          reason:
            'CDK BucketDeployment handler: runs only during deploys, its outcome is the deployment’s own status and log group.',
        },
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason:
            'CDK BucketDeployment handler: basic execution role added by aws-cdk-lib; it only writes its own logs.',
        },
      );
      acknowledgeExpectedWildcards(handler, {
        actions: ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'],
        resources: [
          new RegExp(`^<${this.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket)}\\.Arn>/\\*$`),
          /^arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-[^/]+\/\*$/,
          /^\*$/,
        ],
        reason:
          'CDK BucketDeployment handler: reads the CDK asset bucket and syncs objects into the site bucket only; "*" is for CloudFront CreateInvalidation/GetInvalidation, which the handler calls on this distribution.',
      });
    }
  }
}
