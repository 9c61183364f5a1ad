/**
 * cdk-nag AWS Solutions checks over every stack: no finding may remain unacknowledged, errors or
 * warnings, in the default deployment or in a fully configured one; every acknowledgement has a reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Synthesized, s3, synthPeoplePlan, Validations } from '../../infra/lib/testing.js';

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

describe('cdk-nag AwsSolutions', () => {
  const variants: [string, Record<string, unknown>][] = [
    ['default context', {}],
    [
      'custom domain, WAF, geo restriction, sender, alarms, JWT authorizer',
      {
        senderEmail: 'alerts@council.example',
        alarmEmail: 'ops@council.example',
        domainName: 'plans.council.example',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-1111-2222-3333-444455556666',
        webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/peopleplan/abcd',
        geoAllowList: ['GB'],
        jwtAuthorizer: 'true',
        allowedOrigins: 'https://staging.council.example',
        account: '123456789012',
      },
    ],
  ];

  it.each(variants)(
    'reports no unacknowledged finding (%s)',
    (name, context) => {
      // synth() itself fails on any violation (the plugin is registered on the app); check the pack directly
      // as well so a failure names the rules.
      // CDK's CloudFormation schema validation is slow to start: run it on the fully configured variant.
      const withCfnValidation = name !== 'default context';
      const s = synthPeoplePlan({ context, cloudFormationValidation: withCfnValidation });
      const report = s.nag.validateScope(s.app);
      expect(
        report.violations.map(
          (v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(',')}`,
        ),
      ).toEqual([]);
      expect(report.success).toBe(true);
      for (const a of acknowledgements(s)) {
        expect(a.reason.length, `${a.id} at ${a.path}`).toBeGreaterThanOrEqual(20);
      }

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
    // /health, openapi.json and the calendar feed (its URL is the credential) only.
    expect(ids.filter((id) => id === 'AwsSolutions-APIG4')).toHaveLength(3);
  }, 120_000);

  it('would catch a violation (the checks are live)', () => {
    const s = synthPeoplePlan();
    // A bucket added without the protections the real stacks carry must be reported.
    new s3.Bucket(s.stacks.data, 'Naked');
    const report = s.nag.validateScope(s.stacks.data);
    expect(report.violations.map((v) => v.ruleName)).toEqual(
      expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']),
    );
  }, 120_000);
});
