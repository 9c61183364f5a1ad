import { describe, expect, it } from 'vitest';
import { kentBusinessPlan } from '../../testing/fixtures.js';
import type { ReportAction, ReportMilestone } from '../report-data.js';
import { exportRows } from '../rows.js';
import { summarise } from '../summarise.js';
import { asAtPeriodEnd, closedAfterPeriod, statusBeforeChange } from './as-at.js';

const month = (text: string, due: string) => ({
  text,
  kind: 'date' as const,
  due,
  precision: 'month' as const,
});
const base: ReportMilestone = {
  id: 'm1',
  actionId: 'a1',
  ref: 'A',
  title: 'Wellbeing strategy agreed',
  status: 'completed',
  completedOn: '2013-11-15',
  baselineDue: month('August 2013', '2013-08-31'),
  due: month('December 2013', '2013-12-31'),
  rebaselines: [
    {
      from: month('August 2013', '2013-08-31'),
      to: month('October 2013', '2013-10-31'),
      by: 'Ed',
      at: '2013-07-01T09:00:00Z',
    },
    {
      from: month('October 2013', '2013-10-31'),
      to: month('December 2013', '2013-12-31'),
      by: 'Ed',
      at: '2013-10-20T09:00:00Z',
    },
  ],
};

describe('a milestone as it stood at the end of an ended period', () => {
  it('was still open if it was completed after, and due on the date it had then', () => {
    const then = asAtPeriodEnd(base, '2013-09-30');
    expect(then).toMatchObject({ completedLater: '2013-11-15', due: { due: '2013-10-31' } });
    // No status is made up: what it was then is not recorded here.
    expect(then.status).toBeUndefined();
    expect(then.completedOn).toBeUndefined();
    expect(then.rebaselines).toHaveLength(1);
    // Its history recorded it: that status.
    expect(asAtPeriodEnd(base, '2013-09-30', 'at-risk')).toMatchObject({
      status: 'at-risk',
      completedLater: '2013-11-15',
    });
    // Done by then already (reopened after, and done again): completed, not open.
    const again = asAtPeriodEnd(base, '2013-09-30', 'completed');
    expect(again.status).toBe('completed');
    expect(again.completedLater).toBeUndefined();
  });

  it('dates a move by the London day: 00:30 on 1 October in summer time is after a September end', () => {
    const moved = { ...base, status: 'on-track' as const, completedOn: undefined };
    moved.rebaselines = [{ ...base.rebaselines![1]!, at: '2013-09-30T23:30:00Z' }];
    expect(asAtPeriodEnd(moved, '2013-09-30').due?.due).toBe('2013-10-31');
  });

  it('is unchanged when nothing happened to it after the period end', () => {
    expect(asAtPeriodEnd(base, '2014-03-31')).toBe(base);
    const noDate = { ...base, completedOn: undefined, rebaselines: [] };
    expect(asAtPeriodEnd(noDate, '2013-09-30').status).toBe('completed');
  });

  it('shows in a mid-year report closed late as open, and overdue, not completed', () => {
    const { data } = kentBusinessPlan('mid-year', '2014-01-10');
    const e = data.milestones.find((m) => m.ref === 'E')!;
    // Completed in November 2013, after mid-year (30 September), and its date (August) had passed by then.
    Object.assign(e, {
      status: 'completed',
      completedOn: '2013-11-15',
      due: month('August 2013', '2013-08-31'),
    });
    const model = summarise(data);
    const row = model.themes.flatMap((t) => t.milestones).find((m) => m.id === e.id)!;
    expect(row.status).not.toBe('completed');
    expect(row.overdue).toBe(true);
    expect(row.completedOn).toBeUndefined();
    expect(model.summary.milestones.completed).toBe(1);
  });

  it('is never "On track (Green)" at the period end unless its history says so', () => {
    const { data } = kentBusinessPlan('mid-year', '2014-01-10');
    const e = data.milestones.find((m) => m.ref === 'E')!;
    // Due in December, completed in November, after mid-year (30 September).
    Object.assign(e, {
      status: 'completed',
      completedOn: '2013-11-15',
      due: month('December 2013', '2013-12-31'),
      baselineDue: month('December 2013', '2013-12-31'),
      rebaselines: [],
    });
    const rowOf = (model: ReturnType<typeof summarise>) =>
      model.themes.flatMap((t) => t.milestones).find((m) => m.id === e.id)!;
    const unknown = rowOf(summarise(data));
    expect(unknown).toMatchObject({
      text: 'Open at the period end (completed 15 Nov 2013)',
      statusLabel: 'Open at the period end',
      ragWord: '',
      completedLater: '2013-11-15',
      overdue: false,
    });
    expect(unknown.status).toBeUndefined();
    const csv = exportRows(summarise(data)).find((r) => r.type === 'Milestone' && r.ref === 'E')!;
    expect(csv).toMatchObject({ status: 'Open at the period end', rag: '', completedOn: '' });
    // Its history recorded what it was before completion: that, rated by the council's rules.
    const recorded = rowOf(summarise({ ...data, statusAtEnd: { [e.id]: 'not-started' } }));
    expect(recorded).toMatchObject({ status: 'not-started', text: 'Not started (Grey)' });
    // Overdue then: the rule that gives red is a real one, and it says so.
    e.due = month('August 2013', '2013-08-31');
    expect(rowOf(summarise(data))).toMatchObject({
      text: 'Open at the period end, Red (completed 15 Nov 2013)',
      rag: 'red',
      overdue: true,
    });
  });
});

