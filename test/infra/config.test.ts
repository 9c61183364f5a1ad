import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../infra/lib/config.js';

const ctx = (values: Record<string, unknown>) => ({ tryGetContext: (k: string) => values[k] });

describe('readConfig', () => {
  it('defaults to eu-west-2, one-year logs, no authorizer, environment-agnostic account', () => {
    const c = readConfig(ctx({}), {});
    expect(c).toMatchObject({
      stage: 'dev',
      region: 'eu-west-2',
      account: undefined,
      logRetention: 365,
      jwtAuthorizer: false,
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
    [{ authDomainPrefix: 'my-cognito-login' }, 'authDomainPrefix'],
    [{ webAclArn: 'arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/x/y' }, 'webAclArn'],
  ])('rejects %j naming %s', (values, key) => {
    expect(() => readConfig(ctx(values), {})).toThrow(ConfigError);
    expect(() => readConfig(ctx(values), {})).toThrow(`"${key}"`);
  });

  it('accepts a configurable log retention', () => {
    expect(readConfig(ctx({ logRetentionDays: '30' }), {}).logRetention).toBe(30);
  });
});
