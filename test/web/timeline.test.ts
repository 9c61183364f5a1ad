import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DueTimeline, type TimelineItem } from '../../web/src/components/timeline.js';

const TODAY = '2026-12-06';
const item = (id: string, due: string, status: TimelineItem['status'], rag: TimelineItem['rag']) =>
  ({
    type: 'milestone',
    id,
    ref: id,
    title: `Milestone ${id}`,
    due: { text: due, kind: 'date', due, precision: 'day' },
    status,
    rag,
  }) as TimelineItem;

/** Each row's state word and whether its bar is drawn late, as the chart renders them. */
function rows(items: TimelineItem[]) {
  const html = renderToStaticMarkup(createElement(DueTimeline, { items, today: TODAY }));
  return [...html.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => ({
    state: /app-timeline-chart__state">([^<]*)</.exec(m[1]!)?.[1],
    late: m[1]!.includes('bar--late'),
  }));
}

describe('the due timeline', () => {
  it('draws an overdue open item late, and one done before today as done, not late', () => {
    expect(
      rows([
        item('1.1.M1', '2026-06-15', 'completed', 'green'),
        item('1.2.M1', '2026-11-01', 'on-track', 'red'),
        item('1.3.M1', '2027-02-01', 'on-track', 'amber'),
      ]),
    ).toEqual([
      { state: 'Completed', late: false },
      { state: 'Late', late: true },
      { state: 'Amber', late: false },
    ]);
  });
});
