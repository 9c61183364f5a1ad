import { ACCESS_TOKEN_CLAIMS } from '@peopleplan/devstack';
import { eraseCouncil, planErase } from '@peopleplan/services';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, TEST_CLIENT_ID, TEST_OPERATOR, type TestApi } from '../support/api.js';
import { claimsOf } from '../support/tokens.js';

/**
 * Issue 13's contract, through the real app with Cognito-shaped tokens: the operator creates a
 * council and its first admin; the admin invites, re-roles and removes colleagues; a removed
 * colleague's token stops working from the next request; the council can take its data away.
 */
const OP = TEST_OPERATOR.email;
const X = '/api/v1/councils/wessex';
const ADMIN = 'first.admin@wessex.gov.uk';
const EDITOR = 'new.editor@wessex.gov.uk';

describe('councils and their people', () => {
  let api: TestApi;
  const bearer = (t: string) => ({ authorization: `Bearer ${t}`, 'content-type': 'application/json' });

  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  it('lets the operator create a council with its first admin, once', async () => {
    const r = await api.call('POST', '/api/v1/councils', {
      as: OP,
      body: { id: 'wessex', name: 'Wessex Council', adminEmail: ADMIN, adminName: 'First Admin' },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ id: 'wessex', status: 'active', counts: { members: 1, plans: 0 } });
    const again = await api.call('POST', '/api/v1/councils', {
      as: OP,
      body: { id: 'wessex', name: 'Another', adminEmail: 'x@y.gov.uk' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('already exists');
    const list = await api.call('GET', '/api/v1/councils', { as: OP });
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain('wessex');
  });

  it('signs the admin in with an access token shaped exactly like Cognito’s, and lets them in', async () => {
    const token = await api.token(ADMIN);
    const claims = claimsOf(token);
    expect(Object.keys(claims).sort()).toEqual([...ACCESS_TOKEN_CLAIMS].sort());
    expect(claims).toMatchObject({
      token_use: 'access',
      client_id: TEST_CLIENT_ID,
      'cognito:groups': ['council:wessex:admin'],
    });
    expect(claims).not.toHaveProperty('email');
    expect(claims).not.toHaveProperty('aud');
    const settings = await api.call('GET', `${X}/settings`, { headers: bearer(token) });
    expect(settings.status).toBe(200);
    expect(settings.body.name).toBe('Wessex Council');
    const me = await api.call('GET', '/api/v1/me', { headers: bearer(token) });
    expect(me.body).toMatchObject({ email: ADMIN, name: 'First Admin', operator: false });
  });

  it('refuses everyone but the operator on the directory, and shows the operator no plan data', async () => {
    for (const who of [ADMIN, 'admin@harrow.test']) {
      expect((await api.call('GET', '/api/v1/councils', { as: who })).status, who).toBe(403);
    }
    expect((await api.call('GET', `${X}/plans`, { as: OP })).status).toBe(404);
    expect((await api.call('GET', `${X}/export`, { as: OP })).status).toBe(404);
  });

  it('lets the admin invite an editor, who can then work in the council', async () => {
    const invited = await api.call('POST', `${X}/members`, {
      as: ADMIN,
      body: { email: EDITOR, role: 'editor', name: 'New Editor' },
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email: EDITOR, role: 'editor', invitedBy: 'First Admin' });
    const twice = await api.call('POST', `${X}/members`, {
      as: ADMIN,
      body: { email: EDITOR, role: 'viewer' },
    });
    expect(twice.status).toBe(409);
    const plan = await api.call('POST', `${X}/plans`, {
      as: EDITOR,
      body: { title: 'Wessex workforce plan 2027', kind: 'business-plan' },
    });
    expect(plan.status).toBe(201);
    const audit = await api.call('GET', `${X}/audit?limit=5`, { as: ADMIN });
    expect(audit.body.items[0]).toMatchObject({ entityType: 'plan', actorName: 'New Editor' });
  });

  it('gives a person the email of the member linked to them, so what they lead reaches them', async () => {
    const sam = await api.call('POST', `${X}/people`, { as: ADMIN, body: { name: 'Sam Patel' } });
    const shared = await api.call('POST', `${X}/people`, {
      as: ADMIN,
      body: { name: 'Payroll Team', email: 'payroll@wessex.gov.uk' },
    });
    expect([sam.status, shared.status]).toEqual([201, 201]);
    const invited = await api.call('POST', `${X}/members`, {
      as: ADMIN,
      body: { email: 'sam.patel@wessex.gov.uk', role: 'contributor', personId: sam.body.id },
    });
    expect(invited.status).toBe(201);
    const people = async () =>
      new Map(
        (await api.call('GET', `${X}/people`, { as: ADMIN })).body.items.map(
          (p: { id: string; email?: string }) => [p.id, p.email],
        ),
      );
    expect((await people()).get(sam.body.id)).toBe('sam.patel@wessex.gov.uk');
    // Linked later to a person who has an address of their own: theirs stays.
    const relinked = await api.call('PATCH', `${X}/members/${invited.body.userSub}`, {
      as: ADMIN,
      body: { version: invited.body.version, personId: shared.body.id },
    });
    expect(relinked.status).toBe(200);
    expect((await people()).get(shared.body.id)).toBe('payroll@wessex.gov.uk');
    const gone = await api.call('DELETE', `${X}/members/${invited.body.userSub}`, { as: ADMIN });
    expect(gone.status).toBe(200);
  });

  it('finds or makes the person an invited member is in the plans, when the admin names no one', async () => {
    const invited: string[] = [];
    const invite = async (body: { email: string; role: string; name: string }) => {
      const r = await api.call('POST', `${X}/members`, { as: ADMIN, body });
      expect(r.status).toBe(201);
      invited.push(r.body.userSub);
      if (!r.body.personId) return undefined;
      const people = (await api.call('GET', `${X}/people`, { as: ADMIN })).body.items;
      return people.find((p: { id: string }) => p.id === r.body.personId);
    };
    const add = (body: object) => api.call('POST', `${X}/people`, { as: ADMIN, body });
    // An imported lead of their name, with no email yet: linked, and given the member's address.
    const priya = await add({ name: 'Priya  Patel' });
    expect(
      await invite({ email: 'priya.patel@wessex.gov.uk', role: 'contributor', name: 'Priya Patel' }),
    ).toMatchObject({ id: priya.body.id, email: 'priya.patel@wessex.gov.uk' });
    // A person already holding the address is theirs, whatever the name.
    const tom = await add({ name: 'T. Baker', email: 'Tom.Baker@wessex.gov.uk' });
    expect((await invite({ email: 'tom.baker@wessex.gov.uk', role: 'editor', name: 'Tom Baker' }))?.id).toBe(
      tom.body.id,
    );
    // No one of theirs yet: a new person, who can be chosen as a lead; a councillor (viewer) is none.
    expect(
      await invite({ email: 'mark.hughes@wessex.gov.uk', role: 'contributor', name: 'Mark Hughes' }),
    ).toMatchObject({ name: 'Mark Hughes', email: 'mark.hughes@wessex.gov.uk' });
    expect(await invite({ email: 'cllr.jones@wessex.gov.uk', role: 'viewer', name: 'Cllr Jones' })).toBe(
      undefined,
    );
    // Two people of one name are left for the admin to choose between.
    await add({ name: 'Alex Smith' });
    await add({ name: 'Alex Smith' });
    expect(await invite({ email: 'alex.smith@wessex.gov.uk', role: 'contributor', name: 'Alex Smith' })).toBe(
      undefined,
    );
    for (const sub of invited) {
      expect((await api.call('DELETE', `${X}/members/${sub}`, { as: ADMIN })).status).toBe(200);
    }
  });

  it('takes a role change from the very next request, whatever the token still says', async () => {
    const before = await api.token(EDITOR);
    const members = await api.call('GET', `${X}/members`, { as: ADMIN });
    const editor = members.body.items.find((m: { email: string }) => m.email === EDITOR);
    const down = await api.call('PATCH', `${X}/members/${editor.userSub}`, {
      as: ADMIN,
      body: { version: editor.version, role: 'viewer' },
    });
    expect(down.status).toBe(200);
    const refused = await api.call('POST', `${X}/plans`, {
      headers: bearer(before),
      raw: JSON.stringify({ title: 'x', kind: 'business-plan' }),
    });
    expect(refused.status).toBe(403);
    expect((await api.users.findUser(EDITOR))?.groups).toEqual(['council:wessex:viewer']);
  });

  it('refuses a removed member’s still-valid token from the next request', async () => {
    const token = await api.token(EDITOR);
    expect((await api.call('GET', `${X}/plans`, { headers: bearer(token) })).status).toBe(200);
    const members = await api.call('GET', `${X}/members`, { as: ADMIN });
    const editor = members.body.items.find((m: { email: string }) => m.email === EDITOR);
    const self = members.body.items.find((m: { email: string }) => m.email === ADMIN);
    expect((await api.call('DELETE', `${X}/members/${self.userSub}`, { as: ADMIN })).status).toBe(422);
    expect((await api.call('DELETE', `${X}/members/${editor.userSub}`, { as: ADMIN })).status).toBe(200);
    expect([403, 404]).toContain((await api.call('GET', `${X}/plans`, { headers: bearer(token) })).status);
    expect((await api.users.findUser(EDITOR))?.groups).toEqual([]);
  });

  it('lets the admin take everything away as one ZIP', async () => {
    const r = await api.app.request(`${X}/export`, {
      headers: { authorization: `Bearer ${await api.token(ADMIN)}` },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await r.arrayBuffer()));
    const lines = new TextDecoder()
      .decode(files['items.jsonl'])
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.some((i) => i.type === 'plan' && i.title === 'Wessex workforce plan 2027')).toBe(true);
    expect(lines.every((i) => i.PK === 'C#wessex')).toBe(true);
    expect(Object.keys(files).some((f) => f.startsWith('plans/') && f.endsWith('.xlsx'))).toBe(true);
    expect((await api.call('GET', `${X}/export`, { as: 'admin@harrow.test' })).status).toBe(404);
  });

  it('suspends and reactivates a council: its members are refused while it is suspended', async () => {
    const off = await api.call('PATCH', X, { as: OP, body: { status: 'suspended' } });
    expect(off.status).toBe(200);
    expect((await api.call('GET', `${X}/settings`, { as: ADMIN })).status).toBe(404);
    await api.call('PATCH', X, { as: OP, body: { status: 'active' } });
    expect((await api.call('GET', `${X}/settings`, { as: ADMIN })).status).toBe(200);
  });

  it('erases a council after a dry run, and never gives its id out again', async () => {
    const plan = await planErase(api.onboarding, 'wessex');
    expect(plan.byType).toMatchObject({ council: 1, member: 1, plan: 1 });
    await eraseCouncil(api.onboarding, 'wessex', { sub: 'op', name: 'Operator' });
    const data = await api.onboarding.council('wessex');
    const left = [];
    for await (const page of data.store.partitionPages()) left.push(...page);
    expect(left).toEqual([]);
    expect((await api.call('GET', `${X}/settings`, { as: ADMIN })).status).toBe(404);
    expect((await api.users.findUser(ADMIN))?.groups).toEqual([]);
    const reuse = await api.call('POST', '/api/v1/councils', {
      as: OP,
      body: { id: 'wessex', name: 'Wessex again', adminEmail: ADMIN },
    });
    expect(reuse.status).toBe(409);
    // The directory keeps the id, with nothing counted; erasing it again says it is already gone.
    expect((await api.deps.directory.council('wessex'))?.counts).toEqual({ members: 0, plans: 0 });
    await expect(
      eraseCouncil(api.onboarding, 'wessex', { sub: 'op', name: 'Operator' }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('already been erased'),
    });
    const trail = await api.deps.directory.auditTrail();
    expect(trail.map((e) => e.operation)).toEqual(
      expect.arrayContaining(['create-council', 'suspend', 'reactivate', 'delete-council']),
    );
  });
  it('never lets an operator read council plans through a partnership', async () => {
    const partnership = (id: string, reader: string) =>
      api.call('POST', '/api/v1/partnerships', {
        as: OP,
        body: {
          id,
          name: 'Shared service',
          leadCouncilId: 'harrow',
          memberCouncilIds: ['harrow', 'kent'],
          readers: [{ email: reader }],
        },
      });
    const refused = await partnership('sneaky', OP);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/operators cannot be partner readers/);
    expect(await api.deps.partnershipDirectory.get('sneaky')).toBeUndefined();
    // Nor can a partner reader be made an operator.
    expect((await partnership('shared', 'reader@shared.test')).status).toBe(201);
    const { addOperator } = await import('@peopleplan/services');
    await expect(
      addOperator(api.onboarding, 'reader@shared.test', 'Reader', { sub: 'op', name: 'Op' }),
    ).rejects.toMatchObject({
      code: 'unprocessable',
    });

    // Readers are added and removed later too: the record is what each request checks.
    const { addPartnerReader, removePartnerReader } = await import('@peopleplan/services');
    const actor = { sub: 'op', name: 'Op' };
    await addPartnerReader(api.onboarding, 'shared', { email: 'second.reader@shared.test' }, actor);
    const second = (await api.users.findUser('second.reader@shared.test'))!;
    expect(second.groups).toContain('partnership:shared:partner-reader');
    expect(await api.deps.partnershipDirectory.getReader('shared', second.sub)).toBeDefined();
    await expect(addPartnerReader(api.onboarding, 'shared', { email: OP }, actor)).rejects.toMatchObject({
      code: 'unprocessable',
    });
    await removePartnerReader(api.onboarding, 'shared', 'second.reader@shared.test', actor);
    expect(await api.deps.partnershipDirectory.getReader('shared', second.sub)).toBeUndefined();
    expect((await api.users.findUser('second.reader@shared.test'))!.groups).not.toContain(
      'partnership:shared:partner-reader',
    );
  });
});
