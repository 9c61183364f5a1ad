/**
 * The bounce handler end to end on DynamoDB Local, with IAM evaluated as in AWS: a real SES event sample
 * (EventBridge envelope, validated by ses-event.ts), the address's user found in the identity provider,
 * and each of their councils' member record marked through that council's tenant session, assumed by the
 * bounce handler's own role, which reaches no council by itself.
 */
import { readFileSync } from 'node:fs';
import type { IdentityUser } from '@peopleplan/auth';
import {
  CouncilData,
  createDocClient,
  type DocFor,
  provisionCouncil,
  provisionMember,
  TenantCredentialsProvider,
  tenantContext,
  tenantDocClients,
} from '@peopleplan/db';
import {
  loadAppPolicies,
  localTenantCredentials,
  SessionRegistry,
  withIamEvaluation,
} from '@peopleplan/iam-local';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshTable } from '../../../test/support/dynamo.js';
import { createHandler } from './handler.js';
import type { BounceDeps } from './mark-undeliverable.js';
import { SesEmailEvent } from './ses-event.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as unknown;
const bounce = fixture('ses-bounce.eventbridge.json');
const complaint = fixture('ses-complaint.eventbridge.json');
const quiet = { info() {}, warn() {}, error() {}, debug() {} } as never;

const endpoint = inject('dynamoEndpoint');
let tableName: string;
let drop: () => Promise<void>;
let docFor: DocFor;
const admin = createDocClient({ endpoint });

/** The identity provider's users (Cognito in AWS): Jo is in harrow and kent, not in barnet. */
const USERS: Record<string, IdentityUser> = {
  'jo.bloggs@harrow.example': {
    sub: 'jo-sub',
    username: 'jo-sub',
    email: 'jo.bloggs@harrow.example',
    groups: ['council:harrow:editor', 'council:kent:viewer', 'partnership:east:partner-reader'],
  },
  'cllr.smith@kent.example': {
    sub: 'smith-sub',
    username: 'smith-sub',
    email: 'cllr.smith@kent.example',
    groups: ['council:kent:viewer'],
  },
};
const asked: string[] = [];
const deps = (): BounceDeps => ({
  identity: {
    findUser: async (email) => {
      asked.push(email);
      return USERS[email.toLowerCase()];
    },
  },
  docFor,
  tableName,
});
const member = async (councilId: string, sub: string) =>
  new CouncilData(admin, tableName, tenantContext(councilId, 'system', { sub: 't', name: 't' })).members.get(
    sub,
  );

beforeAll(async () => {
  ({ tableName, drop } = await freshTable());
  for (const id of ['harrow', 'kent', 'barnet']) await provisionCouncil(admin, tableName, { id, name: id });
  const jo = { userSub: 'jo-sub', email: 'jo.bloggs@harrow.example', name: 'Jo Bloggs' };
  await provisionMember(admin, tableName, { ...jo, councilId: 'harrow', role: 'editor' });
  await provisionMember(admin, tableName, { ...jo, councilId: 'kent', role: 'viewer' });
  // Barnet has a record for the same person, but Cognito does not put them in Barnet: it is not searched.
  await provisionMember(admin, tableName, { ...jo, councilId: 'barnet', role: 'viewer' });
  await provisionMember(admin, tableName, {
    userSub: 'smith-sub',
    councilId: 'kent',
    email: 'cllr.smith@kent.example',
    name: 'Cllr Smith',
    role: 'viewer',
  });
  // The bounce handler's wiring in AWS (handler.ts): tenant sessions assumed by its own role, IAM evaluated.
  const policies = await loadAppPolicies();
  const sessions = new SessionRegistry();
  const credentials = new TenantCredentialsProvider({
    ...localTenantCredentials({ policies, sourceRole: 'bounces', sessions }),
    partnerRoleArn: undefined,
  });
  const clients = tenantDocClients({ endpoint, credentials });
  docFor = async (c, mode) => withIamEvaluation(await clients(c, mode), { policies, sessions, env: {} });
});
afterAll(async () => {
  await drop?.();
});

