/**
 * Deployment settings, read from CDK context (`cdk.json` or `-c key=value`) and validated up front with
 * zod so a council's typo fails at synth with a message naming the key, not half-way through a
 * CloudFormation deploy. infra/README.md lists every key.
 */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { z } from 'zod';

export interface PeoplePlanConfig {
  /** Short environment name: part of every stack name (`PeoplePlan-<stage>-Data`). */
  stage: string;
  region: string;
  /** Account to deploy to; unset means environment-agnostic (offline synth). */
  account: string | undefined;
  /** Address the notifier sends from; without it no alert email is sent. */
  senderEmail: string | undefined;
  /** SES domain identity (Easy DKIM, custom MAIL FROM): `senderDomain`, else senderEmail's domain. */
  senderDomain: string | undefined;
  /** Custom MAIL FROM domain, `<mailFromSubdomain>.<senderDomain>` (bounces return there, SPF aligns). */
  mailFromDomain: string | undefined;
  /**
   * SES shows senderDomain as verified (its DNS records are published): Cognito then sends its invitations
   * and codes through it. Off until then, because Cognito refuses an unverified identity.
   */
  senderVerified: boolean;
  /** Who receives alarm notifications (SNS email subscription). */
  alarmEmail: string | undefined;
  /** Extra browser origins allowed to call the API and to sign in (e.g. a staging front end). */
  allowedOrigins: string[];
  /** Custom domain for the web app; needs `certificateArn` (ACM, us-east-1). */
  domainName: string | undefined;
  certificateArn: string | undefined;
  /**
   * Custom domain for the HTTP API (CloudFront's origin), with a regional ACM certificate. With it the
   * default `execute-api` endpoint is switched off.
   */
  apiDomainName: string | undefined;
  apiCertificateArn: string | undefined;
  /** Cognito hosted sign-in domain prefix (globally unique per region). */
  authDomainPrefix: string | undefined;
  /** CloudWatch Logs retention for every function and access log. */
  logRetention: RetentionDays;
  /** API Gateway's JWT authorizer on `/api/*` (on by default; the sign-in-free routes stay open). */
  jwtAuthorizer: boolean;
  /** Optional AWS WAF web ACL (us-east-1, CLOUDFRONT scope) for the distribution. */
  webAclArn: string | undefined;
  /** Optional viewer country allow-list (ISO 3166-1 alpha-2), e.g. ['GB']. */
  geoAllowList: string[];
  /** Built web app; deployed when the folder exists. */
  webDistDir: string;
  /** AWS Backup vault (this or another account/region) that every daily table backup is copied to. */
  backupCopyVaultArn: string | undefined;
  /** Secrets Manager version of the origin secret to deploy (set after rotating it; see README). */
  originSecretVersion: string | undefined;
  /** IAM role the post-deploy smoke test runs as: may assume the tenant data role (with a council tag). */
  smokeTestRoleArn: string | undefined;
}

export interface ContextSource {
  tryGetContext(key: string): unknown;
}

const STAGE = /^[a-z][a-z0-9-]{0,15}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ACM = (region: string) => new RegExp(`^arn:aws[a-z-]*:acm:${region}:\\d{12}:certificate/[\\w-]+$`);

export class ConfigError extends Error {
  constructor(key: string, message: string) {
    super(`CDK context "${key}": ${message}`);
    this.name = 'ConfigError';
  }
}

/** Absent, null and '' all mean "not set" (`-c key=` clears a value from cdk.json). */
const blank = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : v);
/** A scalar from cdk.json (string, number, boolean) or `-c` (always a string), trimmed. */
const scalar = z
  .union([z.string(), z.number(), z.boolean()], { error: 'expected a string' })
  .transform((v) => String(v).trim());
const text = (inner: z.ZodType<string, string> = z.string()) =>
  z.preprocess(blank, scalar.pipe(inner).optional());
const matching = (re: RegExp, message: string, normalise: (s: string) => string = (s) => s) =>
  text(z.string().transform(normalise).pipe(z.string().regex(re, message)));
