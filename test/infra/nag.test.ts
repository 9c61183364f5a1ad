/**
 * cdk-nag AWS Solutions and Serverless checks over every stack: no finding may remain unacknowledged,
 * errors or warnings, in the default deployment, a fully configured one or one without the JWT
 * authorizer; every acknowledgement has a reason and still matches a finding.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acknowledge, unusedAcknowledgements } from '../../infra/lib/nag.js';
import { type Synthesized, s3, sqs, synthPeoplePlan, Validations } from '../../infra/lib/testing.js';

const ACK_KEY = Validations.ACKNOWLEDGED_RULES_METADATA_KEY;

function acknowledgements(s: Synthesized): { path: string; id: string; reason: string }[] {
  return s.app.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === ACK_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({
          path: c.node.path,
          id,
          reason,
        })),
      ),
  );
}

describe('cdk-nag AwsSolutions and Serverless', () => {
  const variants: [string, Record<string, unknown>][] = [
    ['default context', {}],
    [
      'custom domains, WAF, geo restriction, verified sender, alarms, backup copy, smoke role',
      {
        senderEmail: 'alerts@council.example',
        senderVerified: 'true',
        alarmEmail: 'ops@council.example',
        domainName: 'plans.council.example',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-1111-2222-3333-444455556666',
        apiDomainName: 'api.plans.council.example',
        apiCertificateArn:
          'arn:aws:acm:eu-west-2:123456789012:certificate/1a2b3c4d-1111-2222-3333-444455556666',
        webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/peopleplan/abcd',
        geoAllowList: ['GB'],
        allowedOrigins: 'https://staging.council.example',
        backupCopyVaultArn: 'arn:aws:backup:eu-west-1:210987654321:backup-vault:peopleplan-copy',
        smokeTestRoleArn: 'arn:aws:iam::123456789012:role/peopleplan-smoke',
        account: '123456789012',
      },
    ],
    ['JWT authorizer off', { jwtAuthorizer: 'false' }],
  ];

  it.each(variants)(
    'reports no unacknowledged finding (%s)',
    (name, context) => {
      // synth() itself fails on any violation (the plugin is registered on the app); check the pack directly
      // as well so a failure names the rules.
      // CDK's CloudFormation schema validation is slow to start: run it on the fully configured variant.
      const withCfnValidation = name === variants[1]![0];
      const s = synthPeoplePlan({ context, cloudFormationValidation: withCfnValidation });
      expect(s.packs.map((p) => p.readPackName)).toEqual(['AwsSolutions', 'Serverless']);
      for (const pack of s.packs) {
        const report = pack.validateScope(s.app);
        expect(
          report.violations.map(
            (v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(',')}`,
          ),
        ).toEqual([]);
        expect(report.success).toBe(true);
      }
      for (const a of acknowledgements(s)) {
        expect(a.reason.length, `${a.id} at ${a.path}`).toBeGreaterThanOrEqual(20);
      }
      // An acknowledgement that matches nothing would silently excuse the next finding of its rule there.
      expect(unusedAcknowledgements(s.app, s.packs).map((a) => `${a.id} at ${a.path}`)).toEqual([]);

      if (!withCfnValidation) return;
      // CDK's own CloudFormation validation ran too and found nothing.
      const validation = JSON.parse(readFileSync(join(s.outdir, 'validation-report.json'), 'utf8')) as {
        pluginReports: { pluginName: string; violations: unknown[] }[];
      };
      expect(validation.pluginReports.map((r) => r.pluginName)).toContain('CloudFormation Validate');
      for (const r of validation.pluginReports) expect(r.violations, r.pluginName).toEqual([]);
    },
    180_000,
  );

  it('acknowledges only what the configuration needs (no CFR4 or CFR2 once a certificate and WAF are set)', () => {
    const s = synthPeoplePlan({ context: variants[1]![1] });
    const ids = acknowledgements(s).map((a) => a.id.replace(/^Annotation::/i, ''));
    expect(ids).not.toContain('AwsSolutions-CFR4');
    expect(ids).not.toContain('AwsSolutions-CFR2');
    expect(ids).not.toContain('AwsSolutions-CFR1');
    // /health, openapi.json, the alert-email link (GET and POST) and the calendar feed only: the URL is
    // the credential of the last two.
    expect(ids.filter((id) => id === 'AwsSolutions-APIG4')).toHaveLength(5);
  }, 120_000);

  it('reports an acknowledgement that matches no finding', () => {
    const s = synthPeoplePlan();
    expect(unusedAcknowledgements(s.app, s.packs)).toEqual([]);
    // The table has no finding of these rules: both acknowledgements are dead weight.
    acknowledge(s.stacks.data.table, {
      id: 'AwsSolutions-DDB3',
      reason: 'Deliberately wrong: point-in-time recovery is on, there is nothing to excuse.',
    });
    acknowledge(s.stacks.data.table, {
      id: 'Serverless-LambdaDLQ',
      reason: 'Deliberately wrong: a table is not a function, there is nothing to excuse.',
    });
    expect(unusedAcknowledgements(s.app, s.packs).map((a) => a.id)).toEqual([
      'AwsSolutions-DDB3',
      'Serverless-LambdaDLQ',
    ]);
  }, 120_000);

  it('would catch a violation (the checks are live)', () => {
    const s = synthPeoplePlan();
    // A bucket added without the protections the real stacks carry must be reported.
    new s3.Bucket(s.stacks.data, 'Naked');
    const report = s.nag.validateScope(s.stacks.data);
    expect(report.violations.map((v) => v.ruleName)).toEqual(
      expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']),
    );
    // And the Serverless pack: a queue without a dead-letter queue.
    new sqs.Queue(s.stacks.data, 'NoRedrive', { enforceSSL: true });
    const serverless = s.packs[1]!.validateScope(s.stacks.data);
    expect(serverless.violations.map((v) => v.ruleName)).toContain('Serverless-SQSRedrivePolicy');
  }, 120_000);
});
