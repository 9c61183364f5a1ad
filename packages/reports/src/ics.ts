import { type IsoDate, type Recurrence, repeatStep } from '@peopleplan/core';
import ical, { ICalEventRepeatingFreq, type ICalRepeatingOptions } from 'ical-generator';
import { oneLine, xmlSafe } from './text.js';

/** What a calendar entry needs from a milestone; the model's `MilestoneRow` fits as it is. */
export interface IcsMilestone {
  id: string;
  ref: string;
  title: string;
  actionId: string;
  actionRef: string;
  actionTitle: string;
  /** `repeats`: a repeating deadline, whose `parsed` date is its first occurrence. */
  due?: { text: string; parsed?: IsoDate; repeats?: Recurrence | undefined };
  statusLabel?: string;
}

const F = ICalEventRepeatingFreq;

/**
 * The calendar's rule for a repeating deadline, from the steps core occurrence.ts counts by: weeks as
 * WEEKLY, months as MONTHLY (whole years as YEARLY). A month's last day repeats on each month's last day
 * (BYMONTHDAY=-1), so a quarter end stays one.
 */
function repeatRule(first: IsoDate, every: Recurrence): ICalRepeatingOptions {
  const step = repeatStep(every);
  if ('days' in step) return { freq: F.WEEKLY, interval: step.days / 7 };
  const [y, m, d] = first.split('-').map(Number) as [number, number, number];
  const monthEnd = new Date(Date.UTC(y, m, 0)).getUTCDate() === d;
  if (step.months % 12 === 0) {
    const rule = { freq: F.YEARLY, interval: step.months / 12 };
    // Yearly, only February's end moves (28th or 29th); BYMONTHDAY alone would repeat every month.
    return monthEnd && m === 2 ? { ...rule, byMonth: [2], byMonthDay: [-1] } : rule;
  }
  const rule = { freq: F.MONTHLY, interval: step.months };
  return monthEnd ? { ...rule, byMonthDay: [-1] } : rule;
}

export interface IcsInput {
  /** Calendar name shown by the client: `Kent – HR Business Plan 2013-14 milestones`. */
  name: string;
  milestones: readonly IcsMilestone[];
  /**
   * The web app's base URL and the council the feed belongs to: each event links to the app's action
   * page, `<baseUrl>/councils/<councilId>/actions/<actionId>#milestone-<id>`.
   */
  baseUrl: string;
  councilId: string;
  /** DTSTAMP; defaults to now. Pass a fixed time for byte-identical output. */
  stamp?: Date;
}

export interface IcsResult {
  ics: string;
  events: number;
  /** Milestones left out because their due date has no parsed form ("Various into 2014"). */
  skipped: number;
  skippedRefs: string[];
}

/** Stable across exports, so a re-imported calendar updates its events instead of duplicating them. */
export const milestoneUid = (id: string): string => `milestone-${id}@peopleplan`;

/** An iCalendar feed of milestones: all-day events on the parsed due date. */
export function renderIcs({ name, milestones, baseUrl, councilId, stamp }: IcsInput): IcsResult {
  // Titles and names are people's text: a line break in one must not start a line of the feed.
  const cal = ical({
    name: oneLine(name),
    prodId: { company: 'PeoplePlan', product: 'Milestones', language: 'EN' },
  });
  const base = `${baseUrl.replace(/\/+$/, '')}/councils/${encodeURIComponent(councilId)}`;
  const skippedRefs: string[] = [];
  for (const m of milestones) {
    const due = m.due?.parsed;
    if (!due) {
      skippedRefs.push(m.ref);
      continue;
    }
    const url = `${base}/actions/${encodeURIComponent(m.actionId)}#milestone-${encodeURIComponent(m.id)}`;
    const description = [
      `Action ${m.actionRef}: ${m.actionTitle}`,
      `Due as written: ${m.due?.text ?? ''}`,
      ...(m.statusLabel ? [`Status: ${m.statusLabel}`] : []),
      url,
    ].join('\n');
    // A Date at UTC midnight: with no calendar time zone, ical-generator writes an all-day DATE from its UTC parts.
    const start = new Date(`${due}T00:00:00Z`);
    cal.createEvent({
      id: milestoneUid(m.id),
      start,
      allDay: true,
      summary: oneLine(`Milestone ${m.ref}: ${m.title}`),
      description: xmlSafe(description),
      url,
      ...(m.due?.repeats && { repeating: repeatRule(due, m.due.repeats) }),
      ...(stamp && { stamp }),
    });
  }
  return {
    ics: cal.toString(),
    events: milestones.length - skippedRefs.length,
    skipped: skippedRefs.length,
    skippedRefs,
  };
}
