/**
 * Issue 14's findings against the synthesised templates, now fixed: no function's own role reaches a council
 * partition, the alert job reaches each council only through that council's session, and the partner digest's
 * claim is released by an UpdateItem the session may make (the lost-digest bug, as a regression test against
 * DynamoDB Local). A policy change that undoes any of this fails here.
 */
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  alertsOf,
  createDocClient,
  type DocFor,
  jobCouncils,
  TenantCredentialsProvider,
  tenantDocClients,
} from '@peopleplan/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshTable } from '../../../test/support/dynamo.js';
import { type AppPolicies, loadAppPolicies } from './app-policies.js';
import type { SessionPrincipal } from './evaluate.js';
import { localTenantCredentials, SessionRegistry } from './local-sts.js';
import { evaluateCommand, withIamEvaluation } from './with-iam-evaluation.js';

let policies: AppPolicies;
beforeAll(async () => {
  policies = await loadAppPolicies();
});

const S = (s: string) => ({ S: s });
/** A function's own execution role (no session tags). */
const own = (role: string): SessionPrincipal => ({ role, sessionName: 'peopleplan-local', tags: {} });
const session = (role: string, council: string): SessionPrincipal => ({
  role,
  sessionName: `pp-${council}`,
  tags: { council },
});
const result = async (who: SessionPrincipal, command: string, input: object) =>
  (await evaluateCommand(policies, who, command, input)).at(-1)?.result;

/** The claim key packages/alerts/src/partner-digests.ts writes in the lead council's partition. */
const claimKey = { PK: 'C#harrow', SK: 'ALERT#PARTNER#east#2026-W11#TO#reader@example.gov.uk' };

const get = (pk: string, sk = 'COUNCIL') =>
  ['GetItem', { TableName: 't', Key: { PK: S(pk), SK: S(sk) } }] as const;
const put = (pk: string, sk = 'X') =>
  ['PutItem', { TableName: 't', Item: { PK: S(pk), SK: S(sk) } }] as const;
const del = (pk: string, sk = 'X') =>
  ['DeleteItem', { TableName: 't', Key: { PK: S(pk), SK: S(sk) } }] as const;
const query = (pk: string, index?: 'council' | 'due') =>
  [
    'Query',
    {
      TableName: 't',
      ...(index ? { IndexName: index } : {}),
      KeyConditionExpression: `${index === 'council' ? 'CPK' : index === 'due' ? 'DUEPK' : 'PK'} = :p`,
      ExpressionAttributeValues: { ':p': S(pk) },
    },
  ] as const;

describe('no function reaches a council partition with its own credentials (issue 14, item 2)', () => {
  const councilRequests = (pk: string) => [get(pk), put(pk), del(pk), query(pk), query(pk, 'council')];

  it('is refused for every role but the tenant sessions, for every council', async () => {
    const reaching: string[] = [];
    for (const role of policies.roleNames()) {
      for (const [command, input] of [...councilRequests('C#harrow'), ...councilRequests('C#kent')]) {
        if ((await result(own(role), command, input)) === 'Allowed') reaching.push(`${role} ${command}`);
      }
    }
    expect(reaching).toEqual([]);
  });

  it('the tenant and partner-reader roles reach nothing without a council session tag', async () => {
    for (const role of ['tenant', 'partner-reader']) {
      for (const [command, input] of councilRequests('C#harrow')) {
        expect(await result(own(role), command, input)).toBe('ImplicitlyDenied');
      }
    }
  });
});

describe("each function's own partitions (infra/lib/stacks/access-stack.ts)", () => {
  /** role → request → expected, for the service partitions and the due index. */
  const matrix: [string, readonly [string, object], 'Allowed' | 'ImplicitlyDenied'][] = [
    // API: partnerships, the council directory, operators, audit, secret-link lookups; no index.
    ['api', get('P#east', 'PARTNERSHIP'), 'Allowed'],
    ['api', put('P#east', 'READER#u1'), 'Allowed'],
    ['api', query('D#councils'), 'Allowed'],
    ['api', put('D#audit', 'AUDIT#1'), 'Allowed'],
    ['api', get('S#abc', 'LINK'), 'Allowed'],
    ['api', del('S#abc', 'LINK'), 'Allowed'],
    ['api', query('DUE#0', 'due'), 'ImplicitlyDenied'],
    ['api', query('C#harrow', 'council'), 'ImplicitlyDenied'],
    // Documents: calendar-feed lookups only.
    ['documents', get('S#abc', 'LINK'), 'Allowed'],
    ['documents', put('S#abc', 'LINK'), 'Allowed'],
    ['documents', del('S#abc', 'LINK'), 'Allowed'],
    ['documents', get('P#east', 'PARTNERSHIP'), 'ImplicitlyDenied'],
    ['documents', get('D#councils', 'COUNCIL#harrow'), 'ImplicitlyDenied'],
    // Alert job: the due index (outbox included), partnerships read, alert-link lookups written.
    ['alerts', query('DUE#0', 'due'), 'Allowed'],
    ['alerts', query('DUE#outbox', 'due'), 'Allowed'],
    ['alerts', query('P#east'), 'Allowed'],
    ['alerts', get('P#east', 'PARTNERSHIP'), 'Allowed'],
    ['alerts', put('P#east', 'PARTNERSHIP'), 'ImplicitlyDenied'],
    ['alerts', put('S#abc', 'LINK'), 'Allowed'],
    ['alerts', get('S#abc', 'LINK'), 'ImplicitlyDenied'],
    ['alerts', get('D#councils', 'COUNCIL#harrow'), 'ImplicitlyDenied'],
    ['alerts', query('DUE#0'), 'ImplicitlyDenied'],
    // Bounce handler, notifier: no table access of their own.
    ['bounces', get('S#abc', 'LINK'), 'ImplicitlyDenied'],
    ['bounces', get('P#east', 'PARTNERSHIP'), 'ImplicitlyDenied'],
    ['notifier', get('P#east', 'PARTNERSHIP'), 'ImplicitlyDenied'],
  ];

  it.each(matrix)('%s %j → %s', async (role, [command, input], expected) => {
    expect(await result(own(role), command, input)).toBe(expected);
  });

  it('tenant sessions reach no service partition and no due index', async () => {
    for (const role of ['tenant', 'partner-reader']) {
      for (const [command, input] of [
        get('P#east', 'PARTNERSHIP'),
        get('D#councils', 'COUNCIL#harrow'),
        get('S#abc', 'LINK'),
        query('DUE#0', 'due'),
      ]) {
        expect(await result(session(role, 'harrow'), command, input)).toBe('ImplicitlyDenied');
      }
    }
  });
});

