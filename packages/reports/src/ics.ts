import type { IsoDate } from '@peopleplan/core';
import ical from 'ical-generator';
import { oneLine, xmlSafe } from './text.js';

/** What a calendar entry needs from a milestone; the model's `MilestoneRow` fits as it is. */
export interface IcsMilestone {
  id: string;
  ref: string;
  title: string;
  actionId: string;
  actionRef: string;
  actionTitle: string;
  due?: { text: string; parsed?: IsoDate };
  statusLabel?: string;
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
