import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DueTimeline, type TimelineItem } from './timeline.js';

const item = (id: string, due: string): TimelineItem =>
  ({
    type: 'milestone',
    id,
    ref: id,
    title: `Milestone ${id}`,
    due: { text: due, kind: 'date', due, precision: 'day' },
    status: 'not-started',
    rag: 'red',
  }) as TimelineItem;
const todayClass = (items: TimelineItem[], horizonDays = 0) =>
  /<span class="(app-timeline-chart__today[^"]*)"/.exec(
    renderToStaticMarkup(<DueTimeline items={items} today="2026-12-07" horizonDays={horizonDays} />),
  )?.[1];

describe('DueTimeline', () => {
  it('draws "Today" inside the chart when today is its last day (everything overdue), not half off its edge', () => {
    expect(todayClass([item('M1', '2005-03-31'), item('M2', '2016-02-03')])).toBe(
      'app-timeline-chart__today app-timeline-chart__tick--end',
    );
  });

  it('centres "Today" on its day when items fall due either side of it', () => {
    expect(todayClass([item('M1', '2026-06-30'), item('M2', '2027-06-30')])).toBe(
      'app-timeline-chart__today',
    );
  });
});
