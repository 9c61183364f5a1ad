/**
 * Deployment settings, read from CDK context (`cdk.json` or `-c key=value`) and validated up front so a
 * council's typo fails at synth with a clear message, not half-way through a CloudFormation deploy.
 */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export interface PeoplePlanConfig {
  /** Short environment name: part of every stack name (`PeoplePlan-<stage>-Data`). */
  stage: string;
  region: string;
  /** Account to deploy to; unset means environment-agnostic (offline synth). */
  account: string | undefined;
  /** Verified SES identity the notifier sends from; without it no alert email is sent. */
  senderEmail: string | undefined;
  /** Who receives alarm notifications (SNS email subscription). */
  alarmEmail: string | undefined;
  /** Extra browser origins allowed to call the API and to sign in (e.g. a staging front end). */
  allowedOrigins: string[];
  /** Custom domain for the web app; needs `certificateArn` (ACM, us-east-1). */
  domainName: string | undefined;
  certificateArn: string | undefined;
  /** Cognito hosted sign-in domain prefix (globally unique per region). */
  authDomainPrefix: string | undefined;
  /** CloudWatch Logs retention for every function and access log. */
  logRetention: RetentionDays;
  /** Put API Gateway's JWT authorizer in front of `/api/*` as well as the app's own token check. */
  jwtAuthorizer: boolean;
  /** Optional AWS WAF web ACL (us-east-1, CLOUDFRONT scope) for the distribution. */
  webAclArn: string | undefined;
  /** Optional viewer country allow-list (ISO 3166-1 alpha-2), e.g. ['GB']. */
  geoAllowList: string[];
  /** Built web app; deployed when the folder exists. */
  webDistDir: string;
}

export interface ContextSource {
  tryGetContext(key: string): unknown;
}

const STAGE = /^[a-z][a-z0-9-]{0,15}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export class ConfigError extends Error {
  constructor(key: string, message: string) {
    super(`CDK context "${key}": ${message}`);
    this.name = 'ConfigError';
  }
}

function str(ctx: ContextSource, key: string): string | undefined {
  const v = ctx.tryGetContext(key);
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
    throw new ConfigError(key, 'expected a string');
  }
  return String(v).trim();
}

/** Lists come from cdk.json as arrays or from `-c key=a,b` as comma-separated strings. */
function list(ctx: ContextSource, key: string): string[] {
  const v = ctx.tryGetContext(key);
  if (v === undefined || v === null || v === '') return [];
  const items = Array.isArray(v) ? v.map(String) : String(v).split(',');
  return items.map((s) => s.trim()).filter(Boolean);
}

function bool(ctx: ContextSource, key: string, fallback: boolean): boolean {
  const v = str(ctx, key);
  if (v === undefined) return fallback;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new ConfigError(key, `expected true or false, got ${JSON.stringify(v)}`);
}

function origin(key: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(key, `${JSON.stringify(value)} is not a URL`);
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    throw new ConfigError(key, `${value} must use https (http is allowed for localhost only)`);
  }
  return url.origin;
}

export function readConfig(ctx: ContextSource, env: NodeJS.ProcessEnv = process.env): PeoplePlanConfig {
  const stage = str(ctx, 'stage') ?? 'dev';
  if (!STAGE.test(stage))
    throw new ConfigError('stage', 'lower-case letters, digits and hyphens, at most 16');

  const region = str(ctx, 'region') ?? 'eu-west-2';
  if (!REGION.test(region)) throw new ConfigError('region', `${region} is not an AWS region name`);

  const senderEmail = str(ctx, 'senderEmail');
  if (senderEmail && !EMAIL.test(senderEmail)) throw new ConfigError('senderEmail', 'not an email address');
  const alarmEmail = str(ctx, 'alarmEmail');
  if (alarmEmail && !EMAIL.test(alarmEmail)) throw new ConfigError('alarmEmail', 'not an email address');

  const domainName = str(ctx, 'domainName')?.toLowerCase();
  if (domainName && !DOMAIN.test(domainName)) throw new ConfigError('domainName', 'not a DNS name');
  const certificateArn = str(ctx, 'certificateArn');
  if (domainName && !certificateArn) {
    throw new ConfigError('certificateArn', 'required with domainName (an ACM certificate in us-east-1)');
  }
  if (certificateArn && !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(certificateArn)) {
    throw new ConfigError('certificateArn', 'must be an ACM certificate ARN in us-east-1 (CloudFront)');
  }

  const authDomainPrefix = str(ctx, 'authDomainPrefix');
  if (authDomainPrefix && (!PREFIX.test(authDomainPrefix) || /aws|amazon|cognito/.test(authDomainPrefix))) {
    throw new ConfigError(
      'authDomainPrefix',
      'lower-case letters, digits, hyphens; no "aws", "amazon", "cognito"',
    );
  }

  const days = Number(str(ctx, 'logRetentionDays') ?? RetentionDays.ONE_YEAR);
  if (!(Object.values(RetentionDays) as number[]).includes(days) || days === RetentionDays.INFINITE) {
    throw new ConfigError(
      'logRetentionDays',
      `${days} is not a CloudWatch Logs retention period (e.g. 30, 365)`,
    );
  }

  const geoAllowList = list(ctx, 'geoAllowList').map((c) => c.toUpperCase());
  for (const c of geoAllowList) {
    if (!/^[A-Z]{2}$/.test(c)) throw new ConfigError('geoAllowList', `${c} is not a two-letter country code`);
  }

  const webAclArn = str(ctx, 'webAclArn');
  if (webAclArn && !/^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\//.test(webAclArn)) {
    throw new ConfigError(
      'webAclArn',
      'must be a WAFv2 web ACL with CLOUDFRONT scope (us-east-1, global/webacl)',
    );
  }

  return {
    stage,
    region,
    account: str(ctx, 'account') ?? env.CDK_DEFAULT_ACCOUNT,
    senderEmail,
    alarmEmail,
    allowedOrigins: list(ctx, 'allowedOrigins').map((o) => origin('allowedOrigins', o)),
    domainName,
    certificateArn,
    authDomainPrefix,
    logRetention: days as RetentionDays,
    jwtAuthorizer: bool(ctx, 'jwtAuthorizer', false),
    webAclArn,
    geoAllowList,
    webDistDir: str(ctx, 'webDistDir') ?? 'web/dist',
  };
}
