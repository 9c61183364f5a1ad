import { RAGS } from '@peopleplan/core';
import { describe, expect, it } from 'vitest';
import { action, boards, council, milestone, plan, shared, theme } from '../testing/fixtures.js';
import { buildOverview } from './overview.js';

const TODAY = '2026-06-15';

function harrow() {
  const p = plan({ title: 'Harrow people strategy' });
  const t = theme(p.id, '1', 'Recruitment');
  const late = action(p.id, { ref: '1', status: 'on-track', due: '2026-05-31', themeId: t.id });
  const fine = action(p.id, { ref: '2', status: 'on-track', due: '2026-12-31', themeId: t.id });
  const done = action(p.id, { ref: '3', status: 'completed', due: '2026-03-31', themeId: t.id });
  const ms = [
    milestone(fine, { ref: 'A', due: '2026-09-30', baseline: '2026-06-30' }), // slipping, not overdue
    milestone(fine, { ref: 'B', due: '2026-06-01' }), // overdue
    milestone(done, { ref: 'C', due: '2026-03-01', status: 'completed' }), // closed: nothing
  ];
  return council('harrow', 'Harrow', [
    shared(p, { themes: [t], actions: [late, fine, done], milestones: ms }),
  ]);
}

function eastHerts() {
  const p = plan({ title: 'Peer review action plan', kind: 'peer-review' });
  const old = plan({ title: 'Old plan', status: 'archived' });
  return council('east-herts', 'East Herts', [
    shared(p, { actions: [action(p.id, { ref: '1', status: 'at-risk' }), action(p.id, { ref: '2' })] }),
    shared(old, { actions: [action(old.id, { ref: '1', status: 'off-track' })] }),
  ]);
}

describe('buildOverview', () => {
  it('gives one row per council with the council dashboard’s counts, and totals that add up', () => {
    const o = buildOverview({ id: 'hr', name: 'HR' }, [boards(harrow()), boards(eastHerts())], TODAY);
    expect(o.councils.map((r) => r.councilName)).toEqual(['East Herts', 'Harrow']);
    const h = o.councils.find((r) => r.councilId === 'harrow')!;
    expect(h).toMatchObject({ plans: 1, actions: 3, overdue: 2, slipping: 1 });
    expect(h.byStatus['on-track']).toBe(2);
    expect(h.byStatus.completed).toBe(1);
    // `late` is overdue; `fine` is on track but its milestone B is overdue, and ratings roll up.
    expect(h.byRag.red).toBe(2);
    const e = o.councils.find((r) => r.councilId === 'east-herts')!;
    // The archived plan is not counted, nor listed.
    expect(e).toMatchObject({ plans: 1, actions: 2, overdue: 0, slipping: 0 });
    expect(e.sharedPlans.map((p) => p.title)).toEqual(['Peer review action plan']);
    expect(o.totals.actions).toBe(h.actions + e.actions);
    expect(o.totals.plans).toBe(2);
    expect(o.totals.overdue).toBe(2);
    for (const r of RAGS) expect(o.totals.byRag[r]).toBe(h.byRag[r] + e.byRag[r]);
    // No plan has a closed reporting period: nothing is compared yet, and the page can say so.
    expect(o.totals.travel).toEqual({ improved: 0, same: 0, worse: 0, new: 0, unknown: 5 });
    expect(h.sharedPlans[0]!.comparedWith).toBeUndefined();
  });

  it('measures direction of travel against each plan’s last closed reporting period', () => {
    const c = harrow();
    const p = c.plans[0]!;
    const [late, fine] = p.actions;
    // At mid-year `late` was amber and is red now (worse); `fine` was red and is red still (its
    // milestone B is overdue, and ratings roll up); the completed action was added after the period
    // closed (new).
    const lastPeriods = {
      [p.plan.id]: {
        key: '2026-27-H1',
        label: 'Mid-year 2026-27',
        rags: { [late!.id]: 'amber', [fine!.id]: 'red' },
      } as const,
    };
    const row = buildOverview({ id: 'hr', name: 'HR' }, [boards(c, lastPeriods)], TODAY).councils[0]!;
    expect(row.travel).toEqual({ improved: 0, same: 1, worse: 1, new: 1, unknown: 0 });
    expect(row.sharedPlans[0]!.comparedWith).toEqual({ key: '2026-27-H1', label: 'Mid-year 2026-27' });
  });

  it('has no rows and zero totals when no council shares', () => {
    const o = buildOverview({ id: 'hr', name: 'HR' }, [], TODAY);
    expect(o.councils).toEqual([]);
    expect(o.totals.actions).toBe(0);
    expect(o.dueSoonDays).toBe(30);
  });
});
