import { type DashboardItem, daysBetween, dueOn } from '@peopleplan/core';
import { formatShortDate } from '../lib/format.js';
import { RAG_SHORT, STATUS_LABELS } from '../lib/labels.js';

/**
 * A Gantt-style picture of when items fall due, from the earliest overdue one to the horizon. It is a
 * picture only (hidden from screen readers): the table beside it carries the same facts as text. Each row
 * says its state in words too ("Late", "Done", its RAG), never by the marker's colour alone. Only an open
 * item is late: a milestone done before today is drawn at its date, with no bar running on to today.
 */
export type TimelineItem = Pick<
  DashboardItem,
  'type' | 'id' | 'ref' | 'title' | 'due' | 'baselineDue' | 'status' | 'rag'
>;

export function DueTimeline({
  items,
  today,
  horizonDays = 0,
}: {
  items: TimelineItem[];
  today: string;
  horizonDays?: number;
}) {
  const dated = items.filter((i) => i.due?.due);
  if (!dated.length) return null;
  // A repeating deadline sits at its occurrence still to come (core occurrence.ts).
  const offsets = dated.map((i) => daysBetween(today, dueOn(i.due, today)!));
  const baselines = dated.flatMap((i) => (i.baselineDue?.due ? [daysBetween(today, i.baselineDue.due)] : []));
  // Baselines are inside the span too: a bar from an earlier baseline never runs out into the label.
  const from = Math.min(0, ...offsets, ...baselines);
  const to = Math.max(horizonDays, ...offsets, ...baselines);
  const span = Math.max(1, to - from);
  const pos = (d: number) => `${(((d - from) / span) * 100).toFixed(2)}%`;
  // Date ticks at both ends and the middle, leaving room for the "Today" marker.
  const ticks = [from, Math.round(from + span / 2), to].filter(
    (v, i, a) => a.indexOf(v) === i && Math.abs(v) / span > 0.12,
  );
  const todayAt = (0 - from) / span;
  const todayEdge =
    todayAt > 0.95
      ? ' app-timeline-chart__tick--end'
      : todayAt < 0.05
        ? ' app-timeline-chart__tick--start'
        : '';
  return (
    <figure className="app-timeline-chart" aria-hidden="true">
      <div className="app-timeline-chart__axis">
        {ticks.map((t) => (
          <span
            key={t}
            className={`app-timeline-chart__tick${t === from ? ' app-timeline-chart__tick--start' : t === to ? ' app-timeline-chart__tick--end' : ''}`}
            style={{ left: pos(t) }}
          >
            {formatShortDate(new Date(Date.parse(today) + t * 86_400_000).toISOString())}
          </span>
        ))}
        {/* Centred on its day, unless that is near an end (every item overdue, say): then drawn inside
            the chart as the end ticks are, not half cut off by its edge. */}
        <span className={`app-timeline-chart__today${todayEdge}`} style={{ left: pos(0) }}>
          Today
        </span>
      </div>
      <ol className="app-timeline-chart__rows">
        {dated.map((i, n) => {
          const d = offsets[n]!;
          const open = i.status !== 'completed' && i.status !== 'cancelled';
          const late = open && d < 0;
          const baseline = i.baselineDue?.due ? daysBetween(today, i.baselineDue.due) : undefined;
          // An open item's bar runs from today to its date; a closed one's only from its baseline.
          const now = open ? 0 : d;
          const start = Math.min(d, baseline ?? d, now);
          const end = Math.max(d, baseline ?? d, now);
          const state = open ? (late ? 'Late' : RAG_SHORT[i.rag]) : STATUS_LABELS[i.status];
          return (
            <li key={`${i.type}-${i.id}`} className="app-timeline-chart__row">
              <span className="app-timeline-chart__label">
                <span className="app-timeline-chart__state">{state}</span>
                {i.ref ? `${i.ref} ` : ''}
                {i.title}
              </span>
              <span className="app-timeline-chart__track">
                <span
                  className={`app-timeline-chart__bar${late ? ' app-timeline-chart__bar--late' : ''}`}
                  style={{ left: pos(start), width: `calc(${pos(end)} - ${pos(start)})` }}
                />
                <span
                  className={`app-timeline-chart__marker app-timeline-chart__marker--${i.rag}`}
                  style={{ left: pos(d) }}
                  title={`${STATUS_LABELS[i.status]}, ${RAG_SHORT[i.rag]}`}
                />
              </span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
