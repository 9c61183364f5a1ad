/**
 * Merging duplicate people (issue 15): every reference moves to the person who stays (action leads
 * with their labels as written, plan owners, member links), each change has its audit event, the
 * person merged away stays as a record pointing at the survivor, and a merge too big for one
 * transaction goes in chunks that are safe to stop and send again.
 */
import { searchShard, TenantStore, tenantContext } from '@peopleplan/db';
import { MERGE_CHUNK, mergePerson } from '@peopleplan/db/people-merge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { readPartition } from '../support/partitions.js';

const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';

describe('merging people', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  const ok = (method: string, path: string, body?: unknown, as = EDITOR) => api.ok(method, path, body, as);
  const person = (name: string, extra: Record<string, unknown> = {}) =>
    ok('POST', `${H}/people`, { name, ...extra });
  const people = async (): Promise<any[]> => (await ok('GET', `${H}/people`)).items;
  const merge = (from: string, body: Record<string, unknown>, as = EDITOR) =>
    api.call('POST', `${H}/people/${from}/merge`, { as, body });
  const snapshot = () => readPartition(api.doc, api.tableName, 'C#harrow');

  it('moves every reference, keeps the history, and keeps the merged person as a record', async () => {
    const dup = await person('Jackie Turner Robinson', { email: 'jackie@harrow.test' });
    const keep = await person('Turner-Robinson', { roleLabel: 'J T-R' });
    const groups = (await ok('GET', `${H}/people/duplicates`, undefined, 'viewer@harrow.test')).items;
    expect(groups).toEqual([
      expect.objectContaining({
        reason: 'surname',
        people: expect.arrayContaining([
          expect.objectContaining({ id: dup.id }),
          expect.objectContaining({ id: keep.id }),
        ]),
      }),
    ]);
    const plan = await ok('POST', `${H}/plans`, {
      title: 'Workforce plan',
      kind: 'business-plan',
      status: 'active',
      ownerPersonId: dup.id,
      themes: [{ ref: '1', title: 'People' }],
    });
    const action = await ok('POST', `${H}/plans/${plan.id}/actions`, {
      title: 'Refresh the strategy',
      themeId: plan.themes[0].id,
      leads: [
        { role: 'responsible', label: 'Jackie T-R', personId: dup.id },
        { role: 'accountable', label: 'Head of HR' },
      ],
    });
    // A lead written as just the merged person's name takes the survivor's: the merge says which is right.
    const byName = await ok('POST', `${H}/plans/${plan.id}/actions`, {
      title: 'Run the staff survey',
      themeId: plan.themes[0].id,
      leads: [{ role: 'responsible', label: 'Jackie Turner Robinson', personId: dup.id }],
    });
    await api.linkMember('contributor@harrow.test', 'harrow', dup.id);

    const r = await merge(dup.id, { into: keep.id, version: dup.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.moved).toEqual({ actions: 2, plans: 1, members: 1 });
    // The survivor takes what it lacked; the merged person points at it.
    expect(r.body.person).toMatchObject({ id: keep.id, email: 'jackie@harrow.test', roleLabel: 'J T-R' });
    expect(r.body.merged).toMatchObject({ id: dup.id, mergedInto: keep.id });
    expect(r.body.merged.mergingInto).toBeUndefined();
    // Search finds the person who stays, not the record merged away.
    const found = await ok('GET', `${H}/search?q=${encodeURIComponent('Turner Robinson')}`);
    expect(JSON.stringify(found)).toContain(keep.id);
    expect(JSON.stringify(found)).not.toContain(dup.id);

    const after = await ok('GET', `${H}/actions/${action.id}`);
    expect(after.leads).toEqual([
      { role: 'responsible', label: 'Jackie T-R', personId: keep.id },
      { role: 'accountable', label: 'Head of HR' },
    ]);
    expect(after.version).toBe(action.version + 1);
    expect((await ok('GET', `${H}/actions/${byName.id}`)).leads).toEqual([
      { role: 'responsible', label: 'Turner-Robinson', personId: keep.id },
    ]);
    expect((await ok('GET', `${H}/plans/${action.planId}`)).ownerPersonId).toBe(keep.id);
    const members = (await ok('GET', `${H}/members`, undefined, 'admin@harrow.test')).items;
    expect(members.find((m: any) => m.email === 'contributor@harrow.test').personId).toBe(keep.id);
    // The contributor still reports on the action they lead, through the person they now are.
    await ok(
      'POST',
      `${H}/actions/${action.id}/updates`,
      { narrative: 'Started', status: 'on-track' },
      'contributor@harrow.test',
    );

    expect((await people()).map((p) => p.id)).not.toContain(dup.id);
    const audit = (await ok('GET', `${H}/audit?limit=50`, undefined, 'admin@harrow.test')).items;
    for (const [type, id] of [
      ['action', action.id],
      ['plan', action.planId],
      ['member', members.find((m: any) => m.email === 'contributor@harrow.test').userSub],
      ['person', dup.id],
      ['person', keep.id],
    ]) {
      expect(
        audit.some((e: any) => e.entityType === type && e.entityId === id && e.operation === 'update'),
      ).toBe(true);
    }
    const leadChange = audit.find((e: any) => e.entityType === 'action' && e.entityId === action.id);
    expect(leadChange.before.leads[0].personId).toBe(dup.id);
    expect(leadChange.after.leads[0].personId).toBe(keep.id);

    // Sending it again changes nothing; the merged record cannot be edited or merged elsewhere.
    const other = await person('Somebody Else');
    const before = await snapshot();
    expect((await merge(dup.id, { into: keep.id, version: dup.version })).status).toBe(200);
    expect((await merge(dup.id, { into: other.id, version: 99 })).status).toBe(409);
    expect((await merge(other.id, { into: dup.id, version: other.version })).status).toBe(409);
    expect(
      (await api.call('PATCH', `${H}/people/${dup.id}`, { as: EDITOR, body: { version: 99, name: 'X' } }))
        .status,
    ).toBe(409);
    const after2 = await snapshot();
    expect([...after2.entries()].filter(([k, v]) => before.get(k) !== v)).toEqual([]);

    // A plan imported later that names the merged person's label finds the survivor.
    const p = await ok('POST', `${H}/imports`, {
      text: 'Ref\tAction\tLead\tDeadline\n1\tRun induction\tJackie Turner Robinson\tMarch 2027\n',
    });
    expect(p.people.leads[0].person).toMatchObject({ id: keep.id, via: 'merged' });
    const committed = await ok('POST', `${H}/imports/${p.id}/commit`, {});
    const imported = (await ok('GET', `${H}/plans/${committed.planId}/contents`)).actions[0];
    expect(imported.leads[0].personId).toBe(keep.id);
  });

  it('merges two people whose search entries share a shard (one update of it in the transaction)', async () => {
    const byShard = new Map<number, any>();
    for (let i = 0; ; i++) {
      const p = await person(`Shard Person ${i}`);
      const twin = byShard.get(searchShard(p.id));
      if (twin) {
        const r = await merge(p.id, { into: twin.id, version: p.version });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        return;
      }
      byShard.set(searchShard(p.id), p);
    }
  });

  it('refuses bad merges with what is wrong, changing nothing', async () => {
    const a = await person('Refusal One');
    const b = await person('Refusal Two');
    const before = await snapshot();
    expect((await merge(a.id, { into: a.id, version: a.version })).status).toBe(422);
    expect((await merge(a.id, { into: b.id, version: a.version + 1 })).status).toBe(409);
    expect((await merge(a.id, { into: '01ARZ3NDEKTSV4RRFFQ69G5FAV', version: a.version })).status).toBe(404);
    expect((await merge(a.id, { into: 'not-an-id', version: a.version })).status).toBe(400);
    expect((await merge(a.id, { into: b.id, version: a.version }, 'viewer@harrow.test')).status).toBe(403);
    expect(
      (
        await api.call('POST', `/api/v1/councils/kent/people/${a.id}/merge`, {
          as: 'editor@kent.test',
          body: { into: b.id, version: 1 },
        })
      ).status,
    ).toBe(404);
    const after = await snapshot();
    expect([...after.entries()].filter(([k, v]) => before.get(k) !== v)).toEqual([]);
  });

  it('moves more references than one transaction takes, in chunks, and finishes a merge stopped part way', async () => {
    const n = MERGE_CHUNK * 2 + 7;
    const rows = Array.from({ length: n }, (_, i) => `${i + 1}\tAction number ${i + 1}\tHOP OS\tMarch 2027`);
    const p = await ok('POST', `${H}/imports`, { text: `Ref\tAction\tLead\tDeadline\n${rows.join('\n')}\n` });
    const { planId } = await ok('POST', `${H}/imports/${p.id}/commit`, {});
    const dup = (await people()).find((x) => x.name === 'HOP OS');
    const keep = await person('Pat Osborne', { roleLabel: 'Head of People' });

    // A merge that stopped after its first chunk: the mark is set and some leads have moved.
    const store = new TenantStore(
      api.doc,
      api.tableName,
      tenantContext('harrow', 'editor', { sub: 't', name: 'T' }),
    );
    const stopped = { ...dup, mergingInto: keep.id, version: dup.version + 1 };
    await store.transact([store.putVersioned(`PERSON#${dup.id}`, 'person', stopped, dup.version)], []);
    const actions = (await ok('GET', `${H}/plans/${planId}/contents`)).actions;
    const first = actions.slice(0, 3);
    for (const a of first) {
      await ok('PATCH', `${H}/actions/${a.id}`, {
        version: a.version,
        leads: a.leads.map((l: any) => ({ ...l, personId: keep.id })),
      });
    }
    // Another merge of the same person is refused while this one is unfinished.
    const third = await person('Third Person');
    expect((await merge(dup.id, { into: third.id, version: stopped.version })).status).toBe(409);

    // Sent again (with the version the person had when the merge began), it finishes.
    const r = await mergePerson(store, dup.id, keep.id, dup.version);
    expect(r.moved.actions).toBe(n - first.length);
    expect(r.merged.mergedInto).toBe(keep.id);
    const all = (await ok('GET', `${H}/plans/${planId}/contents`)).actions;
    expect(all).toHaveLength(n);
    expect(
      all.every((a: any) => a.leads.every((l: any) => l.personId === keep.id && l.label === 'HOP OS')),
    ).toBe(true);
    const audit = (await ok('GET', `${H}/audit?limit=200`, undefined, 'admin@harrow.test')).items;
    expect(
      audit.filter((e: any) => e.entityType === 'action' && e.after?.leads?.[0]?.personId === keep.id).length,
    ).toBe(n);
  });
  it('leaves a plan archived while the merge runs as it is, and moves everything else', async () => {
    const dup = await person('Sam Archer');
    const keep = await person('Samantha Archer');
    const plan = async (title: string, owner?: string) => {
      const p = await ok('POST', `${H}/plans`, {
        title,
        kind: 'business-plan',
        status: 'active',
        ...(owner && { ownerPersonId: owner }),
        themes: [{ ref: '1', title: 'People' }],
      });
      for (const t of ['First', 'Second']) {
        await ok('POST', `${H}/plans/${p.id}/actions`, {
          title: `${t} action of ${title}`,
          themeId: p.themes[0].id,
          leads: [{ role: 'responsible', label: 'S Archer', personId: dup.id }],
        });
      }
      return p;
    };
    const stays = await plan('Plan that stays open', dup.id);
    // Only its actions name the person: nothing but a check of the plan stops their change.
    const closing = await plan('Plan archived meanwhile');

    // The merge reads its references, then (before its first transaction) an admin archives a plan.
    const store = new TenantStore(
      api.doc,
      api.tableName,
      tenantContext('harrow', 'editor', { sub: 't', name: 'T' }),
    );
    const transact = store.transact.bind(store);
    let archived = false;
    store.transact = async (items, audits, what) => {
      if (what === 'person’s plans and actions' && !archived) {
        archived = true;
        await ok(
          'DELETE',
          `${H}/plans/${closing.id}?version=${closing.version}`,
          undefined,
          'admin@harrow.test',
        );
      }
      return transact(items, audits, what);
    };
    const r = await mergePerson(store, dup.id, keep.id, dup.version);
    expect(archived).toBe(true);
    expect(r.merged.mergedInto).toBe(keep.id);

    const contents = async (id: string) => ok('GET', `${H}/plans/${id}/contents`);
    const open = await contents(stays.id);
    expect((await ok('GET', `${H}/plans/${stays.id}`)).ownerPersonId).toBe(keep.id);
    expect(open.actions.map((a: any) => a.leads[0].personId)).toEqual([keep.id, keep.id]);
    // The archived plan is the council's record: it still names the person merged away.
    const kept = await contents(closing.id);
    expect(kept.actions.map((a: any) => a.leads[0].personId)).toEqual([dup.id, dup.id]);
    expect(r.moved).toEqual({ actions: 2, plans: 1, members: 0 });
  });

  it('has search find the merged person’s actions and plans by the survivor’s name', async () => {
    const dup = await person('Ros Quibble');
    const keep = await person('Rosalind Vantongeren');
    const plan = await ok('POST', `${H}/plans`, {
      title: 'Searched merge plan',
      kind: 'business-plan',
      status: 'active',
      ownerPersonId: dup.id,
      ownerLabel: 'Ros Quibble',
      themes: [{ ref: '1', title: 'People' }],
    });
    await ok('POST', `${H}/plans/${plan.id}/actions`, {
      title: 'Map the apprenticeship levy',
      themeId: plan.themes[0].id,
      leads: [{ role: 'responsible', label: 'Ros Quibble', personId: dup.id }],
    });
    const kinds = async (q: string) =>
      ((await ok('GET', `${H}/search?q=${encodeURIComponent(q)}`)).items as Array<{ kind: string }>)
        .map((i) => i.kind)
        .sort();
    expect(await kinds('Quibble')).toEqual(['action', 'person', 'plan']);
    const r = await merge(dup.id, { into: keep.id, version: dup.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await kinds('Quibble')).toEqual([]);
    expect(await kinds('Vantongeren')).toEqual(['action', 'person', 'plan']);
  });
});
