import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../infra/lib/config.js';

const ctx = (values: Record<string, unknown>) => ({ tryGetContext: (k: string) => values[k] });

describe('readConfig', () => {
  it('defaults to eu-west-2, one-year logs, JWT authorizer on, environment-agnostic account', () => {
    const c = readConfig(ctx({}), {});
    expect(c).toMatchObject({
      stage: 'dev',
      region: 'eu-west-2',
      account: undefined,
      logRetention: 365,
      jwtAuthorizer: true,
      allowedOrigins: [],
      webDistDir: 'web/dist',
    });
  });

  it('takes the account from CDK_DEFAULT_ACCOUNT when the CLI has credentials', () => {
    expect(readConfig(ctx({}), { CDK_DEFAULT_ACCOUNT: '123456789012' }).account).toBe('123456789012');
  });

  it('accepts lists as arrays or comma-separated -c values, and normalises origins', () => {
    const a = readConfig(
      ctx({ allowedOrigins: 'https://a.example/, http://localhost:5173', geoAllowList: 'gb, ie' }),
      {},
    );
    expect(a.allowedOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(a.geoAllowList).toEqual(['GB', 'IE']);
    expect(readConfig(ctx({ allowedOrigins: ['https://b.example'] }), {}).allowedOrigins).toEqual([
      'https://b.example',
    ]);
  });

  it.each([
    [{ stage: 'Prod' }, 'stage'],
    [{ region: 'london' }, 'region'],
    [{ senderEmail: 'not-an-email' }, 'senderEmail'],
    [{ domainName: 'plans.council.example' }, 'certificateArn'],
    [
      {
        domainName: 'plans.council.example',
        certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/x',
      },
      'certificateArn',
    ],
    [{ allowedOrigins: 'http://evil.example' }, 'allowedOrigins'],
    [{ logRetentionDays: 42 }, 'logRetentionDays'],
    [{ jwtAuthorizer: 'yes' }, 'jwtAuthorizer'],
    [{ stage: { name: 'prod' } }, 'stage'],
    [{ account: '1234' }, 'account'],
    [{ apiDomainName: 'api.council.example' }, 'apiCertificateArn'],
    [
      {
        apiDomainName: 'api.council.example',
        apiCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/x',
      },
      'apiCertificateArn',
    ],
    [{ apiCertificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/x' }, 'apiDomainName'],
    [{ senderDomain: 'council.example' }, 'senderEmail'],
    [{ senderEmail: 'alerts@elsewhere.example', senderDomain: 'council.example' }, 'senderDomain'],
    [{ senderEmail: 'alerts@council.example', mailFromSubdomain: 'mail.from' }, 'mailFromSubdomain'],
    [{ backupCopyVaultArn: 'arn:aws:backup:eu-west-1:123456789012:vault/x' }, 'backupCopyVaultArn'],
    [{ originSecretVersion: 'v2' }, 'originSecretVersion'],
    [{ smokeTestRoleArn: 'arn:aws:iam::123456789012:user/jo' }, 'smokeTestRoleArn'],
    [{ authDomainPrefix: 'my-cognito-login' }, 'authDomainPrefix'],
    [{ webAclArn: 'arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/x/y' }, 'webAclArn'],
  ])('rejects %j naming %s', (values, key) => {
    expect(() => readConfig(ctx(values), {})).toThrow(ConfigError);
    expect(() => readConfig(ctx(values), {})).toThrow(`"${key}"`);
  });

  it('derives the SES domain and MAIL FROM domain from the sender, unless given', () => {
    expect(readConfig(ctx({ senderEmail: 'PeoplePlan@Council.gov.uk' }), {})).toMatchObject({
      senderDomain: 'council.gov.uk',
      mailFromDomain: 'bounce.council.gov.uk',
    });
    expect(
      readConfig(
        ctx({
          senderEmail: 'alerts@hr.council.gov.uk',
          senderDomain: 'council.gov.uk',
          mailFromSubdomain: 'mail',
        }),
        {},
      ),
    ).toMatchObject({ senderDomain: 'council.gov.uk', mailFromDomain: 'mail.council.gov.uk' });
    expect(readConfig(ctx({}), {})).toMatchObject({ senderDomain: undefined, mailFromDomain: undefined });
  });

  it('accepts an API custom domain with a certificate in the deployment region', () => {
    const c = readConfig(
      ctx({
        region: 'eu-west-1',
        apiDomainName: 'API.council.example',
        apiCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc-123',
      }),
      {},
    );
    expect(c).toMatchObject({ apiDomainName: 'api.council.example', region: 'eu-west-1' });
  });

  it('takes the JWT authorizer off only when asked, and the backup copy vault, secret version, smoke role', () => {
    const c = readConfig(
      ctx({
        jwtAuthorizer: false,
        backupCopyVaultArn: 'arn:aws:backup:eu-west-1:210987654321:backup-vault:peopleplan-copy',
        originSecretVersion: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
        smokeTestRoleArn: 'arn:aws:iam::123456789012:role/peopleplan-smoke',
      }),
      {},
    );
    expect(c).toMatchObject({
      jwtAuthorizer: false,
      backupCopyVaultArn: 'arn:aws:backup:eu-west-1:210987654321:backup-vault:peopleplan-copy',
      originSecretVersion: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
      smokeTestRoleArn: 'arn:aws:iam::123456789012:role/peopleplan-smoke',
    });
  });

  it('accepts a configurable log retention', () => {
    expect(readConfig(ctx({ logRetentionDays: '30' }), {}).logRetention).toBe(30);
  });
});
