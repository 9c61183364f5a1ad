import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actionState,
  countPlan,
  judgePlan,
  milestoneState,
  planClock,
  ratePlan,
  timeliness,
} from './board.js';
import {
  decodeActionState,
  decodeMilestoneState,
  encodeActionState,
  encodeMilestoneState,
} from './board-codec.js';
import { buildDashboard } from './dashboard.js';
import type { Action, Milestone, Plan } from './entities.js';
import { DEFAULT_RAG_RULES, explain, RagRules } from './rag.js';
import { RAGS, STATUSES } from './status.js';
import type { Recurrence, Timescale } from './timescale.js';

const stamp = { version: 1, createdAt: '2026-01-01T09:00:00.000Z', updatedAt: '2026-01-01T09:00:00.000Z' };
const ts = (d: string) => ({ text: d, kind: 'date' as const, due: d, precision: 'day' as const });
/** A repeating deadline first due on `d` (judged by its occurrence on the day: occurrence.ts). */
const every = (d: string, recurrence: Recurrence): Timescale => ({
  text: recurrence,
  kind: 'recurring',
  recurrence,
  due: d,
  precision: 'day',
});
const repeat = fc.option(fc.constantFrom<Recurrence>('weekly', 'monthly', 'quarterly', 'annual'), {
  freq: 3,
});
const plan = (over: Partial<Plan> = {}): Plan => ({
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
  ...over,
});

const day = fc
  .integer({ min: 0, max: 900 })
  .map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const status = fc.constantFrom(...STATUSES);
const rag = fc.constantFrom(...RAGS);

const arbAction = (id: string, parents: string[] = []): fc.Arbitrary<Action> =>
  fc
    .record({
      status,
      due: fc.option(day),
      override: fc.option(rag),
      updated: fc.option(day),
      created: fc.option(day),
      baseline: fc.option(day),
      repeat,
      parent: parents.length ? fc.option(fc.constantFrom(...parents)) : fc.constant(null),
    })
    .map((r) => ({
      id,
      planId: 'P',
      ref: id,
      title: `Action ${id}`,
      leads: [],
      status: r.status,
      crossRefs: [],
      unplaced: [],
      order: 0,
      ...stamp,
      ...(r.created ? { createdAt: `${r.created}T09:00:00.000Z` } : {}),
      ...(r.parent ? { parentId: r.parent } : {}),
      ...(r.due
        ? { due: r.repeat ? every(r.due, r.repeat) : ts(r.due) }
        : { due: { text: 'Ongoing', kind: 'ongoing' as const } }),
      ...(r.baseline ? { baselineDue: ts(r.baseline) } : {}),
      ...(r.override
        ? { ragOverride: { rag: r.override, reason: 'agreed at DMT', by: 'x', at: stamp.createdAt } }
        : {}),
      ...(r.updated
        ? {
            latestUpdate: {
              id: `u-${id}`,
              at: `${r.updated}T10:00:00.000Z`,
              authorName: 'x',
              status: r.status,
              narrative: 'n',
            },
          }
        : {}),
    }));

const arbMilestone = (id: string, actionId: string): fc.Arbitrary<Milestone> =>
  fc.record({ status, due: fc.option(day), baseline: fc.option(day), repeat }).map((r) => ({
    id,
    planId: 'P',
    actionId,
    linkedActionIds: [],
    ref: id,
    title: `Milestone ${id}`,
    status: r.status,
    ...stamp,
    ...(r.due ? { due: r.repeat ? every(r.due, r.repeat) : ts(r.due) } : {}),
    ...(r.baseline ? { baselineDue: ts(r.baseline) } : {}),
  }));

const arbPlanData = fc.integer({ min: 0, max: 25 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `a${i}`);
  return fc.record({
    // Sub-actions name an earlier action as parent (roll-up through several levels).
    actions: fc.tuple(...ids.map((id, i) => arbAction(id, ids.slice(0, i)))).map((t): Action[] => [...t]),
    milestones: n
      ? fc
          .array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 30 })
          .chain((owners) => fc.tuple(...owners.map((i, k) => arbMilestone(`m${k}`, `a${i}`))))
          .map((t): Milestone[] => [...t])
      : fc.constant<Milestone[]>([]),
    cadence: fc.constantFrom('monthly', 'quarterly', 'six-monthly', 'annual' as const),
    planStatus: fc.constantFrom('draft', 'active', 'closed' as const),
    activatedOn: fc.option(day),
    today: day,
    dueSoonDays: fc.integer({ min: 0, max: 120 }),
    rules: fc.record({
      overdue: rag,
      notStartedDueSoon: rag,
      rebaselined: rag,
      dueSoonDays: fc.integer({ min: 0, max: 90 }),
      rollUp: fc.option(
        fc.record({
          milestones: fc.constantFrom('worst', 'amber', 'none' as const),
          subActions: fc.constantFrom('worst', 'amber', 'none' as const),
        }),
        { nil: undefined },
      ),
    }),
    period: fc.option(fc.dictionary(fc.constantFrom(...ids, 'gone'), rag)),
  });
});

