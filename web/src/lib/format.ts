import {
  dueOn,
  IMPORTED_PERIOD,
  latenessWords,
  londonToday,
  momentWords,
  type Timescale,
} from '@peopleplan/core';

/** Dates are civil dates (no time): formatted in UTC so the day never shifts. */
const dateFmt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortFmt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
export const formatDate = (iso: string | undefined) =>
  iso ? dateFmt.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '';
export const formatShortDate = (iso: string | undefined) =>
  iso ? shortFmt.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '';
/** "7 December 2026 at 9:05am" where the council is (core `momentWords`: the reports say it alike). */
export const formatDateTime = (iso: string | undefined) => (iso ? momentWords(iso) : '');

export { plural } from '@peopleplan/core';

/**
 * When an update was written and what it is filed under, as its history says it. An entry of the imported
 * plan's progress log has a day but no time, and is filed under no reporting period (core IMPORTED_PERIOD).
 */
export function updateFiling(u: { at: string; period?: string | undefined }): string {
  if (u.period === IMPORTED_PERIOD) return `${updateWhen(u)} · from the imported plan`;
  return updateWhen(u) + (u.period ? ` · period ${u.period}` : '');
}

/** When an update was written: its day and time, or its day alone for an entry of the imported plan's log. */
export const updateWhen = (u: { at: string; period?: string | undefined }): string =>
  u.period === IMPORTED_PERIOD ? formatDate(u.at) : formatDateTime(u.at);

/**
 * Someone as a plan names them ("Head of HR") and who that is in the directory ("Head of HR (Ed Ellis)"),
 * the name alone when the plan gives no label, the label alone when it already holds the name.
 */
export function labelWithName(label: string | undefined, name: string | undefined): string | undefined {
  const l = label?.trim();
  const n = name?.trim();
  return l && n && !l.toLowerCase().includes(n.toLowerCase()) ? `${l} (${n})` : l || n;
}

/** "3 weeks late", "13 years late", "due in 3 days", "due today": as people say it (core words.ts). */
export function lateness(daysLate: number | undefined): string {
  return daysLate === undefined ? '' : latenessWords(daysLate);
}

function next(t: Timescale): string {
  const due = dueOn(t, londonToday());
  if (!due) return '';
  return due === t.due
    ? `, next by ${formatDate(due)}`
    : `, next by ${formatDate(due)} (first ${formatDate(t.due)})`;
}

/** A start's meaning: from the first day it names ("June 2026": from 1 June 2026). */
export function startMeaning(t: Timescale | undefined): string {
  if (t && (t.kind === 'date' || t.kind === 'range') && (t.start ?? t.due))
    return `from ${formatDate(t.start ?? t.due)}`;
  return timescaleMeaning(t);
}

/** Short plain description of a timescale's parsed meaning, for tables and screen readers. */
export function timescaleMeaning(t: Timescale | undefined): string {
  if (!t) return '';
  switch (t.kind) {
    case 'date':
      return t.due ? `by ${formatDate(t.due)}` : '';
    case 'range':
      return t.start && t.due
        ? `${formatDate(t.start)} to ${formatDate(t.due)}`
        : t.due
          ? `by ${formatDate(t.due)}`
          : '';
    case 'recurring':
      // The occurrence still to come (core occurrence.ts), and the first one as the plan gave it.
      return `recurring${t.recurrence ? ` (${t.recurrence})` : ''}${next(t)}`;
    case 'relative':
      // Say which date "within 6 months" counted from: the plan's start (planDeadlineContext).
      return t.due
        ? `by ${formatDate(t.due)} (${t.start ? `counted from ${formatDate(t.start)}` : 'relative'})`
        : 'relative to another date';
    case 'ongoing':
      return 'ongoing';
    case 'completed':
      return 'completed';
    case 'tbc':
      return 'to be confirmed';
    case 'event':
      return 'depends on an event: no date';
    case 'unparsed':
      return 'not understood: needs a date';
  }
}
