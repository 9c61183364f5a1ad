/**
 * The production edges (issue 14): the gateway (JWT authorizer, open routes, no way around CloudFront,
 * throttling), mail that arrives (SES domain identity, bounces), monitoring that can fire (heartbeat,
 * app metrics, dashboard), backups, and secrets kept out of access logs. Two synths: the default
 * context, and a deployment with custom domains, a sender, a backup copy vault and a smoke-test role.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN_VERIFY_HEADER as GUARD_HEADER } from '../../functions/api/src/origin-guard.js';
import { ORIGIN_VERIFY_HEADER } from '../../infra/lib/constructs/origin-secret.js';
import { REPO_ROOT } from '../../infra/lib/paths.js';
import { OPEN_API_ROUTES, THROTTLE } from '../../infra/lib/stacks/api-stack.js';
import { BACKUP_RETENTION_DAYS } from '../../infra/lib/stacks/data-stack.js';
import { HEARTBEAT_HOURS } from '../../infra/lib/stacks/jobs-stack.js';
import { Match, type Synthesized, synthPeoplePlan, type Template } from '../../infra/lib/testing.js';

type Json = Record<string, unknown>;
const json = (v: unknown) => JSON.stringify(v) ?? '';
const resources = (t: Template, type: string) =>
  Object.entries(t.findResources(type) as Record<string, { Properties: Json; DeletionPolicy?: string }>);
const only = (t: Template, type: string) => {
  const all = resources(t, type);
  expect(all, type).toHaveLength(1);
  return all[0]![1].Properties;
};

const FULL = {
  senderEmail: 'alerts@council.example',
  alarmEmail: 'ops@council.example',
  apiDomainName: 'api.plans.council.example',
  apiCertificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/1a2b3c4d-1111-2222-3333-444455556666',
  backupCopyVaultArn: 'arn:aws:backup:eu-west-1:210987654321:backup-vault:peopleplan-copy',
  smokeTestRoleArn: 'arn:aws:iam::123456789012:role/peopleplan-smoke',
  originSecretVersion: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
  account: '123456789012',
};

let plain: Synthesized;
let full: Synthesized;
beforeAll(() => {
  plain = synthPeoplePlan();
  full = synthPeoplePlan({ context: FULL });
}, 180_000);

const routes = (s: Synthesized) =>
  Object.fromEntries(
    resources(s.templates.api, 'AWS::ApiGatewayV2::Route').map(([, r]) => [
      r.Properties.RouteKey as string,
      r.Properties,
    ]),
  );
const distribution = (s: Synthesized) =>
  only(s.templates.web, 'AWS::CloudFront::Distribution').DistributionConfig as {
    Origins: (Json & { OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[] })[];
    CacheBehaviors: Json[];
    Logging?: unknown;
  };
const apiOrigin = (s: Synthesized) => {
  const cfg = distribution(s);
  const behaviour = cfg.CacheBehaviors.find((b) => b.PathPattern === '/api/*')!;
  return cfg.Origins.find((o) => o.Id === behaviour.TargetOriginId)!;
};
const envOf = (s: Synthesized, prefix: string) =>
  (
    resources(s.templates.api, 'AWS::Lambda::Function').find(([id]) => id.startsWith(prefix))![1].Properties
      .Environment as { Variables: Json }
  ).Variables;

describe('gateway: JWT authorizer on by default, sign-in-free routes explicitly open', () => {
  it('verifies Cognito tokens at API Gateway for /api/*, against the user pool and the web client', () => {
    const authorizer = only(plain.templates.api, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer.AuthorizerType).toBe('JWT');
    expect(authorizer.IdentitySource).toEqual(['$request.header.Authorization']);
    const jwt = authorizer.JwtConfiguration as { Issuer: unknown; Audience: unknown[] };
    expect(json(jwt.Issuer)).toContain('cognito-idp');
    expect(json(jwt.Audience)).toContain('WebClient');
    expect(routes(plain)['ANY /api/{proxy+}']).toMatchObject({ AuthorizationType: 'JWT' });
  });

  it('leaves open exactly the health check, OpenAPI document, calendar feed and alert-email links', () => {
    const open = Object.entries(routes(plain))
      .filter(([, r]) => (r.AuthorizationType ?? 'NONE') === 'NONE')
      .map(([k]) => k)
      .sort();
    expect(open).toEqual([
      'GET /api/alert-preferences/{c}/{token}',
      'GET /api/v1/openapi.json',
      'GET /calendar/{councilId}/{file}',
      'GET /health',
      'POST /api/alert-preferences/{c}/{token}',
    ]);
  });

  it('puts every route but those behind the authorizer unless jwtAuthorizer=false', () => {
    const s = synthPeoplePlan({ context: { jwtAuthorizer: 'false' } });
    s.templates.api.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
    for (const [key, r] of Object.entries(routes(s))) expect(r.AuthorizationType ?? 'NONE', key).toBe('NONE');
  }, 120_000);

  it('throttles each route group on the stage, which lives with the routes (api stack)', () => {
    plain.templates.gateway.resourceCountIs('AWS::ApiGatewayV2::Stage', 0);
    const stage = only(plain.templates.api, 'AWS::ApiGatewayV2::Stage');
    expect(stage.StageName).toBe('$default');
    expect(stage.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: THROTTLE.app.rateLimit,
      ThrottlingBurstLimit: THROTTLE.app.burstLimit,
    });
    const settings = stage.RouteSettings as Record<string, { ThrottlingRateLimit: number }>;
    const rate = (key: string) => settings[key]?.ThrottlingRateLimit;
    expect(rate('GET /health')).toBe(THROTTLE.public.rateLimit);
    expect(rate('GET /calendar/{councilId}/{file}')).toBe(THROTTLE.secretLinks.rateLimit);
    expect(rate('POST /api/alert-preferences/{c}/{token}')).toBe(THROTTLE.secretLinks.rateLimit);
    expect(rate('GET /api/v1/councils/{c}/plans/{planId}/reports')).toBe(THROTTLE.documents.rateLimit);
    expect(rate('ANY /api/{proxy+}')).toBeUndefined();
    // Every route key named in the settings exists (CloudFormation refuses settings for unknown routes).
    for (const key of Object.keys(settings)) expect(routes(plain)[key], key).toBeDefined();
    expect(THROTTLE.secretLinks.rateLimit).toBeLessThan(THROTTLE.app.rateLimit);
    expect(OPEN_API_ROUTES.map((r) => r.path)).toContain('/api/alert-preferences/{c}/{token}');
  });
});

describe('gateway: nothing reaches the API around CloudFront', () => {
  it('sends a secret origin header from CloudFront, resolved from Secrets Manager at deploy time', () => {
    expect(ORIGIN_VERIFY_HEADER).toBe(GUARD_HEADER);
    const secret = only(plain.templates.gateway, 'AWS::SecretsManager::Secret');
    expect(secret.Name).toBe('peopleplan/test/origin-verify');
    expect(secret.GenerateSecretString).toMatchObject({ PasswordLength: 48, ExcludePunctuation: true });
    const reference = '{{resolve:secretsmanager:peopleplan/test/origin-verify:SecretString:::}}';
    expect(apiOrigin(plain).OriginCustomHeaders).toEqual([
      { HeaderName: 'x-origin-verify', HeaderValue: reference },
    ]);
    // The API functions are told the same value, to refuse requests without it (origin-guard.ts).
    for (const fn of ['ApiFunction', 'DocumentsFunction']) {
      expect(envOf(plain, fn).ORIGIN_VERIFY_SECRET).toBe(reference);
    }
  });

  it('pins a secret version on both sides when originSecretVersion is set (how a rotation is deployed)', () => {
    const pinned = `{{resolve:secretsmanager:peopleplan/test/origin-verify:SecretString:::${FULL.originSecretVersion}}}`;
    expect(apiOrigin(full).OriginCustomHeaders?.[0]?.HeaderValue).toBe(pinned);
    expect(envOf(full, 'ApiFunction').ORIGIN_VERIFY_SECRET).toBe(pinned);
  });

  it('keeps the default endpoint without a custom domain (the header is then the only guard)', () => {
    expect(only(plain.templates.gateway, 'AWS::ApiGatewayV2::Api').DisableExecuteApiEndpoint).toBeFalsy();
    expect(json(apiOrigin(plain).DomainName)).toContain('ApiEndpoint');
  });

  it('with a custom API domain: execute-api off, the domain mapped to the stage and used by CloudFront', () => {
    const t = full.templates.gateway;
    expect(only(t, 'AWS::ApiGatewayV2::Api').DisableExecuteApiEndpoint).toBe(true);
    const domain = only(t, 'AWS::ApiGatewayV2::DomainName');
    expect(domain.DomainName).toBe(FULL.apiDomainName);
    expect(domain.DomainNameConfigurations).toEqual([
      expect.objectContaining({ CertificateArn: FULL.apiCertificateArn, EndpointType: 'REGIONAL' }),
    ]);
    full.templates.api.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
      Stage: Match.anyValue(),
      DomainName: Match.anyValue(),
    });
    expect(apiOrigin(full).DomainName).toBe(FULL.apiDomainName);
    expect(Object.keys(t.findOutputs('*'))).toEqual(
      expect.arrayContaining(['ApiDomainTarget', 'ApiBaseUrl']),
    );
  });
});

describe('mail that arrives', () => {
  it('sends from a domain identity with Easy DKIM (2048-bit) and a custom MAIL FROM', () => {
    const identity = only(full.templates.jobs, 'AWS::SES::EmailIdentity');
    expect(identity).toMatchObject({
      EmailIdentity: 'council.example',
      DkimAttributes: { SigningEnabled: true },
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      MailFromAttributes: {
        MailFromDomain: 'bounce.council.example',
        BehaviorOnMxFailure: 'USE_DEFAULT_VALUE',
      },
    });
    expect(json(identity.ConfigurationSetAttributes)).toContain('EmailConfiguration');
  });

  it('prints every DNS record to publish as a stack output', () => {
    const outputs = full.templates.jobs.findOutputs('*') as Record<string, { Value: unknown }>;
    for (const i of [1, 2, 3]) expect(json(outputs[`DnsDkim${i}`]?.Value)).toContain('CNAME');
    expect(outputs.DnsMailFromMx?.Value).toBe(
      'bounce.council.example MX 10 feedback-smtp.eu-west-2.amazonses.com',
    );
    expect(outputs.DnsMailFromSpf?.Value).toBe(
      'bounce.council.example TXT "v=spf1 include:amazonses.com ~all"',
    );
  });

  it('creates no identity, and says so, without a sender', () => {
    plain.templates.jobs.resourceCountIs('AWS::SES::EmailIdentity', 0);
  });

  it('routes bounces and complaints of this configuration set through EventBridge to the bounce handler', () => {
    const t = full.templates.jobs;
    const destination = only(t, 'AWS::SES::ConfigurationSetEventDestination').EventDestination as Json;
    expect((destination.MatchingEventTypes as string[]).sort()).toEqual(['bounce', 'complaint']);
    expect(json(destination.EventBridgeDestination)).toContain('event-bus/default');
    const rule = only(t, 'AWS::Events::Rule');
    expect(rule.EventPattern).toMatchObject({
      source: ['aws.ses'],
      'detail-type': ['Email Bounced', 'Email Complaint Received'],
      detail: {
        mail: { tags: { 'ses:configuration-set': [{ Ref: expect.stringMatching(/^EmailConfiguration/) }] } },
      },
    });
    const [target] = rule.Targets as Json[];
    expect(json(target?.Arn)).toContain('BouncesFunction');
    expect(target).toMatchObject({
      RetryPolicy: { MaximumRetryAttempts: 4 },
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.stringMatching(/^FailedRuns/), 'Arn'] } },
    });
    const [, bounces] = resources(t, 'AWS::Lambda::Function').find(([id]) =>
      id.startsWith('BouncesFunction'),
    )!;
    expect(json(bounces.Properties.DeadLetterConfig)).toContain('FailedRuns');
  });

  it('alarms on the SES bounce and complaint rates before AWS reviews the account', () => {
    const alarms = resources(full.templates.jobs, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const bounce = alarms.find((a) => a.MetricName === 'Reputation.BounceRate');
    expect(bounce).toMatchObject({
      Namespace: 'AWS/SES',
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(bounce!.Threshold as number).toBeLessThan(0.05);
    const complaint = alarms.find((a) => a.MetricName === 'Reputation.ComplaintRate');
    expect(complaint!.Threshold as number).toBeLessThan(0.001);
  });
});

describe('monitoring that can fire', () => {
  it('alarms when no daily run completed for 26 hours: the heartbeat, missing data breaching', () => {
    const [, alarm] = resources(plain.templates.jobs, 'AWS::CloudWatch::Alarm').find(([id]) =>
      id.startsWith('AlertJobDidNotRun'),
    )!;
    expect(alarm.Properties).toMatchObject({
      Namespace: 'PeoplePlan',
      MetricName: 'AlertJobCompleted',
      Dimensions: expect.arrayContaining([
        { Name: 'service', Value: 'peopleplan-alerts' },
        { Name: 'stage', Value: 'test' },
      ]),
      Period: 3600,
      EvaluationPeriods: HEARTBEAT_HOURS,
      DatapointsToAlarm: HEARTBEAT_HOURS,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
    expect(HEARTBEAT_HOURS).toBe(26);
    // The job publishes it only after a daily run (the outbox runs go through the same handler).
    const handler = readFileSync(join(REPO_ROOT, 'functions/alerts/src/handler.ts'), 'utf8');
    const daily = handler.slice(handler.indexOf("if (e.mode !== 'outbox')"));
    expect(daily).toContain('METRIC.alertJobCompleted');
  });

  it('alarms on handled errors, AccessDenied and 5xx responses the API counts, summed over both functions', () => {
    const alarms = resources(plain.templates.api, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    for (const name of ['HandledError', 'AccessDenied', 'ServerErrorResponse']) {
      const alarm = alarms.find((a) => json(a.Metrics).includes(`"MetricName":"${name}"`));
      expect(alarm, name).toBeDefined();
      const metrics = json(alarm!.Metrics);
      expect(metrics).toContain('"Namespace":"PeoplePlan"');
      expect(metrics).toContain('peopleplan-api');
      expect(metrics).toContain('peopleplan-documents');
      expect(metrics).toContain('FILL(m0, 0) + FILL(m1, 0)');
      expect(alarm!.TreatMissingData).toBe('notBreaching');
    }
    const denied = alarms.find((a) => json(a.Metrics).includes('"MetricName":"AccessDenied"'));
    expect(denied?.Threshold).toBe(1);
  });

  it('has one dashboard: API errors and latency, heartbeat and emails, DLQs, throttles, bounce rate', () => {
    const body = json(only(plain.templates.dashboard, 'AWS::CloudWatch::Dashboard').DashboardBody);
    for (const metric of [
      '5xx',
      'Latency',
      'HandledError',
      'AccessDenied',
      'AlertJobCompleted',
      'AlertEmailsQueued',
      'ApproximateNumberOfMessagesVisible',
      'ReadThrottleEvents',
      'WriteThrottleEvents',
      'Reputation.BounceRate',
    ]) {
      expect(body, metric).toContain(metric);
    }
  });
});

describe('backups and restore', () => {
  it('backs the table up daily, keeping 35 days, in a retained vault', () => {
    const t = plain.templates.data;
    const plan = only(t, 'AWS::Backup::BackupPlan').BackupPlan as { BackupPlanRule: Json[] };
    expect(plan.BackupPlanRule).toEqual([
      expect.objectContaining({
        ScheduleExpression: 'cron(30 2 * * ? *)',
        ScheduleExpressionTimezone: 'Europe/London',
        Lifecycle: { DeleteAfterDays: BACKUP_RETENTION_DAYS },
      }),
    ]);
    expect(plan.BackupPlanRule[0]?.CopyActions).toBeUndefined();
    expect(BACKUP_RETENTION_DAYS).toBe(35);
    const [, vault] = resources(t, 'AWS::Backup::BackupVault')[0]!;
    expect(vault.DeletionPolicy).toBe('Retain');
    const selection = only(t, 'AWS::Backup::BackupSelection').BackupSelection as Json;
    expect(json(selection.Resources)).toMatch(/Table[0-9A-F]{8}/);
  });

  it('copies every backup to the vault given by backupCopyVaultArn', () => {
    const plan = only(full.templates.data, 'AWS::Backup::BackupPlan').BackupPlan as {
      BackupPlanRule: Json[];
    };
    expect(plan.BackupPlanRule[0]?.CopyActions).toEqual([
      { DestinationBackupVaultArn: FULL.backupCopyVaultArn, Lifecycle: { DeleteAfterDays: 35 } },
    ]);
  });
});

describe('secrets out of logs', () => {
  it('logs API requests by route template, never by path (calendar and link paths carry secrets)', () => {
    const stage = only(plain.templates.api, 'AWS::ApiGatewayV2::Stage');
    const format = (stage.AccessLogSettings as { Format: string }).Format;
    expect(JSON.parse(format)).toMatchObject({ route: '$context.routeKey' });
    expect(format).not.toContain('$context.path');
    expect(json(stage.AccessLogSettings)).toContain('Gateway');
  });

  it('keeps no CloudFront standard logs, which record full paths and query strings', () => {
    expect(distribution(plain).Logging).toBeUndefined();
    expect(distribution(full).Logging).toBeUndefined();
  });
});

describe('post-deploy smoke test role', () => {
  const trust = (s: Synthesized, prefix: string) =>
    json(
      resources(s.templates.access, 'AWS::IAM::Role').find(([id]) => id.startsWith(prefix))![1].Properties
        .AssumeRolePolicyDocument,
    );

  it('signs in with the admin password flow (needs AWS credentials), never the public password flow', () => {
    const client = only(plain.templates.web, 'AWS::Cognito::UserPoolClient');
    expect(client.ExplicitAuthFlows).toEqual(
      expect.arrayContaining(['ALLOW_USER_SRP_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH']),
    );
    expect(client.ExplicitAuthFlows).not.toContain('ALLOW_USER_PASSWORD_AUTH');
  });

  it('may assume the tenant data role (with a council tag) only when smokeTestRoleArn is set', () => {
    expect(trust(full, 'TenantAccessTenantDataRole')).toContain(FULL.smokeTestRoleArn);
    expect(trust(full, 'TenantAccessTenantDataRole')).toContain('aws:RequestTag/council');
    expect(trust(full, 'TenantAccessPartnerReaderRole')).not.toContain(FULL.smokeTestRoleArn);
    expect(trust(plain, 'TenantAccessTenantDataRole')).not.toContain('smoke');
  });
});