describe('board entries', () => {
  it('encode and decode without loss', () => {
    fc.assert(
      fc.property(arbAction('01HXACTION'), (a) => {
        const s = actionState(a);
        expect(decodeActionState(a.id, encodeActionState(s))).toEqual(s);
      }),
    );
    fc.assert(
      fc.property(arbMilestone('01HXMS', 'a'), (m) => {
        const s = milestoneState(m);
        expect(decodeMilestoneState(m.id, encodeMilestoneState(s))).toEqual(s);
      }),
    );
  });

  it('refuses an entry it did not write', () => {
    expect(() => decodeActionState('x', 'finished|2026-01-01||2026-01-01')).toThrow(
      /corrupt board entry for x/,
    );
    expect(() => decodeActionState('x', 'on-track|||')).toThrow(/corrupt/);
    expect(() => decodeActionState('x', 'on-track||purple|2026-01-01')).toThrow(/corrupt/);
    expect(() => decodeMilestoneState('x', '')).toThrow(/corrupt/);
  });

  it('stores the latest update day and the day the action was created', () => {
    const [a] = fc.sample(arbAction('a'), { numRuns: 1, seed: 1 });
    const { latestUpdate: _none, ...noUpdate } = a!;
    expect(actionState(noUpdate).lastUpdate).toBeUndefined();
    expect(actionState({ ...noUpdate, createdAt: '2026-01-01T09:00:00.000Z' }).created).toBe('2026-01-01');
  });

  it('reads an action entry written before baselines were kept as one with none', () => {
    expect(decodeActionState('x', 'on-track|2027-03-31|||2026-04-01||T1')).toMatchObject({
      due: '2027-03-31',
      themeId: 'T1',
      baseline: undefined,
    });
    expect(decodeActionState('x', 'on-track|2027-03-31|||2026-04-01||T1|2026-11-30').baseline).toBe(
      '2026-11-30',
    );
  });

  it('refuses entries in the shape from before roll-up, so the plan is counted from its items', () => {
    expect(() => decodeActionState('x', 'on-track|2026-01-01||2026-01-01')).toThrow(/corrupt/);
    expect(() => decodeMilestoneState('x', 'on-track|2026-01-01|')).toThrow(/corrupt/);
  });
});