/** Lists come from cdk.json as arrays or from `-c key=a,b` as comma-separated strings. */
const list = (item: z.ZodType<string, string>) =>
  z.preprocess(
    (v) =>
      (blank(v) === undefined ? [] : Array.isArray(v) ? v.map(String) : String(v).split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    z.array(item),
  );
const flag = text(
  z.string().refine((v) => v === 'true' || v === 'false', {
    error: (i) => `expected true or false, got ${JSON.stringify(i.input)}`,
  }),
);

/** An origin (`https://host[:port]`) from a URL; http only for localhost. */
const origin = z.string().transform((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is not a URL` });
    return z.NEVER;
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    ctx.addIssue({ code: 'custom', message: `${value} must use https (http is allowed for localhost only)` });
    return z.NEVER;
  }
  return url.origin;
});

const RETENTION = (Object.values(RetentionDays) as unknown[]).filter(
  (d): d is number => typeof d === 'number' && d !== RetentionDays.INFINITE,
);

const Context = z
  .object({
    stage: matching(STAGE, 'lower-case letters, digits and hyphens, at most 16'),
    region: text(
      z.string().refine((r) => REGION.test(r), { error: (i) => `${i.input} is not an AWS region name` }),
    ),
    account: matching(/^\d{12}$/, 'a 12-digit AWS account id'),
    senderEmail: matching(EMAIL, 'not an email address'),
    senderDomain: matching(DOMAIN, 'not a DNS name', (s) => s.toLowerCase()),
    senderVerified: flag,
    mailFromSubdomain: matching(LABEL, 'one DNS label (letters, digits, hyphens), e.g. "bounce"', (s) =>
      s.toLowerCase(),
    ),
    alarmEmail: matching(EMAIL, 'not an email address'),
    allowedOrigins: list(origin),
    domainName: matching(DOMAIN, 'not a DNS name', (s) => s.toLowerCase()),
    certificateArn: matching(ACM('us-east-1'), 'must be an ACM certificate ARN in us-east-1 (CloudFront)'),
    apiDomainName: matching(DOMAIN, 'not a DNS name', (s) => s.toLowerCase()),
    apiCertificateArn: text(),
    authDomainPrefix: matching(
      /^(?!.*(aws|amazon|cognito))[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
      'lower-case letters, digits, hyphens; no "aws", "amazon", "cognito"',
    ),
    logRetentionDays: text(
      z.string().refine((d) => RETENTION.includes(Number(d)), {
        error: (i) => `${i.input} is not a CloudWatch Logs retention period (e.g. 30, 365)`,
      }),
    ),
    jwtAuthorizer: flag,
    webAclArn: matching(
      /^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\//,
      'must be a WAFv2 web ACL with CLOUDFRONT scope (us-east-1, global/webacl)',
    ),
    geoAllowList: list(
      z
        .string()
        .transform((c) => c.toUpperCase())
        .refine((c) => /^[A-Z]{2}$/.test(c), { error: (i) => `${i.input} is not a two-letter country code` }),
    ),
    webDistDir: text(),
    backupCopyVaultArn: matching(
      /^arn:aws[a-z-]*:backup:[a-z0-9-]+:\d{12}:backup-vault:[A-Za-z0-9_.-]{2,50}$/,
      'must be an AWS Backup vault ARN (arn:aws:backup:<region>:<account>:backup-vault:<name>)',
    ),
    originSecretVersion: matching(/^[A-Za-z0-9-]{32,64}$/, 'a Secrets Manager version id (VersionId)'),
    smokeTestRoleArn: matching(
      /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
      'must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)',
    ),
  })
  .superRefine((c, ctx) => {
    const need = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
    if (c.domainName && !c.certificateArn) {
      need('certificateArn', 'required with domainName (an ACM certificate in us-east-1)');
    }
    const region = c.region ?? 'eu-west-2';
    if (c.apiDomainName && !c.apiCertificateArn) {
      need('apiCertificateArn', `required with apiDomainName (an ACM certificate in ${region})`);
    }
    if (c.apiCertificateArn && !ACM(region).test(c.apiCertificateArn)) {
      need('apiCertificateArn', `must be an ACM certificate ARN in ${region} (a regional API endpoint)`);
    }
    if (c.apiCertificateArn && !c.apiDomainName) need('apiDomainName', 'required with apiCertificateArn');
    if (c.senderVerified === 'true' && !c.senderEmail) {
      need('senderEmail', 'required with senderVerified (the address Cognito and alert emails come from)');
    }
    if (c.senderDomain && !c.senderEmail) {
      need('senderEmail', 'required with senderDomain (the address alert emails come from)');
    }
    const emailDomain = c.senderEmail?.split('@')[1]?.toLowerCase();
    if (
      c.senderDomain &&
      emailDomain &&
      emailDomain !== c.senderDomain &&
      !emailDomain.endsWith(`.${c.senderDomain}`)
    ) {
      need(
        'senderDomain',
        `${c.senderEmail} is not on ${c.senderDomain}: SES would not let the domain send it`,
      );
    }
  });

/** Keys read from context: exactly the schema's. */
const KEYS = Object.keys(Context.shape) as (keyof z.input<typeof Context>)[];

export function readConfig(ctx: ContextSource, env: NodeJS.ProcessEnv = process.env): PeoplePlanConfig {
  const raw = Object.fromEntries(KEYS.map((k) => [k, ctx.tryGetContext(k)]));
  const parsed = Context.safeParse(raw);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new ConfigError(String(issue?.path[0] ?? '(context)'), issue?.message ?? 'invalid');
  }
  const c = parsed.data;
  const senderDomain = c.senderDomain ?? c.senderEmail?.split('@')[1]?.toLowerCase();
  return {
    stage: c.stage ?? 'dev',
    region: c.region ?? 'eu-west-2',
    account: c.account ?? env.CDK_DEFAULT_ACCOUNT,
    senderEmail: c.senderEmail,
    senderDomain,
    mailFromDomain: senderDomain && `${c.mailFromSubdomain ?? 'bounce'}.${senderDomain}`,
    senderVerified: c.senderVerified === 'true',
    alarmEmail: c.alarmEmail,
    allowedOrigins: c.allowedOrigins,
    domainName: c.domainName,
    certificateArn: c.certificateArn,
    apiDomainName: c.apiDomainName,
    apiCertificateArn: c.apiCertificateArn,
    authDomainPrefix: c.authDomainPrefix,
    logRetention: Number(c.logRetentionDays ?? RetentionDays.ONE_YEAR) as RetentionDays,
    jwtAuthorizer: c.jwtAuthorizer === undefined ? true : c.jwtAuthorizer === 'true',
    webAclArn: c.webAclArn,
    geoAllowList: c.geoAllowList,
    webDistDir: c.webDistDir ?? 'web/dist',
    backupCopyVaultArn: c.backupCopyVaultArn,
    originSecretVersion: c.originSecretVersion,
    smokeTestRoleArn: c.smokeTestRoleArn,
  };
}
