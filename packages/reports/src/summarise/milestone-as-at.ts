import { type IsoDate, londonToday } from '@peopleplan/core';
import type { ReportMilestone } from '../report-data.js';

/**
 * A milestone as it stood at the end of an ended period, so a report closed late shows what was true
 * then, not what happened next: completed after the period end, it was still open (on track, and overdue
 * if its date had passed); moved later after the period end, it was still due on its earlier date.
 * A milestone that records no completion date keeps its status: when it was completed is not known.
 */
export function milestoneAsAt(m: ReportMilestone, asOf: IsoDate): ReportMilestone {
  const completedLater = m.status === 'completed' && !!m.completedOn && m.completedOn > asOf;
  // A move is dated by the London day it was made on, as the period's end is.
  const movedLater = m.rebaselines?.findIndex((r) => londonToday(new Date(r.at)) > asOf) ?? -1;
  if (!completedLater && movedLater < 0) return m;
  const { completedOn: _done, ...rest } = m;
  const then: ReportMilestone = completedLater ? { ...rest, status: 'on-track' } : { ...m };
  if (movedLater >= 0) {
    const before = m.rebaselines![movedLater]!.from;
    const { due: _due, ...withoutDue } = then;
    return {
      ...withoutDue,
      ...(before && { due: before }),
      rebaselines: m.rebaselines!.slice(0, movedLater),
    };
  }
  return then;
}
