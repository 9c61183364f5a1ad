import { describe, expect, it } from 'vitest';
import { actionState, milestoneState } from './board.js';
import { buildDashboard, countDashboard, listDashboard, type PlanData } from './dashboard.js';
import type { Action, Milestone, Plan } from './entities.js';
import { DEFAULT_RAG_RULES } from './rag.js';

const stamp = { version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
const date = (d: string) => ({ text: d, kind: 'date' as const, due: d, precision: 'day' as const });
const plan: Plan = {
  id: 'P',
  councilId: 'harrow',
  title: 'People strategy',
  kind: 'people-strategy',
  period: {},
  status: 'active',
  reviewCadence: 'quarterly',
  reportingPoints: [],
  sections: [],
  unplaced: [],
  ...stamp,
};
const action = (id: string, over: Partial<Action>): Action => ({
  id,
  planId: 'P',
  ref: id,
  title: `Action ${id}`,
  leads: [{ role: 'responsible', label: 'GM (HR)' }],
  status: 'on-track',
  crossRefs: [],
  unplaced: [],
  order: 0,
  ...stamp,
  latestUpdate: { id: 'u', at: '2026-11-01T00:00:00Z', authorName: 'x', status: 'on-track', narrative: 'n' },
  ...over,
});
const ms = (id: string, over: Partial<Milestone>): Milestone => ({
  id,
  planId: 'P',
  actionId: 'a1',
  linkedActionIds: [],
  ref: id,
  title: `Milestone ${id}`,
  status: 'not-started',
  ...stamp,
  ...over,
});

describe('buildDashboard', () => {
  const data: PlanData = {
    plan,
    themes: [{ id: 'T1', planId: 'P', ref: '1', title: 'Theme one', order: 0, ...stamp }],
    actions: [
      action('a1', { themeId: 'T1', due: date('2026-11-01') }),
      action('a2', { themeId: 'T1', status: 'completed', due: date('2026-01-01') }),
      action('a3', { due: date('2026-12-10'), latestUpdate: undefined, createdAt: '2026-01-01T00:00:00Z' }),
    ],
    milestones: [ms('m1', { due: date('2027-06-30'), baselineDue: date('2027-03-31') })],
  };
  const d = buildDashboard([data], '2026-11-23', DEFAULT_RAG_RULES);

  it('counts actions by status and RAG per plan and theme', () => {
    const p = d.plans[0]!;
    expect(p.total).toBe(3);
    expect(p.byStatus['on-track']).toBe(2);
    expect(p.byStatus.completed).toBe(1);
    expect(p.byRag.red).toBe(1);
    expect(p.themes.find((t) => t.themeId === 'T1')?.total).toBe(2);
    expect(p.themes.find((t) => t.themeId === null)?.title).toBe('No theme');
  });

  it('lists overdue, due soon, slipping and stale items', () => {
    expect(d.overdue.map((i) => i.id)).toEqual(['a1']);
    expect(d.overdue[0]?.daysLate).toBe(22);
    expect(d.dueSoon.map((i) => i.id)).toEqual(['a3']);
    expect(d.slipping.map((i) => i.id)).toEqual(['m1']);
    expect(d.stale.map((i) => i.id)).toEqual(['a3']);
    // The plan's count says how many of its overdue items are milestones (the dashboard words them apart).
    expect(d.plans[0]).toMatchObject({ overdue: 1, overdueMilestones: 0 });
  });

  it('lists an action re-baselined (moved later, with a reason) as slipping, as a milestone is', () => {
    const moved = buildDashboard(
      [
        {
          ...data,
          actions: [
            ...data.actions,
            action('a4', { due: date('2027-01-31'), baselineDue: date('2026-11-30') }),
            // Done: no longer slipping, whatever its dates.
            action('a5', { status: 'completed', due: date('2027-01-31'), baselineDue: date('2026-11-30') }),
          ],
        },
      ],
      '2026-11-23',
      DEFAULT_RAG_RULES,
    );
    expect(moved.slipping.map((i) => [i.type, i.id, i.baselineDue?.due])).toEqual([
      ['action', 'a4', '2026-11-30'],
      ['milestone', 'm1', '2027-03-31'],
    ]);
    expect(moved.plans[0]!.slipping).toBe(2);
  });

  it('counts direction of travel since the last closed period', () => {
    const withPeriod = buildDashboard(
      [{ ...data, lastPeriod: { label: 'Mid-year 2026-27', rags: { a1: 'green', a2: 'amber' } } }],
      '2026-11-23',
      DEFAULT_RAG_RULES,
    );
    // a1 green → red (overdue): worse; a2 amber → blue (completed): improved; a3 not in the snapshot: new.
    expect(withPeriod.plans[0]!.travel).toEqual({
      since: 'Mid-year 2026-27',
      counts: { improved: 1, started: 0, same: 0, stopped: 0, worse: 1, new: 1 },
    });
    expect(d.plans[0]!.travel).toBeUndefined();
    // a3 not started (grey) then, on track (green) now: a start, not "no change", as reports count it.
    const started = buildDashboard(
      [{ ...data, lastPeriod: { label: 'Mid-year 2026-27', rags: { a1: 'red', a2: 'amber', a3: 'grey' } } }],
      '2026-11-23',
      DEFAULT_RAG_RULES,
    );
    expect(started.plans[0]!.travel?.counts).toEqual({
      improved: 1,
      started: 1,
      same: 1,
      stopped: 0,
      worse: 0,
      new: 0,
    });
  });

  it('leaves archived plans out', () => {
    expect(
      buildDashboard([{ ...data, plan: { ...plan, status: 'archived' } }], '2026-11-23', DEFAULT_RAG_RULES)
        .plans,
    ).toEqual([]);
  });
});

describe('countDashboard and listDashboard', () => {
  // Ties everywhere: the same due dates, no updates (stale alike), refs out of order, two milestones "A".
  const tied: PlanData = {
    plan: { ...plan, activatedOn: '2026-01-01' },
    themes: [
      { id: 'T1', planId: 'P', ref: '1', title: 'Theme one', order: 0, ...stamp },
      { id: 'T2', planId: 'P', ref: '2', title: 'Theme two', order: 1, ...stamp },
    ],
    actions: ['10', '2', '1', '3'].map((ref, i) =>
      action(`a${ref}`, {
        ref,
        order: i % 2,
        themeId: i % 2 ? 'T2' : i === 0 ? 'T1' : 'gone',
        due: date('2026-11-01'),
        latestUpdate: undefined,
      }),
    ),
    milestones: [
      ms('m2', { ref: 'A', actionId: 'a2', due: date('2026-11-01'), baselineDue: date('2026-10-01') }),
      ms('m1', { ref: 'A', actionId: 'a10', due: date('2026-11-01'), baselineDue: date('2026-10-01') }),
      ms('m3', { ref: 'B', actionId: 'gone', due: date('2026-11-01') }),
    ],
  };

  it('give what buildDashboard gives, whatever order the board holds its entries in', () => {
    const whole = buildDashboard([tied, data()], '2026-11-23', DEFAULT_RAG_RULES, { dueSoonDays: 60 });
    expect(whole.stale.length).toBeGreaterThan(2);
    const counts = countDashboard(
      [tied, data()].map((p) => ({
        plan: p.plan,
        themes: p.themes,
        actions: p.actions.map(actionState).reverse(),
        milestones: p.milestones.map(milestoneState).reverse(),
        lastPeriod: p.lastPeriod,
      })),
      '2026-11-23',
      DEFAULT_RAG_RULES,
      { dueSoonDays: 60 },
    );
    const all = [tied, data()];
    const display = {
      actions: new Map(all.flatMap((p) => p.actions.map((a) => [a.id, a] as const)).reverse()),
      milestones: new Map(all.flatMap((p) => p.milestones.map((m) => [m.id, m] as const)).reverse()),
    };
    expect(JSON.stringify(listDashboard(counts, display))).toBe(JSON.stringify(whole));
  });
});

function data(): PlanData {
  return {
    plan: { ...plan, id: 'Q', title: 'Second plan' },
    themes: [],
    actions: [action('q1', { planId: 'Q', due: date('2026-11-01') })],
    milestones: [],
  };
}
