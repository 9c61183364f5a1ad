/**
 * People who have gone — left the council, or merged into someone else — take on nothing new
 * (docs/architecture.md, "Handing over and leavers", "Merging people"): no merge into a leaver, no lead or
 * plan ownership newly given to a merged person, and no one marked as left while they own a plan in use
 * or on a day more than a year ahead. Each refusal names who and why, and changes nothing.
 */
import { TenantStore, tenantContext } from '@peopleplan/db';
import { mergePerson } from '@peopleplan/db/people-merge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { readPartition } from '../support/partitions.js';

const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';
const TODAY = '2026-11-16';

describe('people who have gone', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi({ today: () => TODAY });
  });
  afterAll(() => api.drop());

  const ok = (method: string, path: string, body?: unknown, as = EDITOR) => api.ok(method, path, body, as);
  const call = (method: string, path: string, body?: unknown, as = EDITOR) =>
    api.call(method, path, { as, ...(body === undefined ? {} : { body }) });
  const person = (name: string) => ok('POST', `${H}/people`, { name });
  const plan = (title: string, owner?: { id: string; name: string }, status = 'active') =>
    ok('POST', `${H}/plans`, {
      title,
      kind: 'business-plan',
      status,
      ...(owner && { ownerPersonId: owner.id, ownerLabel: owner.name }),
      themes: [{ ref: '1', title: 'People' }],
    });
  const lead = (p: { id: string; name: string }) => ({ role: 'responsible', label: p.name, personId: p.id });
  const action = (p: any, ref: string, extra: Record<string, unknown> = {}) =>
    ok('POST', `${H}/plans/${p.id}/actions`, {
      ref,
      title: `Action ${ref}`,
      themeId: p.themes[0].id,
      ...extra,
    });
  const snapshot = () => readPartition(api.doc, api.tableName, 'C#harrow');
  const changed = async (before: Map<string, string>) =>
    [...(await snapshot()).entries()].filter(([k, v]) => before.get(k) !== v).map(([k]) => k);

  it('refuses merging into someone who has left (422, naming them), changing nothing', async () => {
    const gone = await person('Gone Person');
    const left = await ok('PATCH', `${H}/people/${gone.id}`, { version: gone.version, leftOn: '2026-01-31' });
    const active = await person('Active Lead');
    const p = await plan('Merge-into-leaver plan', active);
    const a = await action(p, '1.1', { status: 'on-track', leads: [lead(active)] });

    const before = await snapshot();
    const r = await call('POST', `${H}/people/${active.id}/merge`, {
      into: gone.id,
      version: active.version,
    });
    expect(r.status).toBe(422);
    expect(r.body.error.message).toBe(
      'Gone Person has left the council: merge into someone who is still here.',
    );
    expect(await changed(before)).toEqual([]);
    expect((await ok('GET', `${H}/actions/${a.id}`)).leads[0].personId).toBe(active.id);
    expect((await ok('GET', `${H}/plans/${p.id}`)).ownerPersonId).toBe(active.id);

    // Back at the council, they can be merged into.
    await ok('PATCH', `${H}/people/${gone.id}`, { version: left.version, leftOn: null });
    const merged = await call('POST', `${H}/people/${active.id}/merge`, {
      into: gone.id,
      version: active.version,
    });
    expect(merged.status).toBe(200);
    expect((await ok('GET', `${H}/actions/${a.id}`)).leads[0]).toMatchObject({
      personId: gone.id,
      label: 'Gone Person',
    });
  });

  it('stops a merge whose survivor is marked as left while it runs, moving nothing', async () => {
    const from = await person('Race From');
    const into = await person('Race Into');
    const p = await plan('Race plan', from);
    const a = await action(p, '1.1', { status: 'on-track', leads: [lead(from)] });
    const store = new TenantStore(
      api.doc,
      api.tableName,
      tenantContext('harrow', 'editor', { sub: 't', name: 'T' }),
    );
    const transact = store.transact.bind(store);
    let once = false;
    // Another editor marks the survivor as left between the merge's checks and its moving the work.
    store.transact = async (items, audits, what) => {
      if (!once && what === 'person’s plans and actions') {
        once = true;
        await ok('PATCH', `${H}/people/${into.id}`, { version: into.version, leftOn: TODAY });
      }
      return transact(items, audits, what);
    };
    await expect(mergePerson(store, from.id, into.id, from.version)).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await ok('GET', `${H}/actions/${a.id}`)).leads[0].personId).toBe(from.id);
    expect((await ok('GET', `${H}/plans/${p.id}`)).ownerPersonId).toBe(from.id);
    // Sent again, it is refused for what it is.
    const again = await call('POST', `${H}/people/${from.id}/merge`, {
      into: into.id,
      version: from.version,
    });
    expect(again.status).toBe(422);
  });

  it('moves a plan owner’s name with the merge, and refuses the merged person as a new lead or owner', async () => {
    const jon = await person('Jon Smyth');
    const john = await person('John Smyth');
    const owned = await plan('Owned by Jon', jon);
    const roleOwned = await ok('POST', `${H}/plans`, {
      title: 'Owned by the role',
      kind: 'business-plan',
      status: 'active',
      ownerPersonId: jon.id,
      ownerLabel: 'Head of Workforce',
      themes: [{ ref: '1', title: 'People' }],
    });
    await ok('POST', `${H}/people/${jon.id}/merge`, { into: john.id, version: jon.version });
    // The label that was just his name takes the survivor's spelling; a role stays as the plan wrote it.
    const o = await ok('GET', `${H}/plans/${owned.id}`);
    expect([o.ownerPersonId, o.ownerLabel]).toEqual([john.id, 'John Smyth']);
    const r = await ok('GET', `${H}/plans/${roleOwned.id}`);
    expect([r.ownerPersonId, r.ownerLabel]).toEqual([john.id, 'Head of Workforce']);
    const history = (await ok('GET', `${H}/plans/${owned.id}/history`)).items;
    expect(history[0]).toMatchObject({
      before: { ownerPersonId: jon.id, ownerLabel: 'Jon Smyth' },
      after: { ownerPersonId: john.id, ownerLabel: 'John Smyth' },
    });

    const p = await plan('Fresh plan');
    const a = await action(p, '1.1', { leads: [lead(john)] });
    const before = await snapshot();
    const asLead = await call('POST', `${H}/plans/${p.id}/actions`, {
      ref: '9.9',
      title: 'Names the merged record',
      themeId: p.themes[0].id,
      leads: [lead(john), { role: 'accountable', label: 'Jon Smyth', personId: jon.id }],
    });
    expect(asLead.status).toBe(422);
    expect(asLead.body.error).toMatchObject({
      code: 'unprocessable',
      message: 'Jon Smyth was merged into John Smyth: choose John Smyth instead.',
      details: [{ path: 'leads.1.personId', message: 'was merged into John Smyth' }],
    });
    const asOwner = await call('PATCH', `${H}/plans/${p.id}`, { version: p.version, ownerPersonId: jon.id });
    expect(asOwner.status).toBe(422);
    expect(asOwner.body.error.details).toEqual([
      { path: 'ownerPersonId', message: 'was merged into John Smyth' },
    ]);
    const addLead = await call('PATCH', `${H}/actions/${a.id}`, {
      version: a.version,
      leads: [...a.leads, { role: 'accountable', label: 'Jon', personId: jon.id }],
    });
    expect(addLead.status).toBe(422);
    expect(await changed(before)).toEqual([]);
    expect((await ok('GET', `${H}/actions/${a.id}`)).leads).toEqual([lead(john)]);
    // The survivor is the one to name.
    expect(
      (await call('PATCH', `${H}/plans/${p.id}`, { version: p.version, ownerPersonId: john.id })).status,
    ).toBe(200);
  });

  it('refuses someone of another council as a lead, merged or not', async () => {
    const kentPerson = await ok(
      'POST',
      '/api/v1/councils/kent/people',
      { name: 'Kent Person' },
      'editor@kent.test',
    );
    const p = await plan('Cross-council plan');
    const r = await call('POST', `${H}/plans/${p.id}/actions`, {
      title: 'Led from Kent',
      themeId: p.themes[0].id,
      leads: [lead(kentPerson)],
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details).toEqual([
      { path: 'leads.0.personId', message: 'not a person in this council’s directory' },
    ]);
    // Nor may Kent's editor merge or mark Harrow's people.
    const harrowPerson = await person('Harrow Person');
    const merge = await call(
      'POST',
      `/api/v1/councils/kent/people/${harrowPerson.id}/merge`,
      { into: kentPerson.id, version: harrowPerson.version },
      'editor@kent.test',
    );
    expect(merge.status).toBe(404);
    const leave = await call(
      'PATCH',
      `${H}/people/${harrowPerson.id}`,
      { version: harrowPerson.version, leftOn: TODAY },
      'editor@kent.test',
    );
    expect(leave.status).toBe(404);
  });

  it('refuses marking someone as left while they own a plan in use, or on a day over a year ahead', async () => {
    const olive = await person('Olive Owner');
    const p = await plan('Owned by a leaver', olive);
    const draft = await plan('Draft owned by a leaver', olive, 'draft');
    const patch = (body: Record<string, unknown>) => call('PATCH', `${H}/people/${olive.id}`, body);

    const before = await snapshot();
    const far = await patch({ version: olive.version, leftOn: '2099-12-31' });
    expect(far.status).toBe(422);
    expect(far.body.error).toMatchObject({
      message:
        'Olive Owner cannot be marked as leaving on 2099-12-31, more than a year from now: check the date.',
      details: [{ path: 'leftOn', message: 'more than a year from now' }],
    });
    const owning = await patch({ version: olive.version, leftOn: '2026-11-30' });
    expect(owning.status).toBe(409);
    expect(owning.body.error.message).toBe(
      'Olive Owner still owns 2 plans in use: hand them over to someone else first, then mark them as left.',
    );
    expect(await changed(before)).toEqual([]);
    const listed = (await ok('GET', `${H}/people`)).items.find((x: { id: string }) => x.id === olive.id);
    expect(listed.leftOn).toBeUndefined();

    // Leading an open action as well: both are said.
    const a = await action(p, '1.1', { status: 'on-track', leads: [lead(olive)] });
    const both = await patch({ version: olive.version, leftOn: '2026-11-30' });
    expect(both.body.error.message).toBe(
      'Olive Owner still leads 1 open action and owns 2 plans in use: hand them over to someone else first, ' +
        'then mark them as left.',
    );

    // Handed over (and a closed plan of hers kept as the record), she may leave, on a day within a year.
    const una = await person('Una Other');
    await ok('POST', `${H}/people/${olive.id}/hand-over`, { to: una.id, version: olive.version });
    const closed = await plan('Closed plan of hers', olive);
    await ok('PATCH', `${H}/plans/${closed.id}`, { version: closed.version, status: 'closed' });
    expect((await ok('GET', `${H}/plans/${draft.id}`)).ownerPersonId).toBe(una.id);
    expect((await ok('GET', `${H}/actions/${a.id}`)).leads[0].personId).toBe(una.id);
    const left = await patch({ version: olive.version, leftOn: '2027-11-16' });
    expect(left.status, JSON.stringify(left.body)).toBe(200);
    expect(left.body.leftOn).toBe('2027-11-16');
  });
});
