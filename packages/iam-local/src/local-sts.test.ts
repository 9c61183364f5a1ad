/** The local STS: trust policies as AWS applies them, and sessions as packages/db asks for them. */
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { TenantCredentialsProvider } from '@peopleplan/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AppPolicies, loadAppPolicies } from './app-policies.js';
import { assumeRole, localAssumeRole, SessionRegistry } from './local-sts.js';

let policies: AppPolicies;
beforeAll(async () => {
  policies = await loadAppPolicies();
});

const council = { council: 'harrow' };

async function refusal(p: Promise<unknown>) {
  const e = (await p.then(
    () => expect.fail('expected STS to refuse'),
    (x: unknown) => x,
  )) as Error & { $metadata: { httpStatusCode: number } };
  expect(e.name).toBe('AccessDenied');
  expect(e.$metadata.httpStatusCode).toBe(403);
  return e;
}

describe('trust policies', () => {
  it('let the API, documents and alert job functions assume the tenant and partner-reader roles for one council, and the bounce handler the tenant role', async () => {
    const sessions = new SessionRegistry();
    const trusted = [
      ...['api', 'documents', 'alerts'].flatMap((s) => [
        [s, 'tenant'],
        [s, 'partner-reader'],
      ]),
      ['bounces', 'tenant'],
    ];
    for (const [sourceRole, roleName] of trusted as [string, string][]) {
      const c = await assumeRole({ policies, roleName, sourceRole, sessionTags: council, sessions });
      expect(c.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
      expect(sessions.get(c.accessKeyId)?.principal).toMatchObject({ role: roleName, tags: council });
    }
  });

  it('refuse every other role of the app (and the bounce handler the partner-reader role)', async () => {
    const refused = [
      ...['notifier', 'schedule', 'tenant', 'partner-reader'].map((s) => [s, 'tenant']),
      ['bounces', 'partner-reader'],
    ];
    for (const [sourceRole, roleName] of refused as [string, string][]) {
      const e = await refusal(assumeRole({ policies, roleName, sourceRole, sessionTags: council }));
      expect(e.message).toBe(
        `User: arn:aws:sts::${policies.account}:assumed-role/${policies.role(sourceRole).roleName}/peopleplan-local is not authorized to perform: sts:AssumeRole on resource: ${policies.role(roleName).arn}`,
      );
    }
  });

  it('refuse a session without exactly one non-empty council tag', async () => {
    const attempt = (sessionTags?: Record<string, string>) =>
      refusal(
        assumeRole({
          policies,
          roleName: 'tenant',
          sourceRole: 'api',
          ...(sessionTags ? { sessionTags } : {}),
        }),
      );
    await attempt(undefined);
    await attempt({ council: '' });
    await attempt({ team: 'harrow' });
    await attempt({ council: 'harrow', admin: 'true' });
  });

  it('refuse an unknown role as AWS does (no hint that it does not exist), and over-long chained sessions', async () => {
    const arn = `arn:aws:iam::${policies.account}:role/nope`;
    const e = await refusal(assumeRole({ policies, roleName: arn, sourceRole: 'api', sessionTags: council }));
    expect(e.message).toMatch(
      /is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::\d+:role\/nope$/,
    );
    await expect(
      assumeRole({
        policies,
        roleName: 'tenant',
        sourceRole: 'api',
        sessionTags: council,
        durationSeconds: 7200,
      }),
    ).rejects.toMatchObject({ name: 'ValidationError' });
  });
});

describe('localAssumeRole, the seam in packages/db', () => {
  it('reads RoleArn, Tags and RoleSessionName from the AssumeRoleCommand the provider sends', async () => {
    const sessions = new SessionRegistry();
    const provider = new TenantCredentialsProvider({
      tenantRoleArn: policies.role('tenant').arn,
      partnerRoleArn: policies.role('partner-reader').arn,
      send: localAssumeRole({ policies, sourceRole: 'api', sessions }),
    });
    const rw = await provider.provider({ councilId: 'harrow', mode: 'readwrite' })!();
    const read = await provider.provider({ councilId: 'kent', mode: 'read' })!();
    expect(sessions.get(rw.accessKeyId)?.principal).toEqual({
      role: 'tenant',
      sessionName: 'pp-readwrite-harrow',
      tags: { council: 'harrow' },
      transitiveTagKeys: ['council'],
    });
    expect(sessions.get(read.accessKeyId)?.principal).toMatchObject({
      role: 'partner-reader',
      tags: { council: 'kent' },
    });
    expect(rw.expiration!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
  });

  it('refuses, as STS would, a command the trust policy does not allow', async () => {
    const send = localAssumeRole({ policies, sourceRole: 'bounces' });
    await refusal(
      send(
        new AssumeRoleCommand({
          RoleArn: policies.role('partner-reader').arn,
          RoleSessionName: 'digest',
          Tags: [{ Key: 'council', Value: 'harrow' }],
        }),
      ),
    );
  });
});
