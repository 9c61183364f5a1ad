import { describe, expect, it } from 'vitest';
import { kentBusinessPlan } from '../../testing/fixtures.js';
import type { ReportMilestone } from '../report-data.js';
import { summarise } from '../summarise.js';
import { milestoneAsAt } from './milestone-as-at.js';

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
    const then = milestoneAsAt(base, '2013-09-30');
    expect(then).toMatchObject({ status: 'on-track', due: { due: '2013-10-31' } });
    expect(then.completedOn).toBeUndefined();
    expect(then.rebaselines).toHaveLength(1);
  });

  it('dates a move by the London day: 00:30 on 1 October in summer time is after a September end', () => {
    const moved = { ...base, status: 'on-track' as const, completedOn: undefined };
    moved.rebaselines = [{ ...base.rebaselines![1]!, at: '2013-09-30T23:30:00Z' }];
    expect(milestoneAsAt(moved, '2013-09-30').due?.due).toBe('2013-10-31');
  });

  it('is unchanged when nothing happened to it after the period end', () => {
    expect(milestoneAsAt(base, '2014-03-31')).toBe(base);
    const noDate = { ...base, completedOn: undefined, rebaselines: [] };
    expect(milestoneAsAt(noDate, '2013-09-30').status).toBe('completed');
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
});
