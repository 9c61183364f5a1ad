/**
 * What the import wizard relies on (issue 15): warnings acknowledged before commit, a plan start for
 * relative deadlines, corrected deadlines that keep the council's wording, leads matched to the
 * directory and offered for merging, extra columns kept on actions, saved column mappings, and the
 * Word and PDF forms of a plan through the API.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iipPlanDocx, workforcePlanDocx } from '../../packages/importer/testing/docx-plans.js';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const K = '/api/v1/councils/kent';
const EDITOR = 'editor@harrow.test';
const PLAN = [
  'Workforce action plan 2026-27',
  '',
  'Ref\tAction\tLead\tDeadline\tSupporting partners',
  '1\tRefresh the workforce strategy\tJ. Turner-Robinson\tPost restructuring\tUnison',
  '2\tTrain every manager in appraisal\tHOP OS\tWithin next 6 months\tACAS',
  '3\tRun a corporate induction day\tJackie Turner Robinson\tMarch 2027\t',
  '4\tAgree the pay policy\tNew Starter\tMarch 2027\t',
  '5\tPublish the pay policy\tN. Starter\tMarch 2027\t',
].join('\n');

describe('import wizard API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  // Kent's directory stays empty until the people test, which has it to itself.
  const editorOf = (base: string) => (base === K ? 'editor@kent.test' : EDITOR);
  const preview = async (body: Record<string, unknown>, base = H) => {
    const r = await api.call('POST', `${base}/imports`, { as: editorOf(base), body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };
  const commit = (id: string, body: Record<string, unknown> = {}, base = H) =>
    api.call('POST', `${base}/imports/${id}/commit`, { as: editorOf(base), body });
  const planCount = async () =>
    (await api.call('GET', `${H}/plans`, { as: 'viewer@harrow.test' })).body.items.length as number;
  const actionsOf = async (planId: string, base = H) =>
    (await api.call('GET', `${base}/plans/${planId}/contents`, { as: editorOf(base) })).body.actions as any[];

  it('refuses to commit until each warning that needs it is acknowledged (422 naming it), writing nothing', async () => {
    const p = await preview({ text: 'Action,Lead,Deadline\n', filename: 'empty.csv' });
    expect(p.acknowledgements).toEqual([
      expect.objectContaining({ key: 'no-actions@line 1', code: 'no-actions', where: 'line 1' }),
    ]);
    const before = await planCount();
    const refused = await commit(p.id);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/Acknowledge this warning/);
    expect(refused.body.error.details).toEqual([
      { path: 'acknowledge', message: expect.stringContaining('no-actions@line 1') },
    ]);
    // A corrected plan without the warning does not get past it: the preview's own warnings count.
    const stripped = { ...p.plan, warnings: [] };
    expect((await commit(p.id, { plan: stripped })).status).toBe(422);
    expect(await planCount()).toBe(before);
    const ok = await commit(p.id, { acknowledge: ['no-actions@line 1'] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(await planCount()).toBe(before + 1);
  });

  it('counts relative deadlines from the plan start given; a corrected deadline keeps its wording', async () => {
    const p = await preview({ text: PLAN, filename: 'plan.txt', planStart: '2026-06-01' });
    expect(p.planStart).toBe('2026-06-01');
    const actions = p.plan.themes[0].actions;
    expect(actions[1].due).toMatchObject({
      text: 'Within next 6 months',
      kind: 'relative',
      due: '2026-12-01',
    });
    expect(p.timescales).toEqual([
      expect.objectContaining({ where: 'action 1', text: 'Post restructuring' }),
    ]);
    const path = ['themes', 0, 'actions', 0, 'due'];

    const before = await planCount();
    const noDate = await commit(p.id, { deadlines: [{ path, text: 'whenever' }] });
    expect(noDate.status).toBe(422);
    expect(noDate.body.error.details).toEqual([{ path: 'deadlines.0.text', message: 'no date understood' }]);
    const notADeadline = await commit(p.id, {
      deadlines: [{ path: ['themes', 0, 'actions', 0], text: 'May 2027' }],
    });
    expect(notADeadline.status).toBe(422);
    expect(
      (await commit(p.id, { deadlines: [{ path: ['themes', 0, 9, 'due'], text: 'May 2027' }] })).status,
    ).toBe(422);
    expect(await planCount()).toBe(before);

    const ok = await commit(p.id, { deadlines: [{ path, text: '31 May 2027' }] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    // The start given is the plan's own, not only the date "within 6 months" counted from.
    const plan = await api.call('GET', `${H}/plans/${ok.body.planId}`, { as: 'viewer@harrow.test' });
    expect(plan.body.period.start).toBe('2026-06-01');
    const saved = (await actionsOf(ok.body.planId)).find((a) => a.ref === '1');
    expect(saved.due).toMatchObject({ text: 'Post restructuring', kind: 'date', due: '2027-05-31' });
    expect(saved.due.note).toContain('31 May 2027');
    // A column with no field of its own stays on its action, under its name.
    expect(saved.extra).toEqual([{ label: 'Supporting partners', text: 'Unison' }]);
  });

  it('matches leads to the directory, offers likely duplicates, and commits the person’s choices', async () => {
    const jackie = (
      await api.call('POST', `${K}/people`, {
        as: 'editor@kent.test',
        body: { name: 'Jackie Turner-Robinson' },
      })
    ).body;
    const hopos = (
      await api.call('POST', `${K}/people`, {
        as: 'editor@kent.test',
        body: { name: 'Sam Hill', roleLabel: 'HOPOS' },
      })
    ).body;
    const p = await preview({ text: PLAN, filename: 'plan.txt' }, K);
    const lead = (label: string) => p.people.leads.find((l: { label: string }) => l.label === label);
    // Spacing and hyphens do not matter: these match the directory by themselves.
    expect(lead('HOP OS').person).toMatchObject({ id: hopos.id, via: 'directory' });
    expect(lead('Jackie Turner Robinson').person).toMatchObject({ id: jackie.id });
    expect(lead('J. Turner-Robinson').person).toBeUndefined();
    const suggestion = (label: string) =>
      p.people.suggestions.find((s: { label: string }) => s.label === label)?.candidates;
    expect(suggestion('J. Turner-Robinson')).toEqual(
      expect.arrayContaining([expect.objectContaining({ personId: jackie.id, reason: 'initial' })]),
    );
    expect(suggestion('N. Starter')).toEqual([
      expect.objectContaining({ label: 'New Starter', reason: 'initial' }),
    ]);

    const bad = await commit(p.id, { people: { 'Nobody in the plan': { personId: jackie.id } } }, K);
    expect(bad.status, JSON.stringify(bad.body)).toBe(400);
    expect((await commit(p.id, { people: { 'N. Starter': { personId: p.id } } }, K)).status).toBe(400);

    const peopleBefore = (await api.call('GET', `${K}/people`, { as: 'editor@kent.test' })).body.items.length;
    const ok = await commit(
      p.id,
      { people: { 'J. Turner-Robinson': { personId: jackie.id }, 'N. Starter': { sameAs: 'New Starter' } } },
      K,
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const byRef = new Map((await actionsOf(ok.body.planId, K)).map((a) => [a.ref, a]));
    expect(byRef.get('1').leads).toEqual([
      { role: 'responsible', label: 'J. Turner-Robinson', personId: jackie.id },
    ]);
    expect(byRef.get('2').leads[0].personId).toBe(hopos.id);
    expect(byRef.get('5').leads[0].personId).toBe(byRef.get('4').leads[0].personId);
    // Her own name written another way is offered again by itself: it does not become her label.
    const jackieNow = (await api.call('GET', `${K}/people`, { as: 'editor@kent.test' })).body.items.find(
      (x: { id: string }) => x.id === jackie.id,
    );
    expect(jackieNow.roleLabel).toBeUndefined();
    // One new person ("New Starter") for two labels; nobody else added.
    const after = (await api.call('GET', `${K}/people`, { as: 'editor@kent.test' })).body.items;
    expect(after.length).toBe(peopleBefore + 1);
  });

  it('remembers a lead the officer said is someone with no label in plans yet, so the next plan finds them', async () => {
    const plan = (title: string) =>
      [
        title,
        '',
        'Ref\tAction\tLead\tDeadline',
        '1\tRefresh the careers pages\tHead of Talent Acquisition\tMarch 2027',
      ].join('\n');
    const fresh = await api.ok('POST', `${H}/people`, { name: 'Rowan Ellery' }, EDITOR);
    const labelled = await api.ok(
      'POST',
      `${H}/people`,
      { name: 'Kit Marsh', roleLabel: 'Talent Lead' },
      EDITOR,
    );
    const first = await preview({ text: plan('Talent plan 2026-27'), filename: 'talent.txt' });
    expect(first.people.leads[0].person).toBeUndefined();
    const ok = await commit(first.id, { people: { 'Head of Talent Acquisition': { personId: fresh.id } } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const person = (await api.call('GET', `${H}/people`, { as: EDITOR })).body.items.find(
      (p: { id: string }) => p.id === fresh.id,
    );
    expect(person).toMatchObject({ roleLabel: 'Head of Talent Acquisition', version: fresh.version + 1 });
    // The next plan naming them so finds them by itself.
    const second = await preview({ text: plan('Talent plan 2027-28'), filename: 'talent-2.txt' });
    expect(second.people.leads[0].person).toMatchObject({ id: fresh.id, via: 'directory' });

    // Someone who already has a label keeps it; the plan still names them as chosen.
    const third = await preview({
      text: plan('Talent plan 2028-29').replace(/Acquisition/, 'Acquisition Lead'),
      filename: 't3.txt',
    });
    const kept = await commit(third.id, {
      people: { 'Head of Talent Acquisition Lead': { personId: labelled.id } },
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect((await actionsOf(kept.body.planId))[0].leads[0].personId).toBe(labelled.id);
    const still = (await api.call('GET', `${H}/people`, { as: EDITOR })).body.items.find(
      (p: { id: string }) => p.id === labelled.id,
    );
    expect(still).toMatchObject({ roleLabel: 'Talent Lead', version: labelled.version });
  });

  it('saves column mappings by name, per council, offers them, replaces by name and deletes', async () => {
    const base = `${H}/import-mappings`;
    const save = (body: unknown, as = EDITOR, at = base) => api.call('POST', at, { as, body });
    const first = await save({ name: 'Workforce plans', columns: { Champion: 'lead:responsible' } });
    expect(first.status).toBe(201);
    const again = await save({
      name: ' workforce  PLANS ',
      columns: { Champion: 'lead:responsible', Deadline: 'due' },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, version: 2 });
    expect((await save({ name: 'Bad', columns: { Champion: 'lead:nobody' } })).status).toBe(400);
    expect((await save({ name: 'Long', columns: { ['x'.repeat(301)]: 'ref' } })).status).toBe(400);
    expect((await save({ name: 'Viewer', columns: { A: 'ref' } }, 'viewer@harrow.test')).status).toBe(403);

    const list = await api.call('GET', base, { as: EDITOR });
    expect(list.body.items).toEqual([
      expect.objectContaining({
        name: 'workforce  PLANS'.trim(),
        columns: { Champion: 'lead:responsible', Deadline: 'due' },
      }),
    ]);
    expect((await api.call('GET', `${K}/import-mappings`, { as: 'editor@kent.test' })).body.items).toEqual(
      [],
    );
    // Another council's mapping is not there at all.
    expect(
      (await api.call('DELETE', `${K}/import-mappings/${first.body.id}`, { as: 'editor@kent.test' })).status,
    ).toBe(404);

    // Used on the next import, the saved choice reads the "Champion" column as who leads each action.
    const docx = await workforcePlanDocx();
    const form = new FormData();
    form.append('file', new File([new Uint8Array(docx)], 'workforce.docx'));
    form.append('mapping', JSON.stringify(list.body.items[0].columns));
    const res = await api.app.request(`${H}/imports`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${await api.token(EDITOR)}` },
    });
    const body = (await res.json()) as any;
    expect(res.status).toBe(201);
    expect(body.mapping).toEqual({ Champion: 'lead:responsible', Deadline: 'due' });
    expect(body.plan.themes[0].actions[0].leads).toEqual([
      { role: 'responsible', label: 'J. Turner-Robinson' },
    ]);

    const gone = await api.call('DELETE', `${base}/${first.body.id}`, { as: EDITOR });
    expect(gone.status).toBe(200);
    expect((await api.call('GET', base, { as: EDITOR })).body.items).toEqual([]);
    expect((await api.call('DELETE', `${base}/${first.body.id}`, { as: EDITOR })).status).toBe(404);
  });

  it('reads the Word and PDF forms of an Investors in People plan alike', async () => {
    const upload = async (bytes: Uint8Array, name: string) => {
      const form = new FormData();
      form.append('file', new File([new Uint8Array(bytes)], name));
      form.append('planStart', '2014-06-01');
      const res = await api.app.request(`${H}/imports`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${await api.token(EDITOR)}` },
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as any).plan;
    };
    const pdf = readFileSync(
      new URL('../../packages/importer/test/fixtures/pdf/iip-plan.pdf', import.meta.url),
    );
    for (const plan of [await upload(await iipPlanDocx(), 'iip.docx'), await upload(pdf, 'iip.pdf')]) {
      expect(plan.kind).toBe('iip-assessment');
      expect(plan.themes.map((t: any) => t.title)).toEqual([
        'Managers do not hold regular appraisals',
        'Induction is patchy across services',
      ]);
      const [a, b] = plan.themes[0].actions;
      expect(a.leads.map((l: any) => l.label)).toEqual(['HR/OD Manager']);
      expect(b.leads.map((l: any) => l.label)).toEqual(['L&D Team', 'Corporate Communications']);
      expect(plan.themes[1].actions[0].due).toMatchObject({ kind: 'relative', due: '2014-12-01' });
    }
  });

  it('refuses a malformed plan start, and a bad body, changing nothing', async () => {
    const before = await planCount();
    const r = await api.call('POST', `${H}/imports`, {
      as: EDITOR,
      body: { text: PLAN, planStart: '2026-02-30' },
    });
    expect(r.status).toBe(400);
    const p = await preview({ text: PLAN });
    expect((await commit(p.id, { acknowledge: 'all' })).status).toBe(400);
    expect((await commit(p.id, { people: { X: { personId: 'nope' } } })).status).toBe(400);
    expect(await planCount()).toBe(before);
  });
});
