import { Action, Milestone, Person, Plan } from '@peopleplan/core';
import { describe, expect, it } from 'vitest';
import { readSeed, SEED } from '../test/helpers.js';
import { parsePlanFile } from './index.js';
import { deterministicId, normaliseLabel, toEntities } from './to-entities.js';

const ctx = {
  councilId: 'kent',
  importId: '01JD0000000000000000000000',
  actor: { sub: 'u', name: 'Editor' },
  now: '2026-11-23T10:00:00.000Z',
};

describe('toEntities', async () => {
  const kent = await parsePlanFile(readSeed(SEED.kent), { filename: SEED.kent });
  const known: Person = {
    id: '01JD00000000000000000000ZZ',
    councilId: 'kent',
    name: 'Amanda Beer',
    roleLabel: 'Corporate Director',
    unresolved: false,
    alertPreferences: { frequency: 'immediate', dueSoon: true },
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const e = toEntities(kent, { ...ctx, people: [known] });

  it('produces valid entities for every record', () => {
    expect(Plan.safeParse(e.plan).success).toBe(true);
    for (const a of e.actions) expect(Action.safeParse(a).success, a.ref).toBe(true);
    for (const m of e.milestones) expect(Milestone.safeParse(m).success, m.ref).toBe(true);
    for (const p of e.people) expect(Person.safeParse(p).success, p.name).toBe(true);
  });

  it('nests sub-actions under their parent and links key milestones to the actions they cite', () => {
    expect(e.actions.filter((a) => !a.parentId)).toHaveLength(28);
    expect(e.actions.filter((a) => a.parentId)).toHaveLength(62);
    const ids = new Set(e.actions.map((a) => a.id));
    for (const a of e.actions.filter((x) => x.parentId)) expect(ids.has(a.parentId!)).toBe(true);
    const keyMilestones = e.milestones.filter(
      (m) => m.baselineDue && kent.milestones.some((k) => k.title === m.title),
    );
    expect(keyMilestones.length).toBe(kent.milestones.length);
    for (const m of keyMilestones) expect(ids.has(m.actionId)).toBe(true);
  });

  it('points every lead at a person: known ones matched, unknown ones created without email and flagged', () => {
    const personIds = new Set([known.id, ...e.people.map((p) => p.id)]);
    for (const a of e.actions) for (const l of a.leads) expect(personIds.has(l.personId!)).toBe(true);
    expect(e.people.every((p) => p.unresolved && !p.email)).toBe(true);
    expect(e.unresolvedLeads).toEqual(e.people.map((p) => p.name));
    expect(new Set(e.people.map((p) => p.name.toLowerCase())).size).toBe(e.people.length);
  });

  it('creates a person named by their name, their job title apart, when a lead gives both', async () => {
    const plan = await parsePlanFile(
      [
        'Workforce Plan 2026/27',
        'Ref\tAction\tLead\tDeadline',
        '1\tRefresh the job adverts\tHelen Price, Head of HR\tMarch 2027',
        '2\tReview pay bands\tHead of Reward\tMarch 2027',
        '3\tRun the staff survey\tTom Evans (OD Manager)\tMarch 2027',
      ].join('\n'),
    );
    const people = toEntities(plan, { ...ctx, people: [] }).people;
    expect(people.map((p) => [p.name, p.jobTitle, p.roleLabel])).toEqual([
      ['Helen Price', 'Head of HR', 'Helen Price, Head of HR'],
      ['Head of Reward', undefined, 'Head of Reward'],
      ['Tom Evans', 'OD Manager', 'Tom Evans (OD Manager)'],
    ]);
  });

  it('matches no lead to someone who has left: a person to check is made instead', async () => {
    const plan = await parsePlanFile(
      [
        'Workforce Plan 2026/27',
        'Ref\tAction\tLead\tDeadline',
        '1\tRefresh the job adverts\tAmanda Beer\tMarch 2027',
      ].join('\n'),
    );
    const stays = toEntities(plan, { ...ctx, people: [known] });
    expect(stays.actions[0]!.leads[0]!.personId).toBe(known.id);
    const gone = toEntities(plan, { ...ctx, people: [{ ...known, leftOn: '2026-10-31' }] });
    expect(gone.actions[0]!.leads[0]!.personId).not.toBe(known.id);
    expect(gone.people.map((p) => [p.name, p.unresolved])).toEqual([['Amanda Beer', true]]);
  });

  it('matches a label Word split across a line, or wrote with another dash, to the same person', () => {
    expect(normaliseLabel('Princi pal HCU')).toBe(normaliseLabel('Principal HCU'));
    expect(normaliseLabel("Snr. Prof & SM's \u2013LC")).toBe(normaliseLabel("Snr Prof & SM's -LC"));
    expect(normaliseLabel('GM (HR)')).not.toBe(normaliseLabel('GM (OD)'));
  });

  it('gives the same ids when the same import is committed again', () => {
    const again = toEntities(kent, { ...ctx, people: [known] });
    expect(again.actions.map((a) => a.id)).toEqual(e.actions.map((a) => a.id));
    expect(deterministicId(ctx.importId, 'x')).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(deterministicId('01JD0000000000000000000001', 'plan')).not.toBe(e.plan.id);
  });

  it('turns a people strategy’s progress column into the first progress update', async () => {
    const harrow = await parsePlanFile(readSeed(SEED.harrow), { filename: SEED.harrow });
    const h = toEntities(harrow, { ...ctx, councilId: 'harrow', people: [] });
    expect(h.updates.length).toBeGreaterThan(30);
    const withUpdate = h.actions.filter((a) => a.latestUpdate);
    expect(withUpdate.map((a) => a.latestUpdate!.id).sort()).toEqual(h.updates.map((u) => u.id).sort());
    expect(h.milestones.length).toBe(80);
  });
});
