import { type IsoDate, isOpen, type Rag, STATUS_LABELS, type Status } from '@peopleplan/core';
import { formatDate } from '../format.js';
import type { Forecast } from '../model.js';

/**
 * Forecast year-end status, a deliberately simple rule a committee can check by eye:
 * - a closed action (completed, deferred, cancelled) stays as it is;
 * - red → Off track, amber → At risk (the current judgement carries to year-end);
 * - not started: stays Not started without a start date or with one after year-end, else On track;
 * - work under way and due on or before the financial year end → Completed (expected by year-end);
 * - otherwise (due later, ongoing or undated) → its current status carries forward.
 */
export function forecastYearEnd(
  status: Status,
  rag: Rag,
  due: IsoDate | undefined,
  fyEnd: IsoDate,
  start?: IsoDate,
): Forecast {
  const f = (s: Status, reason: string): Forecast => ({ status: s, label: STATUS_LABELS[s], reason });
  if (!isOpen(status)) return f(status, 'Closed: no change expected');
  if (rag === 'red') return f('off-track', 'Rated red now: not expected to recover by year-end');
  if (rag === 'amber') return f('at-risk', 'Rated amber now: still at risk at year-end');
  if (status === 'not-started') {
    if (!start) return f('not-started', 'No start date agreed');
    if (start > fyEnd) return f('not-started', 'Not due to start this year');
    return f('on-track', `Due to start ${formatDate(start)}, within the year`);
  }
  if (due && due <= fyEnd) return f('completed', `Due ${formatDate(due)}, within the year, and on track`);
  return f(status, 'Due after year-end or ongoing: status carries forward');
}