describe('countPlan', () => {
  it('counts exactly what the council dashboard counts, for any plan, day and rules', () => {
    fc.assert(
      fc.property(arbPlanData, (g) => {
        const rules = RagRules.parse(g.rules);
        const p = plan({
          reviewCadence: g.cadence,
          status: g.planStatus,
          ...(g.activatedOn ? { activatedOn: g.activatedOn } : {}),
        });
        const lastPeriod = g.period ? { label: 'Mid-year', rags: g.period } : undefined;
        const dash = buildDashboard(
          [{ plan: p, themes: [], actions: g.actions, milestones: g.milestones, lastPeriod }],
          g.today,
          rules,
          { dueSoonDays: g.dueSoonDays },
        );
        const counts = countPlan(
          p,
          g.actions.map(actionState),
          g.milestones.map(milestoneState),
          { today: g.today, dueSoonDays: g.dueSoonDays },
          rules,
          lastPeriod,
        );
        const summary = dash.plans[0]!;
        expect(counts.total).toBe(summary.total);
        expect(counts.byStatus).toEqual(summary.byStatus);
        expect(counts.byRag).toEqual(summary.byRag);
        expect(counts.overdue).toBe(summary.overdue);
        expect(counts.overdue).toBe(dash.overdue.length);
        expect(counts.slipping).toBe(dash.slipping.length);
        expect(counts.stale).toBe(dash.stale.length);
        expect(counts.dueSoon).toBe(dash.dueSoon.length);
        if (summary.travel) {
          // By rank alone here (partnership views): the dashboard's starts and stops are level.
          const { improved, started, same, stopped, worse, new: added } = summary.travel.counts;
          const level = same + started + stopped;
          expect(counts.travel).toEqual({ improved, same: level, worse, new: added, unknown: 0 });
        } else {
          expect(counts.travel.unknown).toBe(counts.total);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('judges a plain example the way a council officer would', () => {
    const a = (id: string, over: Partial<Action>): Action => ({
      id,
      planId: 'P',
      ref: id,
      title: id,
      leads: [],
      status: 'on-track',
      crossRefs: [],
      unplaced: [],
      order: 0,
      ...stamp,
      ...over,
    });
    const late = a('late', { due: ts('2026-10-31') });
    const done = a('done', { status: 'completed', due: ts('2026-10-31') });
    const counts = countPlan(
      plan(),
      [late, done].map(actionState),
      [
        milestoneState({
          id: 'm',
          actionId: 'late',
          status: 'on-track',
          due: ts('2027-03-31'),
          baselineDue: ts('2026-12-31'),
        }),
      ],
      { today: '2026-12-01', dueSoonDays: 30 },
      DEFAULT_RAG_RULES,
      { rags: { late: 'green' } },
    );
    expect(counts).toMatchObject({
      total: 2,
      overdue: 1,
      slipping: 1,
      byRag: { red: 1, blue: 1, green: 0, amber: 0, grey: 0 },
      // Green at the last period and red now is worse; the completed one was added since.
      travel: { worse: 1, new: 1, improved: 0, same: 0, unknown: 0 },
    });
  });
});

describe('ratings roll up from milestones and sub-actions', () => {
  const a = (id: string, over: Partial<Action> = {}): Action => ({
    id,
    planId: 'P',
    ref: id,
    title: id,
    leads: [],
    status: 'on-track',
    crossRefs: [],
    unplaced: [],
    order: 0,
    ...stamp,
    ...over,
  });
  const m = (id: string, actionId: string, over: Partial<Milestone> = {}): Milestone => ({
    id,
    planId: 'P',
    actionId,
    linkedActionIds: [],
    ref: id,
    title: id,
    status: 'not-started',
    ...stamp,
    ...over,
  });
  const today = '2026-12-01';
  const labels = { action: (id: string) => id, milestone: (id: string) => id };

  it('an on-track action with two red milestones is red, and says which (Kent 12.1)', () => {
    const rated = ratePlan(
      [actionState(a('12.1', { due: ts('2027-03-31') }))],
      [
        milestoneState(m('A', '12.1', { due: ts('2026-10-31') })),
        milestoneState(m('B', '12.1', { due: ts('2026-11-01'), status: 'off-track' })),
      ],
      today,
      DEFAULT_RAG_RULES,
      labels,
    );
    const r = explain(rated.actions.get('12.1')!, 'This action');
    expect(r.rag).toBe('red');
    expect(r.reasons).toEqual([
      'Milestone A is 4 weeks late (due 31 October 2026)',
      'Milestone B is reported as off track',
      'Milestone B is 4 weeks late (due 1 November 2026)',
    ]);
  });

  it('rolls up through sub-actions, by the council’s rule, never from closed items or past an override', () => {
    const actions = [
      a('1'),
      a('1.1', { parentId: '1', status: 'at-risk' }),
      a('1.2', { parentId: '1', status: 'completed', due: ts('2026-01-01') }),
      a('2', { ragOverride: { rag: 'green', reason: 'agreed', by: 'x', at: stamp.createdAt } }),
      a('2.1', { parentId: '2', status: 'off-track' }),
    ].map(actionState);
    const ms = [milestoneState(m('M', '1.1', { due: ts('2026-11-01') }))];
    const rag = (rules: Partial<RagRules>, id: string) =>
      ratePlan(actions, ms, today, RagRules.parse(rules)).actions.get(id)!.rag;
    expect(rag({}, '1')).toBe('red');
    expect(rag({ rollUp: { milestones: 'amber', subActions: 'worst' } }, '1')).toBe('amber');
    expect(rag({ rollUp: { milestones: 'worst', subActions: 'none' } }, '1')).toBe('green');
    expect(rag({ rollUp: { milestones: 'none', subActions: 'worst' } }, '1.1')).toBe('amber');
    expect(rag({}, '2')).toBe('green');
  });

  it('counts staleness from the last update, else from the day the plan became active (here)', () => {
    const clock = planClock(plan({ approval: { date: '2026-02-01' }, createdAt: '2026-01-01T09:00:00Z' }));
    expect(clock.activeSince).toBe('2026-02-01');
    const imported = actionState(a('x'));
    const added = actionState(a('y', { createdAt: '2026-11-30T10:00:00Z' }));
    const w = { today, dueSoonDays: 30 };
    const j = judgePlan(clock, [imported, added], [], w, DEFAULT_RAG_RULES);
    expect(j.actions.get('x')!.stale).toBe(true);
    expect(j.actions.get('y')!.stale).toBe(false);
    const draft = judgePlan({ ...clock, status: 'draft' }, [imported], [], w, DEFAULT_RAG_RULES);
    expect(draft.actions.get('x')!.stale).toBe(false);
    expect(planClock(plan({ activatedOn: '2026-11-01', period: { start: '2026-04-01' } })).activeSince).toBe(
      '2026-11-01',
    );
    // A plan imported in November, approved in April: nothing could be reported here before November, so
    // its actions are not stale on the first day (nor their leads emailed as if they were).
    const late = planClock(plan({ approval: { date: '2026-04-01' }, createdAt: '2026-11-20T09:00:00Z' }));
    expect(late.activeSince).toBe('2026-11-20');
    expect(judgePlan(late, [imported], [], w, DEFAULT_RAG_RULES).actions.get('x')!.stale).toBe(false);
    // Its progress log's latest entry, dated July, is history brought in with it: not stale on day one.
    const logged = actionState(
      a('x', {
        createdAt: '2026-11-20T09:00:00Z',
        latestUpdate: {
          id: 'u',
          at: '2026-07-01T12:00:00.000Z',
          authorName: 'E (imported)',
          status: 'on-track',
          narrative: 'on hold',
        },
      }),
    );
    expect(judgePlan(late, [logged], [], w, DEFAULT_RAG_RULES).actions.get('x')!.stale).toBe(false);
  });

  it('puts a person’s action in late, due soon or later by it and its milestones', () => {
    expect(
      timeliness('on-track', { overdue: false, dueSoon: false }, [{ overdue: true, dueSoon: false }]),
    ).toBe('late');
    expect(timeliness('on-track', { overdue: false, dueSoon: true }, [])).toBe('due-soon');
    expect(timeliness('on-track', { overdue: false, dueSoon: false }, [])).toBe('later');
    expect(timeliness('completed', { overdue: false, dueSoon: false }, [])).toBe('closed');
  });
});

describe('a repeating deadline is judged by its occurrence on the day', () => {
  const action = (over: Partial<Action> = {}): Action => ({
    id: 'a1',
    planId: 'P',
    ref: '1.1',
    title: 'Quarterly workforce return',
    leads: [],
    status: 'on-track',
    crossRefs: [],
    unplaced: [],
    order: 0,
    ...stamp,
    due: every('2026-06-30', 'quarterly'),
    ...over,
  });
  const window = { today: '2026-12-06', dueSoonDays: 30 };

  it('is neither late nor red once its first occurrence has passed, and due soon before the next', () => {
    const s = actionState(action());
    expect(s.every).toBe('quarterly');
    const j = judgePlan(planClock(plan()), [s], [], window, DEFAULT_RAG_RULES).actions.get('a1')!;
    expect(j).toMatchObject({ overdue: false, dueSoon: true, slipping: false });
    expect(j.rag).toBe('green');
    // Before: the same action as a single deadline of that date was 159 days late.
    const once = actionState(action({ due: ts('2026-06-30') }));
    const late = judgePlan(planClock(plan()), [once], [], window, DEFAULT_RAG_RULES).actions.get('a1')!;
    expect(late).toMatchObject({ overdue: true, rag: 'red' });
  });

  it('says why in words by the coming occurrence, and counts a move later by the dates as agreed', () => {
    const m: Milestone = {
      id: 'm1',
      planId: 'P',
      actionId: 'a1',
      linkedActionIds: [],
      ref: 'A',
      title: 'Return sent',
      status: 'not-started',
      ...stamp,
      due: every('2026-06-30', 'quarterly'),
      baselineDue: ts('2026-03-31'),
    };
    const rated = ratePlan([actionState(action())], [milestoneState(m)], '2026-12-20', DEFAULT_RAG_RULES);
    const words = explain(rated.milestones.get('m1')!, 'This milestone').reasons;
    expect(words).toContain('This milestone has not started and is due in 11 days');
    expect(words).toContain(
      'This milestone has moved from 31 March 2026 to 30 June 2026, later than first agreed',
    );
  });

  it('keeps its repeat on the board, and reads an entry written before repeats as a single date', () => {
    const s = actionState(action());
    expect(decodeActionState('a1', encodeActionState(s))).toEqual({ ...s, id: 'a1' });
    expect(encodeActionState(s).split('|')).toHaveLength(9);
    const older = encodeActionState({ ...s, every: undefined });
    expect(older.split('|')).toHaveLength(8);
    expect(decodeActionState('a1', older).every).toBeUndefined();
    expect(() => decodeActionState('a1', `${older}|sometimes`)).toThrow(/corrupt/);
    const ms = milestoneState({
      id: 'm1',
      status: 'not-started',
      due: every('2026-06-30', 'annual'),
      actionId: 'a1',
    });
    expect(decodeMilestoneState('m1', encodeMilestoneState(ms))).toEqual(ms);
  });

  it('lists the action in the dashboard by days to the coming occurrence', () => {
    const d = buildDashboard(
      [{ plan: plan(), themes: [], actions: [action({ status: 'not-started' })], milestones: [] }],
      '2026-12-06',
      DEFAULT_RAG_RULES,
    );
    expect(d.overdue).toEqual([]);
    expect(d.dueSoon.map((i) => [i.ref, i.daysLate])).toEqual([['1.1', -25]]);
  });
});
