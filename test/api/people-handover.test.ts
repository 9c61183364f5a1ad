/**
 * Handing a leaver's work over (docs/architecture.md, "Handing over and leavers"): what a person leads,
 * moving the chosen leads and plan ownerships to someone else (each item version-checked, with its
 * audit event, in transactions), and marking them as having left only once they lead no open action.
 */
import { CouncilData, tenantContext } from '@peopleplan/db';
import { handOver } from '@peopleplan/db/people-moves';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { readPartition } from '../support/partitions.js';

const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';
const UNKNOWN = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

describe('handing over a person’s work', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  const ok = (method: string, path: string, body?: unknown, as = EDITOR) => api.ok(method, path, body, as);
  const person = (name: string, extra: Record<string, unknown> = {}) =>
    ok('POST', `${H}/people`, { name, ...extra });
  const handOverCall = (from: string, body: Record<string, unknown>, as = EDITOR) =>
    api.call('POST', `${H}/people/${from}/hand-over`, { as, body });
  const leads = (id: string, as = EDITOR) => api.call('GET', `${H}/people/${id}/leads`, { as });
  const snapshot = () => readPartition(api.doc, api.tableName, 'C#harrow');
  const changed = async (before: Map<string, string>) =>
    [...(await snapshot()).entries()].filter(([k, v]) => before.get(k) !== v).map(([k]) => k);

  /** A plan owned by `owner` whose actions `lead` leads, one per status given. */
  async function planLedBy(
    title: string,
    lead: { id: string; name: string },
    statuses: string[],
    owner?: string,
  ) {
    const plan = await ok('POST', `${H}/plans`, {
      title,
      kind: 'business-plan',
      status: 'active',
      ...(owner && { ownerPersonId: owner, ownerLabel: lead.name }),
      themes: [{ ref: '1', title: 'People' }],
    });
    const actions = [];
    for (const [i, status] of statuses.entries()) {
      actions.push(
        await ok('POST', `${H}/plans/${plan.id}/actions`, {
          ref: `1.${i + 1}`,
          title: `${title} action ${i + 1}`,
          themeId: plan.themes[0].id,
          status,
          due: { text: 'March 2027', kind: 'date', due: '2027-03-31', precision: 'month' },
          leads: [
            // Her name as a person's name takes the new person's; a role stays as the plan wrote it.
            { role: 'responsible', label: i === 0 ? 'Head of Workforce' : lead.name, personId: lead.id },
            { role: 'accountable', label: 'Director of HR' },
          ],
        }),
      );
    }
    return { plan, actions };
  }

  it('lists what a person leads and moves exactly the chosen actions and plans, with audit and versions', async () => {
    const helen = await person('Helen Ward');
    const sarah = await person('Sarah Jones');
    const { plan, actions } = await planLedBy(
      'Workforce plan',
      helen,
      ['on-track', 'not-started', 'deferred', 'completed', 'cancelled'],
      helen.id,
    );
    // An archived plan is the council's record: neither listed nor changed.
    const old = await planLedBy('Old plan', helen, ['on-track']);
    await ok(
      'DELETE',
      `${H}/plans/${old.plan.id}?version=${old.plan.version}`,
      undefined,
      'admin@harrow.test',
    );

    // Any member reads it; completed and cancelled actions are history, deferred ones still to do.
    const listed = await leads(helen.id, 'viewer@harrow.test');
    expect(listed.status).toBe(200);
    expect(listed.body.actions.map((a: any) => a.id)).toEqual(actions.slice(0, 3).map((a) => a.id));
    expect(listed.body.actions[0]).toEqual({
      planId: plan.id,
      planTitle: 'Workforce plan',
      id: actions[0].id,
      ref: '1.1',
      title: 'Workforce plan action 1',
      status: 'on-track',
      due: 'March 2027',
    });
    expect(listed.body.plans).toEqual([{ id: plan.id, title: 'Workforce plan', status: 'active' }]);

    const r = await handOverCall(helen.id, {
      to: sarah.id,
      version: helen.version,
      actionIds: [actions[0].id, actions[1].id],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ moved: { actions: 2, plans: 1 } });

    const read = (id: string) => ok('GET', `${H}/actions/${id}`);
    const [first, second, third] = await Promise.all(actions.slice(0, 3).map((a) => read(a.id)));
    expect(first.leads).toEqual([
      { role: 'responsible', label: 'Head of Workforce', personId: sarah.id },
      { role: 'accountable', label: 'Director of HR' },
    ]);
    expect(second.leads[0]).toEqual({ role: 'responsible', label: 'Sarah Jones', personId: sarah.id });
    expect([first.version, second.version]).toEqual([actions[0].version + 1, actions[1].version + 1]);
    // The action not chosen, the closed ones and the archived plan still name her.
    expect(third.leads[0].personId).toBe(helen.id);
    expect(third.version).toBe(actions[2].version);
    for (const a of [...actions.slice(3), ...old.actions])
      expect((await read(a.id)).leads[0].personId).toBe(helen.id);
    const header = await ok('GET', `${H}/plans/${plan.id}`);
    expect(header).toMatchObject({
      ownerPersonId: sarah.id,
      ownerLabel: 'Sarah Jones',
      version: plan.version + 1,
    });
    expect((await ok('GET', `${H}/plans/${old.plan.id}`)).ownerPersonId).toBeUndefined();

    const audit = (await ok('GET', `${H}/audit?limit=50`, undefined, 'admin@harrow.test')).items;
    const event = (type: string, id: string) =>
      audit.filter((e: any) => e.entityType === type && e.entityId === id && e.operation === 'update');
    expect(event('action', actions[0].id)[0]).toMatchObject({
      before: { leads: [{ personId: helen.id }, { label: 'Director of HR' }] },
      after: { leads: [{ personId: sarah.id }, { label: 'Director of HR' }] },
    });
    expect(event('action', actions[1].id)).toHaveLength(1);
    expect(event('action', actions[2].id)).toHaveLength(0);
    expect(event('plan', plan.id)[0]).toMatchObject({
      before: { ownerPersonId: helen.id, ownerLabel: 'Helen Ward' },
      after: { ownerPersonId: sarah.id, ownerLabel: 'Sarah Jones' },
    });

    // What is left to hand over; sending nothing but the target moves all of it.
    expect((await leads(helen.id)).body).toEqual({ actions: [listed.body.actions[2]], plans: [] });
    const rest = await handOverCall(helen.id, { to: sarah.id, version: helen.version });
    expect(rest.body).toEqual({ moved: { actions: 1, plans: 0 } });
    expect((await leads(sarah.id)).body.actions).toHaveLength(3);
  });

  it('refuses to leave while leading open actions, allows it after the hand-over, and clears it', async () => {
    const tom = await person('Tom Baker');
    const una = await person('Una Stubbs');
    const { actions } = await planLedBy('Leaver plan', tom, ['at-risk', 'completed']);
    const patch = (body: Record<string, unknown>) =>
      api.call('PATCH', `${H}/people/${tom.id}`, { as: EDITOR, body });

    const before = await snapshot();
    const refused = await patch({ version: tom.version, leftOn: '2026-11-30' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'Tom Baker still leads 1 open action: hand it over to someone else first, then mark them as left.',
    );
    expect(await changed(before)).toEqual([]);

    expect((await handOverCall(tom.id, { to: una.id, version: tom.version })).body.moved).toEqual({
      actions: 1,
      plans: 0,
    });
    const left = await patch({ version: tom.version, leftOn: '2026-11-30' });
    expect(left.status, JSON.stringify(left.body)).toBe(200);
    expect(left.body.leftOn).toBe('2026-11-30');
    // The completed action stays his: it is the record of who did it.
    expect((await ok('GET', `${H}/actions/${actions[1].id}`)).leads[0].personId).toBe(tom.id);

    // Nobody hands over to someone who has left.
    const third = await person('Vera Duckworth');
    const toLeaver = await handOverCall(third.id, { to: tom.id, version: third.version });
    expect(toLeaver.status).toBe(422);
    expect(toLeaver.body.error.message).toBe(
      'Tom Baker has left the council: hand over to someone who is still here.',
    );

    // Nor is someone who has left made a lead or an owner anew; the lead he had stays, the action editable.
    const { plan: fresh, actions: added } = await planLedBy('After Tom', una, ['on-track']);
    const asLead = await api.call('PATCH', `${H}/actions/${added[0].id}`, {
      as: EDITOR,
      body: {
        version: added[0].version,
        leads: [...added[0].leads, { role: 'responsible', label: 'Tom Baker', personId: tom.id }],
      },
    });
    expect(asLead.status).toBe(422);
    expect(asLead.body.error.message).toBe('Tom Baker has left the council: choose someone still here.');
    const asOwner = await api.call('PATCH', `${H}/plans/${fresh.id}`, {
      as: EDITOR,
      body: { version: fresh.version, ownerPersonId: tom.id },
    });
    expect(asOwner.status).toBe(422);
    const done = await ok('GET', `${H}/actions/${actions[1].id}`);
    const edited = await api.call('PATCH', `${H}/actions/${actions[1].id}`, {
      as: EDITOR,
      body: { version: done.version, leads: done.leads, title: 'Completed by Tom, retitled' },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);

    // Back again: cleared with null.
    const back = await patch({ version: left.body.version, leftOn: null });
    expect(back.status).toBe(200);
    expect(back.body.leftOn).toBeUndefined();
    expect((await handOverCall(third.id, { to: tom.id, version: third.version })).status).toBe(200);
  });

  it('refuses bad hand-overs with what is wrong, changing nothing', async () => {
    const from = await person('Wendy Craig');
    const to = await person('Xavier Hall');
    const merged = await person('Xav Hall');
    await ok('POST', `${H}/people/${merged.id}/merge`, { into: to.id, version: merged.version });
    const { actions } = await planLedBy('Refusals plan', from, ['on-track']);
    const other = await planLedBy('Someone else’s plan', to, ['on-track']);
    const kentPerson = await ok(
      'POST',
      '/api/v1/councils/kent/people',
      { name: 'Kent Person' },
      'editor@kent.test',
    );

    const before = await snapshot();
    const send = (body: Record<string, unknown>, as = EDITOR, id = from.id) =>
      handOverCall(id, { version: from.version, ...body }, as);
    const cases: Array<[Record<string, unknown>, number, string?, string?]> = [
      [{ to: from.id }, 422],
      [{ to: merged.id }, 422],
      [{ to: to.id, version: from.version + 1 }, 409],
      // An action she does not lead, one that is not the council's, a plan she does not own.
      [{ to: to.id, actionIds: [other.actions[0].id] }, 409],
      [{ to: to.id, actionIds: [UNKNOWN] }, 404],
      [{ to: to.id, planIds: [other.plan.id] }, 409],
      [{ to: UNKNOWN }, 404],
      [{ to: 'not-an-id' }, 400],
      [{ to: to.id, extra: true }, 400],
      // Another council's person, as the target or in the path, is not found; roles below editor are refused.
      [{ to: kentPerson.id }, 404],
      [{ to: to.id }, 404, EDITOR, kentPerson.id],
      [{ to: to.id }, 403, 'viewer@harrow.test'],
      [{ to: to.id }, 403, 'contributor@harrow.test'],
    ];
    for (const [body, status, as, id] of cases) {
      const r = await send(body, as, id);
      expect(r.status, `${JSON.stringify(body)} as ${as ?? EDITOR}: ${JSON.stringify(r.body)}`).toBe(status);
      expect(r.body.error.message).toEqual(expect.any(String));
    }
    expect((await send({ to: from.id })).body.error.message).toBe(
      'A person cannot hand over to themselves: choose someone else.',
    );
    // From another council: its person is not found in harrow's, nor harrow's in kent's.
    expect((await api.call('GET', `${H}/people/${kentPerson.id}/leads`, { as: EDITOR })).status).toBe(404);
    expect(
      (
        await api.call('POST', `/api/v1/councils/kent/people/${from.id}/hand-over`, {
          as: 'editor@kent.test',
          body: { to: kentPerson.id, version: from.version },
        })
      ).status,
    ).toBe(404);
    expect((await leads(from.id, 'viewer@kent.test')).status).toBe(404);
    expect(await changed(before)).toEqual([]);
    expect((await ok('GET', `${H}/actions/${actions[0].id}`)).leads[0].personId).toBe(from.id);
  });

  it('writes nothing of a transaction in which one item changed meanwhile (409)', async () => {
    const from = await person('Yvonne Arnaud');
    const to = await person('Zach Braff');
    const { plan, actions } = await planLedBy('Race plan', from, ['on-track', 'on-track'], from.id);
    const data = new CouncilData(
      api.doc,
      api.tableName,
      tenantContext('harrow', 'editor', { sub: 't', name: 'T' }),
    );
    // Someone edits the second action after the hand-over read it, before its transaction.
    const transact = data.store.transact.bind(data.store);
    data.store.transact = async (items, audits, what) => {
      await ok('PATCH', `${H}/actions/${actions[1].id}`, {
        version: actions[1].version,
        title: 'Renamed meanwhile',
      });
      return transact(items, audits, what);
    };
    const before = await snapshot();
    await expect(handOver(data, from.id, { to: to.id, version: from.version })).rejects.toMatchObject({
      code: 'conflict',
    });
    // Only the other person's edit was written: no lead moved, no owner, no audit of a hand-over.
    const written = await changed(before);
    expect(written).toContain(`PLAN#${plan.id}#ACTION#${actions[1].id}`);
    expect(written).not.toContain(`PLAN#${plan.id}`);
    expect(written).not.toContain(`PLAN#${plan.id}#ACTION#${actions[0].id}`);
    expect((await ok('GET', `${H}/actions/${actions[0].id}`)).leads[0].personId).toBe(from.id);
    expect((await ok('GET', `${H}/plans/${plan.id}`)).ownerPersonId).toBe(from.id);
    const audit = (await ok('GET', `${H}/audit?limit=20`, undefined, 'admin@harrow.test')).items;
    expect(audit.filter((e: any) => e.after?.leads?.[0]?.personId === to.id)).toEqual([]);
  });

  /** Search's kinds of item found by these words, sorted. */
  const kindsFound = async (q: string) =>
    ((await ok('GET', `${H}/search?q=${encodeURIComponent(q)}&limit=50`)).items as Array<{ kind: string }>)
      .map((i) => i.kind)
      .sort();

  it('has search find the handed-over action and plan by the new person’s name, not the leaver’s', async () => {
    const helen = await person('Helen Zebedee');
    const sarah = await person('Sarah Quartermaine');
    const { actions } = await planLedBy('Searchable plan', helen, ['on-track', 'on-track'], helen.id);
    expect(await kindsFound('Zebedee')).toEqual(['action', 'person', 'plan']);
    const r = await handOverCall(helen.id, { to: sarah.id, version: helen.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await kindsFound('Zebedee')).toEqual(['person']);
    expect(await kindsFound('Quartermaine')).toEqual(['action', 'person', 'plan']);
    // The action led by a role ("Head of Workforce") keeps its words, so its entry was not rewritten.
    const found = (await ok('GET', `${H}/search?q=Quartermaine`)).items.map((i: any) => i.id);
    expect(found).toContain(actions[1].id);
    expect(found).not.toContain(actions[0].id);
  });

  it('writes the search entries of a hand-over bigger than one transaction, each within 100 items', async () => {
    const n = 70;
    const rows = Array.from(
      { length: n },
      (_, i) => `${i + 1}\tTask number ${i + 1}\tOlwen Pryddergh\tMarch 2027`,
    );
    const imp = await ok('POST', `${H}/imports`, {
      text: `Ref\tAction\tLead\tDeadline\n${rows.join('\n')}\n`,
    });
    await ok('POST', `${H}/imports/${imp.id}/commit`, {});
    const olwen = (await ok('GET', `${H}/people`)).items.find((x: any) => x.name === 'Olwen Pryddergh');
    const to = await person('Gwilym Tresillian');
    const data = new CouncilData(
      api.doc,
      api.tableName,
      tenantContext('harrow', 'editor', { sub: 't', name: 'T' }),
    );
    const transact = data.store.transact.bind(data.store);
    const sizes: number[] = [];
    data.store.transact = async (items, audits, what) => {
      sizes.push(items.length + audits.length);
      return transact(items, audits, what);
    };
    const r = await handOver(data, olwen.id, { to: to.id, version: olwen.version });
    expect(r.moved.actions).toBe(n);
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
    // Every entry of the index names the new person, none the leaver but her own.
    const shards = [...(await snapshot()).entries()].filter(([k]) => k.startsWith('SEARCH#'));
    const entries = shards.flatMap(([, v]) => Object.values(JSON.parse(v) as Record<string, unknown>));
    const count = (words: string) => entries.filter((e) => String(e).includes(words)).length;
    expect(count('Gwilym Tresillian')).toBe(n + 1);
    expect(count('Olwen Pryddergh')).toBe(1);
  });
});
