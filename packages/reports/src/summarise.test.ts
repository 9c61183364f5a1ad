import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eastHertsPeerReview, kentBusinessPlan, SCRIPT_NARRATIVE } from '../testing/fixtures.js';
import { syntheticReportData } from '../testing/synthetic.js';
import { renderHtml } from './html.js';
import type { ActionRow } from './model.js';
import { resolvePeriod } from './period.js';
import { exportRows } from './rows.js';
import { directionOfTravel, summarise } from './summarise.js';

const actionByRef = (rows: ActionRow[], ref: string) => rows.find((r) => r.ref === ref)!;

describe('directionOfTravel', () => {
  it('orders RAG red > amber > green and treats complete as best', () => {
    expect(directionOfTravel('red', 'amber')).toBe('improved');
    expect(directionOfTravel('amber', 'red')).toBe('worse');
    expect(directionOfTravel('green', 'amber')).toBe('worse');
    expect(directionOfTravel('green', 'blue')).toBe('improved');
    expect(directionOfTravel('amber', 'amber')).toBe('same');
    expect(directionOfTravel('grey', 'green')).toBe('same');
    expect(directionOfTravel(undefined, 'red')).toBe('new');
  });
});

describe('summarise: Kent business plan at mid-year 2013-14', () => {
  const { data, actions } = kentBusinessPlan();
  const model = summarise(data, { forecast: true });
  const all = model.themes.flatMap((t) => t.actions);

  it('judges the period at its end when it has closed', () => {
    expect(model.period.label).toBe('Mid-year 2013-14');
    expect(model.asOf).toBe('2013-09-30');
    expect(model.title).toBe('Divisional Business Plan 2013-14: progress report, Mid-year 2013-14');
  });

  it('orders themes by plan order and groups sub-actions under their theme', () => {
    expect(model.themes.map((t) => t.heading)).toEqual([
      'Priority 1: Prevention',
      'Priority 2: Productivity',
    ]);
    expect(model.themes[0]!.actions.map((a) => a.ref)).toEqual([
      '1',
      '1.1',
      '1.2',
      '2',
      '2.1',
      '2.2',
      '2.3',
      '3',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
    ]);
    expect(actionByRef(all, '1.1')).toMatchObject({ depth: 1, parentRef: '1' });
    expect(actionByRef(all, '1')).toMatchObject({ depth: 0 });
  });

  it('counts direction of travel since the last snapshot', () => {
    // Ratings roll up (core ratings.ts): 3 and 5 are red through sub-actions 3.4 and 5.2, 3.1 amber
    // through its re-baselined milestone E.
    expect(model.summary.travel).toEqual({ improved: 2, started: 0, same: 6, stopped: 0, worse: 6, new: 2 });
    expect(actionByRef(all, '2.1').travel).toBe('worse');
    expect(actionByRef(all, '2.3').travel).toBe('improved');
    expect(actionByRef(all, '3.2').travel).toBe('improved');
    expect(actionByRef(all, '2.2').travel).toBe('new');
    expect(actionByRef(all, '3.4').travel).toBe('worse');
    const byTheme = model.summary.byTheme.map((t) => t.travel);
    expect(byTheme[0]).toEqual({ improved: 2, started: 0, same: 4, stopped: 0, worse: 4, new: 2 });
    expect(byTheme[1]).toEqual({ improved: 0, started: 0, same: 2, stopped: 0, worse: 2, new: 0 });
  });

  it('uses the status reported for a closed period, not a later one', () => {
    const a23 = actionByRef(all, '2.3');
    expect(actions.a23.status).toBe('on-track');
    expect(a23).toMatchObject({ status: 'at-risk', rag: 'amber', text: 'At risk (Amber)' });
    expect(a23.latest?.narrative).toContain('not yet funded');
  });

  it('gives an action changed only after the period the status it had then, not today’s', () => {
    // Completed in the next period: the closed mid-year report still shows it as it stood.
    const { data, actions: a } = kentBusinessPlan();
    const a11 = data.actions.find((x) => x.id === a.a11.id)!;
    data.updates = data.updates.filter((u) => u.actionId !== a11.id);
    delete a11.latestUpdate;
    a11.status = 'completed';
    data.updates.push({
      id: 'later',
      actionId: a11.id,
      at: '2014-02-01T10:00:00Z',
      authorName: 'Paul Royel',
      narrative: 'Done',
      status: 'completed',
      statusBefore: 'at-risk',
      period: 'Year-end 2013-14',
    });
    const row = actionByRef(
      summarise(data).themes.flatMap((t) => t.actions),
      a11.ref,
    );
    expect(row).toMatchObject({ status: 'at-risk' });
    expect(row.latest).toBeUndefined();
  });

  it('gives an action imported after the period the status the plan gave it, not a later update’s', () => {
    // Imported in December with the plan's own progress, then updated: the closed mid-year report says
    // what the imported plan said, the earliest status there is.
    const { data, actions: a } = kentBusinessPlan();
    const a11 = data.actions.find((x) => x.id === a.a11.id)!;
    data.updates = data.updates.filter((u) => u.actionId !== a11.id);
    delete a11.latestUpdate;
    a11.status = 'off-track';
    data.updates.push(
      {
        id: 'imported',
        actionId: a11.id,
        at: '2013-12-06T10:00:00Z',
        authorName: 'Editor (imported)',
        narrative: 'Delayed',
        status: 'not-started',
        period: 'imported',
      },
      {
        id: 'december',
        actionId: a11.id,
        at: '2013-12-06T11:00:00Z',
        authorName: 'Paul Royel',
        narrative: 'Behind plan',
        status: 'off-track',
        statusBefore: 'not-started',
        period: 'Year-end 2013-14',
      },
    );
    const row = actionByRef(
      summarise(data).themes.flatMap((t) => t.actions),
      a11.ref,
    );
    expect(row).toMatchObject({ status: 'not-started' });
  });

  it('says which actions and milestones were added after an ended period, but not the plan’s own', () => {
    // Mid-year 2013-14 ended on 30 September; the plan was imported on 6 October with its actions.
    const { data, actions: a } = kentBusinessPlan();
    data.plan.createdAt = '2013-10-06T09:00:00.000Z';
    for (const x of data.actions) x.createdAt = data.plan.createdAt;
    const added = data.actions.find((x) => x.id === a.a11.id)!;
    added.createdAt = '2013-10-08T15:00:00.000Z';
    const milestone = data.milestones[0]!;
    milestone.createdAt = '2013-10-09T08:00:00.000Z';
    const model = summarise(data);
    const rows = model.themes.flatMap((t) => t.actions);
    expect(rows.filter((r) => r.addedAfterPeriod).map((r) => [r.ref, r.addedAfterPeriod])).toEqual([
      [added.ref, '8 Oct 2013'],
    ]);
    const msRow = model.themes.flatMap((t) => t.milestones).find((m) => m.id === milestone.id)!;
    expect(msRow.addedAfterPeriod).toBe('9 Oct 2013');
    // Word and web say so beside the title; the CSV and Excel exports keep the title clean and give the
    // day in a column of its own, for the systems that read them.
    const words = `(added 8 Oct 2013, after this period)`;
    expect(renderHtml(model)).toContain(words);
    expect(exportRows(model).find((r) => r.ref === added.ref)).toMatchObject({
      title: added.title,
      addedAfterPeriod: '2013-10-08',
    });
    expect(exportRows(model).find((r) => r.type === 'Milestone' && r.ref === milestone.ref)).toMatchObject({
      title: milestone.title,
      addedAfterPeriod: '2013-10-09',
    });
    // Not for a period still running.
    const running = summarise({ ...data, today: '2013-09-20' });
    expect(running.themes.flatMap((t) => t.actions).some((r) => r.addedAfterPeriod)).toBe(false);
  });

  it('counts an update tagged for the period even when written after it closed', () => {
    const a22 = actionByRef(all, '2.2');
    expect(a22.updatedInPeriod).toBe(true);
    expect(a22.latest).toMatchObject({ date: '2013-10-05' });
  });

  it('counts for a month an update filed under the plan’s own point for its quarter, never another’s', () => {
    // Quarterly points: the November 2013 report counts a "Q3" return written in November; a late "Q2"
    // return written then is Q2's alone.
    const plan = {
      ...data.plan,
      reportingPoints: [
        { label: 'Q2', date: '2013-09-30' },
        { label: 'Q3', date: '2013-12-31' },
      ],
    };
    const a21 = actions.a21;
    const filed = (period: string) => ({
      id: `u-${period}`,
      actionId: a21.id,
      at: '2013-11-20T10:00:00Z',
      narrative: `${period} return`,
      status: 'on-track' as const,
      period,
      authorName: 'Julie Cudmore',
    });
    const november = resolvePeriod('2013-11', '2014-01-10');
    const row = (period: string) =>
      actionByRef(
        summarise({
          ...data,
          plan,
          period: november,
          today: '2014-01-10',
          updates: [filed(period)],
        }).themes.flatMap((t) => t.actions),
        '2.1',
      );
    expect(row('Q3').updatedInPeriod).toBe(true);
    expect(row('Q2').updatedInPeriod).toBe(false);
  });

  it('counts an update filed under one of the plan’s own reporting points within the period', () => {
    const plan = { ...data.plan, reportingPoints: [{ label: 'Q2', date: '2013-09-30' }] };
    const a21 = actions.a21;
    const late = {
      id: 'u-q2',
      actionId: a21.id,
      at: '2013-10-08T10:00:00+01:00',
      narrative: 'Q2 return: campaign back on track.',
      status: 'on-track' as const,
      period: 'Q2',
      authorName: 'Julie Cudmore',
    };
    const rowOf = (m: ReturnType<typeof summarise>) =>
      actionByRef(
        m.themes.flatMap((t) => t.actions),
        '2.1',
      );
    const withPoint = summarise({ ...data, plan, updates: [...data.updates, late] });
    expect(rowOf(withPoint).latest).toMatchObject({ date: '2013-10-08', narrative: late.narrative });
    // Without the point, "Q2" names no period: written after the period, it does not count.
    const without = summarise({ ...data, updates: [...data.updates, late] });
    expect(rowOf(without).latest?.narrative).toBe(SCRIPT_NARRATIVE);
  });

  it('without the history, counts an action updated in the period by any of its recent updates', () => {
    const { data, actions: a } = kentBusinessPlan();
    const a21 = data.actions.find((x) => x.id === a.a21.id)!;
    data.updates = data.updates.filter((u) => u.actionId !== a21.id);
    // Its latest update is a later period's; the mid-year one before it is only in its recent updates.
    a21.latestUpdate = {
      id: 'late',
      at: '2013-10-08T10:00:00Z',
      authorName: 'Julie Cudmore',
      narrative: 'Year-end return',
      status: 'on-track',
      period: 'Year-end 2013-14',
    };
    const rowOf = () =>
      actionByRef(
        summarise(data).themes.flatMap((t) => t.actions),
        a21.ref,
      );
    expect(rowOf().updatedInPeriod).toBe(false);
    a21.recentUpdates = {
      mid: { period: 'Mid-year 2013-14', at: '2013-10-07T10:00:00Z' },
      late: { period: 'Year-end 2013-14', at: '2013-10-08T10:00:00Z' },
    };
    expect(rowOf().updatedInPeriod).toBe(true);
  });

  it('lists an action whose deadline moved later among the exceptions, with the first agreed date and why', () => {
    const a12 = {
      ...actions.a12,
      due: { text: 'March 2014', kind: 'date' as const, due: '2014-03-31', precision: 'month' as const },
      baselineDue: {
        text: 'Dec 2013',
        kind: 'date' as const,
        due: '2013-12-31',
        precision: 'month' as const,
      },
      rebaselines: [
        {
          to: { text: 'March 2014', kind: 'date' as const, due: '2014-03-31', precision: 'month' as const },
          reason: 'Waiting for the ERP release',
          by: 'Paul Royel',
          at: '2013-09-01T10:00:00Z',
        },
      ],
    };
    const m = summarise({ ...data, actions: data.actions.map((x) => (x.id === a12.id ? a12 : x)) });
    const row = m.exceptions.find((e) => e.item.id === a12.id)!;
    expect(row.reasons).toContain('re-baselined');
    expect(row.reasonText).toContain('from 31 Dec 2013 to 31 Mar 2014, because: Waiting for the ERP release');
    expect(exportRows(m).find((r) => r.ref === a12.ref)?.baselineDue).toBe('2013-12-31');
  });

  it('judges a repeating deadline by its occurrence at the period end: "Monthly" is never late', () => {
    const a34 = all.find((r) => r.ref === '3.4')!;
    const monthly = {
      text: 'Monthly',
      kind: 'recurring' as const,
      recurrence: 'monthly' as const,
      due: '2013-05-31',
      precision: 'month' as const,
    };
    const m = summarise({
      ...data,
      actions: data.actions.map((x) => (x.id === a34.id ? { ...x, due: monthly } : x)),
    });
    const row = m.themes.flatMap((t) => t.actions).find((r) => r.id === a34.id)!;
    expect(row).toMatchObject({ rag: 'green', text: 'On track (Green)' });
    expect(row.due).toEqual({ text: 'Monthly', parsed: '2013-09-30', display: 'Monthly (next 30 Sep 2013)' });
    expect(m.exceptions.some((e) => e.item.id === a34.id)).toBe(false);
    expect(exportRows(m).find((r) => r.ref === '3.4')?.dueParsed).toBe('2013-09-30');
  });

  it('derives RAG with core rules: overdue open work is red', () => {
    expect(actionByRef(all, '3.4')).toMatchObject({
      rag: 'red',
      statusLabel: 'On track',
      text: 'On track (Red)',
    });
    expect(actionByRef(all, '3.4').ragReasons.join(' ')).toMatch(/4 weeks late/);
    expect(actionByRef(all, '3.2')).toMatchObject({ rag: 'blue', ragLabel: 'Blue – complete' });
  });

  it('lists exceptions worst first, each with its reasons, lead and latest narrative', () => {
    const rows = model.exceptions.map((e) => [e.item.kind, e.item.ref, e.reasons]);
    expect(rows).toEqual([
      ['action', '2.1', ['off-track']],
      ['action', '3.4', ['overdue']],
      ['milestone', 'C', ['overdue']],
      ['milestone', 'E', ['re-baselined']],
      ['action', '3.3', ['stale']],
      ['action', '1.1', ['stale']],
    ]);
    const [first, , msC, msE, stale] = model.exceptions;
    expect(first!.item.leadsText).toBe('Accountable officer: Jackie Turner-Robinson');
    expect(first!.item.latest?.narrative).toBe(SCRIPT_NARRATIVE);
    expect(msC!.item).toMatchObject({
      actionRef: '5.2',
      leadsText: 'Accountable officer: Nigel Fairburn, Julie Cudmore',
    });
    expect(msC!.themeHeading).toBe('Priority 2: Productivity');
    expect(msE!.reasonText).toBe('Re-baselined: from 31 May 2013 to 31 Oct 2013');
    // With the reason the person gave when they moved it.
    const data = kentBusinessPlan().data;
    const e = data.milestones.find((m) => m.ref === 'E')!;
    e.rebaselines = [
      { to: e.due!, reason: 'Waiting for the pay benchmarking', by: 'Editor', at: '2013-05-20T09:00:00Z' },
    ];
    const withReason = summarise(data).exceptions.find((x) => x.item.ref === 'E')!;
    expect(withReason.reasonText).toBe(
      'Re-baselined: from 31 May 2013 to 31 Oct 2013, because: Waiting for the pay benchmarking',
    );
    expect(stale!.reasonText).toBe('No update this period (last 15 Mar 2013)');
    expect(model.summary.exceptions).toEqual({
      'off-track': 1,
      overdue: 2,
      're-baselined': 1,
      stale: 2,
      total: 6,
    });
    expect(model.summary.byTheme.map((t) => t.exceptions)).toEqual([5, 1]);
  });

  it('does not call a parent action stale when its sub-actions were updated', () => {
    for (const ref of ['1', '2', '3', '4', '5']) expect(actionByRef(all, ref).updatedInPeriod).toBe(true);
  });

  it('counts actions by status and theme consistently', () => {
    const total = model.summary.byStatus.reduce((s, r) => s + r.count, 0);
    expect(total).toBe(16);
    expect(model.summary.totalActions).toBe(16);
    expect(model.summary.byStatus.find((s) => s.key === 'completed')?.count).toBe(1);
    expect(model.summary.byTheme.map((t) => t.total)).toEqual([12, 4]);
    expect(model.summary.milestones).toEqual({ total: 4, completed: 1, overdue: 1, rebaselined: 1 });
  });

  it('rates indicators against target for the period, respecting direction and floor', () => {
    const byName = (s: string) => model.indicators.find((i) => i.name.startsWith(s))!;
    expect(byName('Percentage')).toMatchObject({
      periodKey: '2013-14 Q2',
      target: 65,
      actual: 66,
      rag: 'green',
    });
    expect(byName('Satisfaction')).toMatchObject({
      rag: 'red',
      assessment: 'Below floor standard (65% against 70%)',
    });
    expect(byName('Resolution')).toMatchObject({
      rag: 'amber',
      targetText: '20 days',
      actualText: '25 days',
    });
    expect(byName('Completion')).toMatchObject({ rag: 'grey', target: null, actual: null });
  });

  it('reads year-end figures written as 2013/2014', () => {
    const yearEnd = summarise(kentBusinessPlan('year-end:2013-14', '2014-05-01').data);
    expect(yearEnd.indicators[0]).toMatchObject({
      periodKey: '2013/2014',
      target: 70,
      actual: 72,
      rag: 'green',
    });
  });

  it('forecasts year-end status by a simple rule', () => {
    expect(actionByRef(all, '2.1').forecast?.status).toBe('off-track');
    expect(actionByRef(all, '2.3').forecast?.status).toBe('at-risk');
    expect(actionByRef(all, '3.2').forecast?.status).toBe('completed');
    expect(actionByRef(all, '4.1').forecast).toMatchObject({ status: 'completed', label: 'Completed' });
    expect(actionByRef(all, '1.2').forecast?.status).toBe('on-track');
    expect(actionByRef(all, '1.1').forecast).toMatchObject({
      status: 'not-started',
      reason: 'No start date agreed',
    });
    expect(summarise(data).themes[0]!.actions[0]!.forecast).toBeUndefined();
  });

  it('judges RAG at today while the period is still open', () => {
    const open = summarise(kentBusinessPlan('year-end', '2013-10-20').data);
    expect(open.asOf).toBe('2013-10-20');
    const e = open.themes[0]!.milestones.find((m) => m.ref === 'E')!;
    expect(e).toMatchObject({ overdue: false, rebaselined: true, rag: 'amber' });
  });
});