describe("the partner digest's claim, through the lead council's session (issue 14)", () => {
  it('may be written and released (UpdateItem) by the session; the job alone may do neither', async () => {
    const key = { PK: S(claimKey.PK), SK: S(claimKey.SK) };
    const harrow = session('tenant', 'harrow');
    expect(await result(harrow, 'PutItem', { TableName: 't', Item: { ...key, state: S('reserved') } })).toBe(
      'Allowed',
    );
    expect(await result(harrow, 'UpdateItem', { TableName: 't', Key: key })).toBe('Allowed');
    expect(await result(own('alerts'), 'PutItem', { TableName: 't', Item: key })).toBe('ImplicitlyDenied');
    expect(await result(own('alerts'), 'UpdateItem', { TableName: 't', Key: key })).toBe('ImplicitlyDenied');
  });

  describe('against DynamoDB Local, with IAM evaluated', () => {
    let tableName: string;
    let drop: () => Promise<void>;
    let docFor: DocFor;
    const endpoint = inject('dynamoEndpoint');
    beforeAll(async () => {
      ({ tableName, drop } = await freshTable());
      const sessions = new SessionRegistry();
      // The alert job's wiring in AWS (functions/alerts/src/handler.ts): tenant sessions assumed by its role.
      const credentials = new TenantCredentialsProvider(
        localTenantCredentials({ policies, sourceRole: 'alerts', sessions }),
      );
      const clients = tenantDocClients({ endpoint, credentials });
      docFor = async (c, mode) => withIamEvaluation(await clients(c, mode), { policies, sessions, env: {} });
    });
    afterAll(async () => {
      await drop?.();
    });

    it('a failed send is released, so next run claims and sends the digest (it was lost before)', async () => {
      const council = jobCouncils(docFor, tableName, { sub: 'system:alerts', name: 'alerts' });
      const harrow = alertsOf(await council('harrow'));
      const at = new Date('2026-03-09T07:00:00Z');
      expect(await harrow.claimPartnerDigest('east', '2026-W11', 'reader@example.gov.uk', at)).toBe(true);
      // The send failed: the claim is marked failed (an UpdateItem the session may make).
      await harrow.markPartnerDigest('east', '2026-W11', 'reader@example.gov.uk', 'failed', at);
      // …so the retry claims it again instead of counting it as sent.
      expect(await harrow.claimPartnerDigest('east', '2026-W11', 'reader@example.gov.uk', at)).toBe(true);
      // A second claim while it is held is refused by the condition, not by IAM.
      expect(await harrow.claimPartnerDigest('east', '2026-W11', 'reader@example.gov.uk', at)).toBe(false);
    });

    it("the job's own client is refused the claim outright, as AWS would refuse it", async () => {
      const job = withIamEvaluation(createDocClient({ endpoint }), {
        policies,
        defaultRole: 'alerts',
        env: {},
      });
      await expect(
        job.send(new PutCommand({ TableName: tableName, Item: { ...claimKey, state: 'reserved' } })),
      ).rejects.toMatchObject({ name: 'AccessDeniedException' });
      await expect(
        job.send(new DeleteCommand({ TableName: tableName, Key: claimKey })),
      ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    });

    it("a session for harrow is refused kent's claim, even when the code asks for it", async () => {
      const harrowDoc = await docFor('harrow', 'readwrite');
      await expect(
        harrowDoc.send(
          new PutCommand({ TableName: tableName, Item: { ...claimKey, PK: 'C#kent', state: 'reserved' } }),
        ),
      ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    });
  });
});
