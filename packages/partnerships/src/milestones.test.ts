import { describe, expect, it } from 'vitest';
import { action, council, milestone, plan, shared, theme } from '../testing/fixtures.js';
import { comparePlans } from './compare.js';
import { combinedMilestones } from './milestones.js';

const TODAY = '2026-06-15';

function fixture() {
  const hp = plan({ title: 'Harrow people strategy', kind: 'people-strategy' });
  const ht1 = theme(hp.id, '1', 'Recruitment and retention');
  const ht2 = theme(hp.id, '2', 'Learning and development');
  const ha = action(hp.id, { ref: '1', themeId: ht1.id, leads: ['GM (HR)'] });
  const hsub = action(hp.id, { ref: '1.1', parentId: ha.id, leads: ['L&D Team'] });
  const hb = action(hp.id, { ref: '2', themeId: ht2.id, leads: ['Head of Paid Service'] });
  const harrow = council('harrow', 'Harrow', [
    shared(hp, {
      themes: [ht1, ht2],
      actions: [ha, hsub, hb],
      milestones: [
        milestone(ha, { ref: 'A', due: '2026-05-31' }), // overdue
        milestone(hsub, { ref: 'B', due: '2026-08-31', baseline: '2026-06-30' }), // slipping
        milestone(hb, { ref: 'C', due: '2026-04-30', baseline: '2026-03-31' }), // both
        milestone(hb, { ref: 'D', due: '2026-04-30', status: 'completed' }), // closed
        milestone(hb, { ref: 'E', due: '2026-07-31' }), // on time
      ],
    }),
  ]);
  const ep = plan({ title: 'East Herts IiP plan', kind: 'iip-assessment' });
  const et = theme(ep.id, '1', 'Leadership');
  const ea = action(ep.id, { ref: '1', themeId: et.id, leads: ['HR Manager'] });
  const eastHerts = council('east-herts', 'East Herts', [
    shared(ep, { themes: [et], actions: [ea], milestones: [milestone(ea, { ref: 'A', due: '2026-06-01' })] }),
  ]);
  return [harrow, eastHerts];
}

describe('combinedMilestones', () => {
  it('lists open overdue and slipping milestones across councils, by due date', () => {
    const items = combinedMilestones(fixture(), TODAY);
    expect(items.map((i) => `${i.councilId}:${i.ref}`)).toEqual([
      'harrow:C',
      'harrow:A',
      'east-herts:A',
      'harrow:B',
    ]);
    const c = items[0]!;
    expect(c).toMatchObject({ overdue: true, slipping: true, daysLate: 46, slippedDays: 30, rag: 'red' });
    expect(items[3]).toMatchObject({ overdue: false, slipping: true, daysLate: undefined });
  });

  it('lists open overdue and re-baselined actions too (East Herts’ deadlines sit on its actions)', () => {
    const ep = plan({ title: 'East Herts peer review', kind: 'peer-review' });
    const late = action(ep.id, { ref: '15', due: '2026-05-01', leads: ['HR Manager'] });
    const done = action(ep.id, { ref: '16', due: '2026-05-01', status: 'completed' });
    const later = action(ep.id, { ref: '17', due: '2026-09-01' });
    // Moved later with a reason: its first agreed deadline kept, as a milestone's is.
    const moved = action(ep.id, { ref: '18', due: '2026-10-31', baseline: '2026-07-31' });
    const movedDone = action(ep.id, {
      ref: '19',
      due: '2026-10-31',
      baseline: '2026-07-31',
      status: 'completed',
    });
    const eastHerts = council('east-herts', 'East Herts', [
      shared(ep, { actions: [late, done, later, moved, movedDone] }),
    ]);
    const items = combinedMilestones([eastHerts], TODAY);
    expect(items.map((i) => i.ref)).toEqual(['15', '18']);
    expect(items[0]).toMatchObject({
      kind: 'action',
      id: late.id,
      ref: '15',
      actionId: late.id,
      actionRef: '15',
      overdue: true,
      daysLate: 45,
      slipping: false,
      rag: 'red',
      leads: ['HR Manager'],
    });
    expect(items[1]).toMatchObject({
      kind: 'action',
      id: moved.id,
      overdue: false,
      slipping: true,
      slippedDays: 92,
      baselineDue: { due: '2026-07-31' },
    });
    expect(combinedMilestones(fixture(), TODAY).every((i) => i.kind === 'milestone')).toBe(true);
  });

  it('puts a sub-action’s milestone in its parent’s theme', () => {
    const b = combinedMilestones(fixture(), TODAY).find((i) => i.ref === 'B')!;
    expect(b.themeTitle).toBe('Recruitment and retention');
    expect(b.leads).toEqual(['L&D Team']);
  });

  it('says what each plan calls its groups when the council gave its own word', () => {
    const [harrow, eastHerts] = fixture();
    const own = {
      ...harrow!,
      plans: harrow!.plans.map((p) => ({ ...p, plan: { ...p.plan, themeNoun: 'Theme' } })),
    };
    const items = combinedMilestones([own, eastHerts!], TODAY);
    expect(items.find((i) => i.councilId === 'harrow')).toMatchObject({
      planKind: 'people-strategy',
      themeNoun: 'Theme',
    });
    expect(items.find((i) => i.councilId === 'east-herts')!.themeNoun).toBeUndefined();
  });

  it('filters by council, theme, lead and due window', () => {
    const all = fixture();
    const refs = (f: Parameters<typeof combinedMilestones>[2]) =>
      combinedMilestones(all, TODAY, f).map((i) => `${i.councilId}:${i.ref}`);
    expect(refs({ councils: ['east-herts'] })).toEqual(['east-herts:A']);
    expect(refs({ councils: ['nowhere'] })).toEqual([]);
    expect(refs({ theme: 'recruitment' })).toEqual(['harrow:A', 'harrow:B']);
    expect(refs({ theme: '2' })).toEqual(['harrow:C']);
    expect(refs({ lead: 'gm (hr)' })).toEqual(['harrow:A']);
    expect(refs({ from: '2026-05-01', to: '2026-06-30' })).toEqual(['harrow:A', 'east-herts:A']);
  });
});

describe('comparePlans', () => {
  it('puts plans of one kind side by side, theme rows aligned by ref', () => {
    const [harrow, eastHerts] = fixture();
    const kp = plan({ title: 'Kent people strategy', kind: 'people-strategy' });
    const kt = theme(kp.id, '3', 'Pay and reward');
    const kent = council('kent', 'Kent', [
      shared(kp, { themes: [kt], actions: [action(kp.id, { ref: '1', themeId: kt.id })] }),
    ]);
    const cmp = comparePlans([harrow!, eastHerts!, kent], 'people-strategy', TODAY);
    expect(cmp.plans.map((p) => p.councilId)).toEqual(['harrow', 'kent']);
    expect(cmp.plans[0]).toMatchObject({ total: 3, overdue: 2, slipping: 2 });
    // Harrow's sub-action 1.1 carries no theme of its own: the dashboard counts it under "No theme" (last).
    expect(cmp.themeRows.map((r) => r.ref)).toEqual(['1', '2', '3', '']);
    const row3 = cmp.themeRows.find((r) => r.ref === '3')!;
    expect(row3.cells[0]).toBeNull();
    expect(row3.cells[1]).toMatchObject({ title: 'Pay and reward', total: 1 });
    expect(comparePlans([harrow!, eastHerts!], 'business-plan', TODAY).plans).toEqual([]);
  });
});
