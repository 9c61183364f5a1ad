import { describe, expect, it } from 'vitest';
import { burnUp, overdueOverPeriods, type PeriodFacts, ragMixOverPeriods } from './trends.js';

const facts = (overdueActions: number, themeRed: number): PeriodFacts => ({
  overdueActions,
  milestones: { total: 4, completed: 1, overdue: 2 },
  exceptions: 3,
  themes: [
    {
      id: 'T1',
      heading: 'Theme 1',
      total: 3,
      byRag: { red: themeRed, green: 3 - themeRed },
      overdueActions,
      overdueMilestones: 1,
    },
  ],
});
const periods = [
  {
    key: 'year-end-2012-13',
    label: 'Year-end 2012-13',
    end: '2013-03-31',
    actionCount: 5,
    byRag: { green: 5 },
  },
  {
    key: 'mid-year-2013-14',
    label: 'Mid-year 2013-14',
    end: '2013-09-30',
    actionCount: 5,
    byRag: { red: 2, green: 3 },
    facts: facts(2, 1),
  },
];

describe('trends over closed periods', () => {
  it('gives the RAG mix of the plan at each period, every RAG counted, and of a theme where kept', () => {
    const plan = ragMixOverPeriods(periods);
    expect(plan.map((p) => p.byRag)).toEqual([
      { red: 0, amber: 0, green: 5, blue: 0, grey: 0 },
      { red: 2, amber: 0, green: 3, blue: 0, grey: 0 },
    ]);
    const theme = ragMixOverPeriods(periods, 'T1');
    expect(theme[0]!.byRag).toBeNull();
    expect(theme[1]).toMatchObject({ total: 3, byRag: { red: 1, green: 2 } });
    expect(ragMixOverPeriods(periods, 'nope')[1]).toMatchObject({ total: 0 });
  });

  it('counts overdue at each period as its report did, unknown before counts were kept', () => {
    expect(overdueOverPeriods(periods).map((p) => [p.actions, p.milestones])).toEqual([
      [null, null],
      [2, 2],
    ]);
    expect(overdueOverPeriods(periods, 'T1')[1]).toMatchObject({ actions: 2, milestones: 1 });
  });
});

describe('burn-up', () => {
  const d = (due: string) => ({ due });
  it('counts planned (baseline), due and completed milestones month by month, cumulatively', () => {
    const b = burnUp(
      [
        {
          status: 'completed',
          baselineDue: d('2013-05-31'),
          due: d('2013-05-31'),
          completedOn: '2013-05-20',
        },
        { status: 'on-track', baselineDue: d('2013-06-30'), due: d('2013-08-31') },
        { status: 'completed', due: d('2013-07-15'), completedOn: '2013-08-02' },
        { status: 'completed' },
        { status: 'not-started' },
      ],
      { today: '2013-08-10', start: '2013-04-01', end: '2013-09-30' },
    );
    expect(b).toMatchObject({ total: 5, undated: 2, completedUndated: 1 });
    expect(b.months.map((m) => [m.month, m.planned, m.due, m.completed])).toEqual([
      ['2013-04', 0, 0, 0],
      ['2013-05', 1, 1, 1],
      ['2013-06', 2, 1, 1],
      ['2013-07', 3, 2, 1],
      ['2013-08', 3, 3, 2],
      // September is still to come on 10 August: planned and due, but nothing known yet of completed.
      ['2013-09', 3, 3, null],
    ]);
  });

  it('fills in no completed figure for a month still to come', () => {
    const b = burnUp([{ status: 'completed', due: d('2026-11-30'), completedOn: '2026-11-30' }], {
      today: '2026-12-06',
      start: '2026-04-01',
      end: '2028-03-31',
    });
    const completed = new Map(b.months.map((m) => [m.month, m.completed]));
    expect(completed.get('2026-11')).toBe(1);
    expect(completed.get('2026-12')).toBe(1);
    expect(completed.get('2027-01')).toBeNull();
    expect(completed.get('2028-03')).toBeNull();
    expect(b.months.at(-1)).toMatchObject({ month: '2028-03', planned: 1, due: 1 });
  });

  it('has no months without dates, and at most ten years of them', () => {
    expect(burnUp([{ status: 'on-track' }], { today: '2026-01-01' }).months).toEqual([]);
    const long = burnUp([{ status: 'on-track', due: d('1990-01-01') }], { today: '2026-12-01' });
    expect(long.months).toHaveLength(120);
    expect(long.months.at(-1)!.month).toBe('2026-12');
  });
});