describe('summarise: East Herts peer review at Q3 2007-08', () => {
  const { data } = eastHertsPeerReview();
  const model = summarise(data);
  const all = model.themes.flatMap((t) => t.actions);

  it('uses the plan kind’s labels and headings without numbers', () => {
    expect(model.plan.labels.theme).toBe('Heading');
    expect(model.themes.map((t) => t.heading)).toEqual([
      'Leadership',
      'Strategy',
      'Delivery',
      'Operational Results',
      'Learning',
    ]);
    expect(model.period.start).toBe('2007-10-01');
    expect(model.period.end).toBe('2007-12-31');
  });

  it('writes member, strategic and operational leads in full', () => {
    expect(actionByRef(all, 'L1').leadsText).toBe(
      'Member lead: Cllr Jackson; Strategic lead: Anne Freimanis; Operational lead: All Directors and Heads of',
    );
    expect(actionByRef(all, 'L2').leadsText).toBe(
      'Member lead: HR Committee; Strategic lead: HOPOS, CMT and Heads of; Operational lead: HR Department, Lois Prior, All Directors and Heads of',
    );
  });

  it('keeps deadlines as written beside the parsed date', () => {
    expect(actionByRef(all, 'D1').due).toEqual({
      text: 'March 08',
      parsed: '2008-03-31',
      display: 'March 08 (31 Mar 2008)',
    });
    expect(actionByRef(all, 'L1').due).toEqual({ text: 'Completed', display: 'Completed' });
  });

  it('finds the exceptions', () => {
    expect(model.exceptions.map((e) => [e.item.ref, e.reasons])).toEqual([
      ['D1', ['off-track']],
      ['LN2', ['overdue', 'stale']],
      ['D2', ['stale']],
    ]);
    expect(model.summary.travel).toEqual({ improved: 0, started: 0, same: 2, stopped: 0, worse: 2, new: 4 });
  });
});

describe('summarise properties', () => {
  it('every action is counted once by status, by theme and by direction of travel', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 60 }), (seed, n) => {
        const model = summarise(syntheticReportData({ actions: n, seed }));
        const s = model.summary;
        expect(s.totalActions).toBe(n);
        expect(s.byStatus.reduce((a, r) => a + r.count, 0)).toBe(n);
        expect(s.byRag.reduce((a, r) => a + r.count, 0)).toBe(n);
        expect(Object.values(s.travel).reduce((a, x) => a + x, 0)).toBe(n);
        expect(s.byTheme.reduce((a, t) => a + t.total, 0)).toBe(n);
        expect(model.themes.reduce((a, t) => a + t.actions.length, 0)).toBe(n);
        // Exceptions are open items only, and every reason is counted.
        for (const e of model.exceptions)
          expect(['completed', 'deferred', 'cancelled']).not.toContain(e.item.status);
        expect(s.exceptions.total).toBe(model.exceptions.length);
      }),
      { numRuns: 40 },
    );
  });
});
