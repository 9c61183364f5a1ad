import { RAGS } from '@peopleplan/core';
import { directionOfTravel } from '@peopleplan/reports';
import { describe, expect, it } from 'vitest';
import { buildOverview } from './overview.js';
import { action, council, milestone, plan, shared, theme } from './test-fixtures.js';
import { actionTravel, compareRag } from './travel.js';

const TODAY = '2026-06-15';
const SINCE = '2026-05-16';

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
    const o = buildOverview({ id: 'hr', name: 'HR' }, [harrow(), eastHerts()], TODAY, { since: SINCE });
    expect(o.councils.map((r) => r.councilName)).toEqual(['East Herts', 'Harrow']);
    const h = o.councils.find((r) => r.councilId === 'harrow')!;
    expect(h).toMatchObject({ plans: 1, actions: 3, overdue: 2, slipping: 1 });
    expect(h.byStatus['on-track']).toBe(2);
    expect(h.byStatus.completed).toBe(1);
    expect(h.byRag.red).toBe(1);
    const e = o.councils.find((r) => r.councilId === 'east-herts')!;
    // The archived plan is not counted.
    expect(e).toMatchObject({ plans: 1, actions: 2, overdue: 0, slipping: 0 });
    expect(o.totals.actions).toBe(h.actions + e.actions);
    expect(o.totals.overdue).toBe(2);
    for (const r of RAGS) expect(o.totals.byRag[r]).toBe(h.byRag[r] + e.byRag[r]);
    expect(Object.values(o.totals.travel).reduce((a, b) => a + b, 0)).toBe(o.totals.actions);
  });

  it('has no rows and zero totals when no council shares', () => {
    const o = buildOverview({ id: 'hr', name: 'HR' }, [], TODAY);
    expect(o.councils).toEqual([]);
    expect(o.totals.actions).toBe(0);
    expect(o.since).toBe('2026-05-16');
  });
});

describe('direction of travel', () => {
  const rules = council('x', 'X', []).ragRules;
  const base = { createdAt: '2026-01-01T00:00:00.000Z' };

  it('compares today’s RAG with the last update on or before the date', () => {
    const a = { ...base, status: 'on-track' as const };
    const before = [
      { actionId: 'a', at: '2026-04-01T10:00:00Z', status: 'off-track' as const },
      { actionId: 'a', at: '2026-05-10T10:00:00Z', status: 'at-risk' as const },
    ];
    expect(actionTravel(a, before, SINCE, TODAY, rules)).toBe('improved');
    const reportedRed = [
      { actionId: 'a', at: '2026-05-10T10:00:00Z', status: 'on-track' as const, rag: 'red' as const },
    ];
    expect(actionTravel(a, reportedRed, SINCE, TODAY, rules)).toBe('improved');
    expect(actionTravel({ ...base, status: 'off-track' }, before, SINCE, TODAY, rules)).toBe('worse');
  });

  it('counts an action created since the date as new, and one whose state then is unrecorded as unknown', () => {
    expect(
      actionTravel({ createdAt: '2026-06-01T00:00:00Z', status: 'on-track' }, [], SINCE, TODAY, rules),
    ).toBe('new');
    const onlyLater = [{ actionId: 'a', at: '2026-06-01T10:00:00Z', status: 'on-track' as const }];
    expect(actionTravel({ ...base, status: 'on-track' }, onlyLater, SINCE, TODAY, rules)).toBe('unknown');
  });

  it('without updates, an action that has fallen overdue since the date is worse', () => {
    const due = { text: 'end of May', kind: 'date' as const, due: '2026-05-31' };
    expect(actionTravel({ ...base, status: 'on-track', due }, [], SINCE, TODAY, rules)).toBe('worse');
    expect(actionTravel({ ...base, status: 'on-track' }, [], SINCE, TODAY, rules)).toBe('same');
  });

  it('ranks RAG exactly as the reports do', () => {
    for (const prev of RAGS)
      for (const cur of RAGS) expect(compareRag(prev, cur)).toBe(directionOfTravel(prev, cur));
  });
});