describe('a permanent bounce of a real SES event', () => {
  it('parses as SES publishes it to EventBridge', () => {
    expect(SesEmailEvent.safeParse(bounce).success).toBe(true);
    expect(SesEmailEvent.safeParse(complaint).success).toBe(true);
  });

  it("marks the member record undeliverable in each of the user's councils, through their sessions", async () => {
    const handler = createHandler(deps, quiet);
    await expect(handler(bounce)).resolves.toEqual({ addresses: 1, marked: 2 });
    expect(asked).toContain('jo.bloggs@harrow.example');
    for (const c of ['harrow', 'kent']) {
      expect((await member(c, 'jo-sub'))?.undeliverable).toEqual({
        at: '2026-12-01T07:00:04.512Z',
        reason: expect.stringMatching(/^Bounce: Permanent\/General: smtp; 550 5\.1\.1/),
      });
    }
    expect((await member('barnet', 'jo-sub'))?.undeliverable).toBeUndefined();
    // Audited in the council's trail as the bounce handler.
    const audit = await new CouncilData(
      admin,
      tableName,
      tenantContext('harrow', 'system', { sub: 't', name: 't' }),
    ).audit();
    expect(audit.items.find((e) => e.entityType === 'member')).toMatchObject({
      actorSub: 'system:bounces',
      entityId: 'jo-sub',
    });
  });

  it('marks a complaint too, and leaves transient bounces and unknown addresses alone', async () => {
    const handler = createHandler(deps, quiet);
    await expect(handler(complaint)).resolves.toEqual({ addresses: 1, marked: 1 });
    expect((await member('kent', 'smith-sub'))?.undeliverable?.reason).toBe('Complaint: abuse');

    const soft = structuredClone(bounce) as { detail: { bounce: { bounceType: string } } };
    soft.detail.bounce.bounceType = 'Transient';
    asked.length = 0;
    await expect(handler(soft)).resolves.toEqual({ addresses: 1, marked: 0 });
    expect(asked).toEqual([]);

    const stranger = structuredClone(bounce) as {
      detail: { bounce: { bouncedRecipients: { emailAddress: string }[] } };
    };
    stranger.detail.bounce.bouncedRecipients[0]!.emailAddress = 'nobody@nowhere.example';
    await expect(handler(stranger)).resolves.toEqual({ addresses: 1, marked: 0 });
  });

  it('does not mark a record whose address has changed since', async () => {
    const kent = new CouncilData(admin, tableName, tenantContext('kent', 'system', { sub: 't', name: 't' }));
    const before = (await kent.members.get('smith-sub'))!;
    await kent.members.update('smith-sub', { version: before.version, name: 'Cllr J Smith' });
    expect(
      await kent.members.markUndeliverable('smith-sub', 'other@kent.example', { at: 'x', reason: 'y' }),
    ).toBe(false);
  });

  it('fails the invocation (EventBridge retries) when a council cannot be marked, after marking the rest', async () => {
    const failing: BounceDeps = {
      ...deps(),
      docFor: async (c, mode) => {
        if (c === 'kent') throw new Error('STS unavailable');
        return docFor(c, mode);
      },
    };
    const handler = createHandler(() => failing, quiet);
    await expect(handler(bounce)).rejects.toThrow(/1 council\(s\) could not be marked/);
  });

  it('is refused by IAM if it ever asks for a council with another council’s session', async () => {
    const harrow = await docFor('harrow', 'readwrite');
    const wrong = new CouncilData(
      harrow,
      tableName,
      tenantContext('kent', 'system', { sub: 't', name: 't' }),
    );
    await expect(wrong.members.get('jo-sub')).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('refuses anything that is not an SES bounce or complaint', async () => {
    const handler = createHandler(deps, quiet);
    await expect(handler({ hello: 'world' })).rejects.toThrow(/not an SES bounce/);
  });
});
