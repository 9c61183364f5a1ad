/** The policies read from the synthesised app: every intrinsic resolved, every role named. */
import { TABLE } from '@peopleplan/db/table';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AppPolicies, loadAppPolicies } from './app-policies.js';

let policies: AppPolicies;

beforeAll(async () => {
  policies = await loadAppPolicies();
});

const statements = (role: string) =>
  policies.role(role).identityPolicies.flatMap((p) => p.document.Statement) as {
    Sid?: string;
    Action: string | string[];
    Resource: string | string[];
    Condition?: Record<string, Record<string, unknown>>;
  }[];

describe('roles of the synthesised app', () => {
  it('names every role the app uses, from its construct path', () => {
    const paths = Object.fromEntries(
      ['tenant', 'partner-reader', 'api', 'documents', 'alerts', 'bounces', 'notifier', 'schedule'].map(
        (n) => [n, policies.role(n).constructPath],
      ),
    );
    expect(paths).toEqual({
      tenant: 'PeoplePlan-local-Access/TenantAccess/TenantDataRole',
      'partner-reader': 'PeoplePlan-local-Access/TenantAccess/PartnerReaderRole',
      api: 'PeoplePlan-local-Access/ApiRole',
      documents: 'PeoplePlan-local-Access/DocumentsRole',
      alerts: 'PeoplePlan-local-Access/AlertJobRole',
      bounces: 'PeoplePlan-local-Access/BouncesRole',
      notifier: 'PeoplePlan-local-Jobs/Notifier/Role',
      schedule: 'PeoplePlan-local-Jobs/ScheduleRole',
    });
    expect(() => policies.role('nobody')).toThrow(/No role named "nobody"; the app has: .*tenant/);
  });

  it('resolves every intrinsic to a concrete value (no Ref or Fn:: left)', () => {
    const all = JSON.stringify(policies.set.roles);
    expect(all).not.toMatch(/"Ref"|"Fn::/);
    expect(all).toContain(`arn:aws:iam::${policies.account}:role/`);
  });

  it("resolves the tenant role's cross-stack table ARN and index, and its trust in the functions' roles", () => {
    const table = policies.table();
    expect(table.arn).toBe(`arn:aws:dynamodb:${policies.region}:${policies.account}:table/${table.name}`);
    const [rw] = statements('tenant').filter((s) => s.Sid === 'CouncilItemsReadWrite');
    expect(rw?.Resource).toEqual([table.arn, `${table.arn}/index/council`]);
    const trust = policies.role('tenant').trustPolicy.Statement[0] as { Principal: { AWS: string[] } };
    expect(trust.Principal.AWS).toEqual(
      ['api', 'documents', 'alerts', 'bounces'].map((r) => policies.role(r).arn),
    );
    // Policies the api and jobs stacks attach to the imported execution roles (logs, traces, queues)
    // are found by the role's name, across stacks.
    expect(JSON.stringify(policies.role('alerts').identityPolicies)).toContain('sqs:SendMessage');
  });

  it('reads the table key schema from the template, the same as packages/db defines it', () => {
    const t = policies.table();
    expect(t.partitionKey).toBe(TABLE.partitionKey);
    expect(t.indexes).toEqual({
      [TABLE.indexes.due.name]: { partitionKey: TABLE.indexes.due.partitionKey },
      [TABLE.indexes.council.name]: { partitionKey: TABLE.indexes.council.partitionKey },
    });
  });

  it('knows which condition keys the policies read (dynamodb:Attributes is not among them today)', () => {
    expect(policies.conditionKeys.has('dynamodb:leadingkeys')).toBe(true);
    expect(policies.conditionKeys.has('aws:requesttag/council')).toBe(true);
    expect(policies.conditionKeys.has('dynamodb:attributes')).toBe(false);
  });
});
