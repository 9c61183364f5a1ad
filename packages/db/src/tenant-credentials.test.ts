import type { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { type AssumeRole, InvalidCouncilIdError, TenantCredentialsProvider } from './tenant-credentials.js';

const TENANT = 'arn:aws:iam::123456789012:role/pp-tenant';
const PARTNER = 'arn:aws:iam::123456789012:role/pp-partner';
const HOUR = 3600_000;

/** A fake STS: records every AssumeRole input and answers with numbered credentials. */
function fakeSts(clock: { now: number }, opts: { fail?: () => boolean; delayMs?: number } = {}) {
  const calls: AssumeRoleCommand['input'][] = [];
  const send: AssumeRole = async (command) => {
    calls.push(command.input);
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    if (opts.fail?.()) throw new Error('AccessDenied');
    const n = calls.length;
    return {
      Credentials: {
        AccessKeyId: `AKIA${n}`,
        SecretAccessKey: `secret${n}`,
        SessionToken: `token${n}`,
        Expiration: new Date(clock.now + (command.input.DurationSeconds ?? 3600) * 1000),
      },
    };
  };
  return { calls, send };
}

function setup(opts: Parameters<typeof fakeSts>[1] = {}) {
  const clock = { now: Date.UTC(2026, 3, 1, 9, 0, 0) };
  const sts = fakeSts(clock, opts);
  const provider = new TenantCredentialsProvider({
    tenantRoleArn: TENANT,
    partnerRoleArn: PARTNER,
    send: sts.send,
    now: () => clock.now,
  });
  return { clock, sts, provider };
}

describe('TenantCredentialsProvider', () => {
  it('assumes the tenant role with a transitive council session tag', async () => {
    const { sts, provider } = setup();
    const session = provider.forCouncil({ councilId: 'east-herts', mode: 'readwrite' });
    expect(session.roleArn).toBe(TENANT);
    expect(session.sessionTags).toEqual({ council: 'east-herts' });
    const creds = await session.provider!();
    expect(creds.accessKeyId).toBe('AKIA1');
    expect(sts.calls).toHaveLength(1);
    expect(sts.calls[0]).toMatchObject({
      RoleArn: TENANT,
      Tags: [{ Key: 'council', Value: 'east-herts' }],
      TransitiveTagKeys: ['council'],
      DurationSeconds: 3600,
    });
    expect(sts.calls[0]?.RoleSessionName).toMatch(/^[\w+=,.@-]{2,64}$/);
    expect(sts.calls[0]?.RoleSessionName).toContain('east-herts');
  });

  it('uses the partner-reader role for read mode', async () => {
    const { sts, provider } = setup();
    await provider.provider({ councilId: 'harrow', mode: 'read' })!();
    expect(sts.calls[0]?.RoleArn).toBe(PARTNER);
    expect(sts.calls[0]?.Tags).toEqual([{ Key: 'council', Value: 'harrow' }]);
  });

  it('caches per council and mode', async () => {
    const { sts, provider } = setup();
    const a1 = await provider.provider({ councilId: 'harrow', mode: 'readwrite' })!();
    const a2 = await provider.provider({ councilId: 'harrow', mode: 'readwrite' })!();
    expect(a2).toBe(a1);
    expect(sts.calls).toHaveLength(1);

    const b = await provider.provider({ councilId: 'harrow', mode: 'read' })!();
    const c = await provider.provider({ councilId: 'kent', mode: 'readwrite' })!();
    expect(sts.calls).toHaveLength(3);
    expect(new Set([a1.accessKeyId, b.accessKeyId, c.accessKeyId]).size).toBe(3);
  });

  it('refreshes five minutes before expiry, not earlier', async () => {
    const { clock, sts, provider } = setup();
    const get = provider.provider({ councilId: 'kent', mode: 'readwrite' })!;
    const first = await get();

    clock.now += HOUR - 5 * 60_000 - 1; // just outside the margin: still cached
    expect(await get()).toBe(first);
    expect(sts.calls).toHaveLength(1);

    clock.now += 1; // now within five minutes of expiry
    const second = await get();
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(sts.calls).toHaveLength(2);
    expect(second.expiration!.getTime()).toBe(clock.now + HOUR);
  });

  it('shares one STS call between concurrent requests', async () => {
    const { sts, provider } = setup({ delayMs: 10 });
    const get = provider.provider({ councilId: 'harrow', mode: 'readwrite' })!;
    const results = await Promise.all([get(), get(), get()]);
    expect(sts.calls).toHaveLength(1);
    expect(results[1]).toBe(results[0]);
  });

  it('does not cache a failure', async () => {
    let failing = true;
    const { sts, provider } = setup({ fail: () => failing });
    const get = provider.provider({ councilId: 'harrow', mode: 'readwrite' })!;
    await expect(get()).rejects.toThrow('AccessDenied');
    failing = false;
    await expect(get()).resolves.toMatchObject({ accessKeyId: 'AKIA2' });
    expect(sts.calls).toHaveLength(2);
  });

  it('rejects an answer without credentials', async () => {
    const provider = new TenantCredentialsProvider({ tenantRoleArn: TENANT, send: async () => ({}) });
    await expect(provider.provider({ councilId: 'harrow', mode: 'readwrite' })!()).rejects.toThrow(
      /no credentials/,
    );
  });

  it.each([
    'Harrow',
    '-harrow',
    'h',
    'harrow/../kent',
    'harrow*',
    'c#harrow',
    'east herts',
    '',
    `a${'b'.repeat(64)}`,
    'kent\n',
  ])('rejects council id %j before calling STS', (councilId) => {
    const { sts, provider } = setup();
    expect(() => provider.forCouncil({ councilId, mode: 'readwrite' })).toThrow(InvalidCouncilIdError);
    expect(sts.calls).toHaveLength(0);
  });

  it('accepts slugs up to 64 characters', () => {
    const { provider } = setup();
    const id = `a${'b'.repeat(63)}`;
    expect(provider.forCouncil({ councilId: id, mode: 'read' }).sessionTags).toEqual({ council: id });
  });

  it('returns no provider but still computes tags when no role is configured (local stack)', () => {
    const sts = fakeSts({ now: 0 });
    const provider = TenantCredentialsProvider.fromConfig({}, { send: sts.send });
    const session = provider.forCouncil({ councilId: 'oxfordshire', mode: 'readwrite' });
    expect(session.provider).toBeUndefined();
    expect(session.roleArn).toBeUndefined();
    expect(session.sessionTags).toEqual({ council: 'oxfordshire' });
    expect(() => provider.forCouncil({ councilId: 'Oxford!', mode: 'read' })).toThrow(InvalidCouncilIdError);
    expect(sts.calls).toHaveLength(0);
  });

  it('reads the role ARNs from the environment', () => {
    const provider = TenantCredentialsProvider.fromConfig({
      TENANT_ROLE_ARN: TENANT,
      PARTNER_ROLE_ARN: PARTNER,
    });
    expect(provider.forCouncil({ councilId: 'kent', mode: 'readwrite' }).roleArn).toBe(TENANT);
    expect(provider.forCouncil({ councilId: 'kent', mode: 'read' }).roleArn).toBe(PARTNER);
  });
});