describe('an item’s status at the period end from its history', () => {
  const at = (day: string) => `${day}T10:00:00Z`;
  it('is the status before its first change after the period end, edit or progress update', () => {
    const events = [
      { at: at('2013-11-15'), before: { status: 'at-risk' }, after: { status: 'completed' } },
      { at: at('2013-10-02'), before: { status: 'on-track' }, after: { status: 'at-risk' } },
      { at: at('2013-09-01'), before: { status: 'not-started' }, after: { status: 'on-track' } },
      { at: at('2013-10-01'), before: { title: 'Old' }, after: { title: 'New' } },
    ];
    expect(statusBeforeChange(events, '2013-09-30', 'Europe/London')).toBe('on-track');
    const update = { at: at('2013-10-03'), after: { status: 'completed', statusBefore: 'at-risk' } };
    expect(statusBeforeChange([update], '2013-09-30', 'Europe/London')).toBe('at-risk');
    expect(statusBeforeChange(events.slice(2), '2013-09-30', 'Europe/London')).toBeUndefined();
  });

  it('is looked for only where nothing else tells it: milestones completed after, actions closed after without an update', () => {
    const items = {
      milestones: [
        { id: 'm-after', status: 'completed' as const, completedOn: '2013-10-01' },
        { id: 'm-before', status: 'completed' as const, completedOn: '2013-09-30' },
        { id: 'm-open', status: 'on-track' as const },
      ],
      actions: [
        { id: 'a-edited', status: 'completed' as const, updatedAt: '2013-12-06T11:00:00Z' },
        { id: 'a-updated', status: 'completed' as const, updatedAt: '2013-12-06T11:00:00Z' },
        { id: 'a-open', status: 'on-track' as const, updatedAt: '2013-12-06T11:00:00Z' },
        { id: 'a-earlier', status: 'cancelled' as const, updatedAt: '2013-09-30T22:59:00Z' },
      ],
      updates: [{ actionId: 'a-updated' }],
    };
    expect(closedAfterPeriod(items, '2013-09-30', 'Europe/London')).toEqual(['m-after', 'a-edited']);
  });

  it('gives an action closed by an edit after the period end the status its history recorded', () => {
    const { data } = kentBusinessPlan('mid-year', '2013-12-06');
    const a = data.actions.find((x) => x.ref === '4')!;
    a.status = 'completed';
    const rowOf = (model: ReturnType<typeof summarise>) =>
      model.themes.flatMap((t) => t.actions).find((x) => x.id === a.id)!;
    expect(rowOf(summarise(data)).status).toBe('completed');
    expect(rowOf(summarise({ ...data, statusAtEnd: { [a.id]: 'on-track' } })).status).toBe('on-track');
  });
});

describe('an action as it stood at the end of an ended period (the same rule)', () => {
  // Due September 2013; on 6 December its due moved to January 2014, with a reason; mid-year (ending
  // 30 September) was closed after that.
  const moved = (a: ReportAction): ReportAction => ({
    ...a,
    baselineDue: month('September 2013', '2013-09-30'),
    due: month('January 2014', '2014-01-31'),
    rebaselines: [
      {
        from: month('September 2013', '2013-09-30'),
        to: month('January 2014', '2014-01-31'),
        reason: 'Trade union consultation added two months',
        by: 'Tom',
        at: '2013-12-06T11:00:00Z',
      },
    ],
  });

  it('was due on its earlier date, with no record of the later move', () => {
    const a = moved({ id: 'a', ref: '1', title: 'Plan', status: 'on-track', order: 0, leads: [] });
    const then = asAtPeriodEnd(a, '2013-09-30');
    expect(then.due?.due).toBe('2013-09-30');
    expect(then.rebaselines).toEqual([]);
    expect(asAtPeriodEnd(a, '2014-03-31')).toBe(a);
  });

  it('is neither re-baselined nor due in January in a mid-year report closed in December', () => {
    const { data } = kentBusinessPlan('mid-year', '2013-12-06');
    const a = data.actions.find((x) => x.ref === '2.2')!;
    Object.assign(a, moved(a));
    const model = summarise(data);
    const row = model.themes.flatMap((t) => t.actions).find((x) => x.id === a.id)!;
    expect(row.due?.parsed).toBe('2013-09-30');
    expect(row.baselineDue).toBeUndefined();
    expect(row.rebaselineReason).toBeUndefined();
    const exception = model.exceptions.find((e) => e.item.id === a.id);
    expect(exception?.reasons ?? []).not.toContain('re-baselined');
    const before = summarise(kentBusinessPlan('mid-year', '2013-12-06').data);
    expect(model.summary.exceptions['re-baselined']).toBe(before.summary.exceptions['re-baselined']);
    // The year-end report, whose end is after the move, shows it.
    const yearEnd = summarise({ ...kentBusinessPlan('year-end', '2014-04-10').data, actions: data.actions });
    const later = yearEnd.exceptions.find((e) => e.item.id === a.id)!;
    expect(later.reasonText).toContain('Re-baselined: from 30 Sep 2013 to 31 Jan 2014');
  });
});
