import {
  isCalendarDate,
  nounWords,
  type PlanKind,
  type ReviewCadence,
  THEME_NOUN,
  type ThemeWords,
} from '@peopleplan/core';
import type { ApiInit } from './api.js';
import type { PlanRow } from './responses.js';

/** A date as the GOV.UK date input holds it: three boxes, as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** A plan's details as its form holds them (new plan and change of details alike). */
export interface PlanDraft {
  title: string;
  kind: PlanKind | '';
  /** What the plan calls its groups, if not its kind's word ("Theme", "Objective"). */
  themeNoun: string;
  periodLabel: string;
  periodStart: DateParts;
  periodEnd: DateParts;
  ownerPersonId: string;
  ownerLabel: string;
  directorate: string;
  division: string;
  approvalBody: string;
  approvalDate: DateParts;
  reviewCadence: ReviewCadence;
  reportingPoints: Array<{ label: string; date: DateParts }>;
}

export const NO_DATE: DateParts = { day: '', month: '', year: '' };

export const partsOf = (iso: string | undefined): DateParts =>
  iso
    ? { year: iso.slice(0, 4), day: String(Number(iso.slice(8, 10))), month: String(Number(iso.slice(5, 7))) }
    : NO_DATE;

const blank = (d: DateParts) => !d.day.trim() && !d.month.trim() && !d.year.trim();

/** The date typed, `YYYY-MM-DD`; '' when left blank; undefined when it is not a real date. */
export function isoOf(d: DateParts): string | undefined {
  if (blank(d)) return '';
  const [day, month, year] = [d.day, d.month, d.year].map((x) => x.trim());
  if (!/^\d{1,2}$/.test(day!) || !/^\d{1,2}$/.test(month!) || !/^\d{4}$/.test(year!)) return undefined;
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

export const emptyPlanDraft = (): PlanDraft => ({
  title: '',
  kind: '',
  themeNoun: '',
  periodLabel: '',
  periodStart: NO_DATE,
  periodEnd: NO_DATE,
  ownerPersonId: '',
  ownerLabel: '',
  directorate: '',
  division: '',
  approvalBody: '',
  approvalDate: NO_DATE,
  reviewCadence: 'quarterly',
  reportingPoints: [],
});

export const draftOfPlan = (p: PlanRow): PlanDraft => ({
  title: p.title,
  kind: p.kind,
  themeNoun: p.themeNoun ?? '',
  periodLabel: p.period.label ?? '',
  periodStart: partsOf(p.period.start),
  periodEnd: partsOf(p.period.end),
  ownerPersonId: p.ownerPersonId ?? '',
  ownerLabel: p.ownerLabel ?? '',
  directorate: p.directorate ?? '',
  division: p.division ?? '',
  approvalBody: p.approval?.body ?? '',
  approvalDate: partsOf(p.approval?.date),
  reviewCadence: p.reviewCadence,
  reportingPoints: p.reportingPoints.map((r) => ({ label: r.label, date: partsOf(r.date) })),
});

/**
 * What the plan being typed calls its groups: the word typed, else the chosen kind's, else "Theme"
 * (before a kind is chosen), so the form's own labels follow what the person is writing.
 */
export const draftThemeWords = (d: Pick<PlanDraft, 'kind' | 'themeNoun'>): ThemeWords =>
  nounWords(d.themeNoun.trim() || (d.kind ? THEME_NOUN[d.kind] : 'Theme'));

export type PlanErrors = Partial<Record<string, string>>;

/** What the form checks before sending (the API checks again), keyed by field id. */
export function validatePlan(d: PlanDraft): PlanErrors {
  const e: PlanErrors = {};
  if (!d.title.trim()) e.title = 'Enter the plan’s title';
  if (!d.kind) e.kind = 'Choose what kind of plan it is';
  if (d.themeNoun.trim().length > 40)
    e.themeNoun = 'What the plan calls its groups must be 40 characters or fewer';
  const start = isoOf(d.periodStart);
  const end = isoOf(d.periodEnd);
  if (start === undefined)
    e['periodStart-day'] = 'The period’s start must be a real date, for example 1 4 2026';
  if (end === undefined) e['periodEnd-day'] = 'The period’s end must be a real date, for example 31 3 2027';
  if (start && end && end < start) e['periodEnd-day'] = 'The period must end after it starts';
  if (isoOf(d.approvalDate) === undefined) e['approvalDate-day'] = 'The approval date must be a real date';
  const seen = new Set<string>();
  d.reportingPoints.forEach((r, i) => {
    const n = i + 1;
    const label = r.label.trim().toLowerCase();
    if (!label) e[`point-${n}-label`] = `Give reporting point ${n} a name`;
    else if (seen.has(label)) e[`point-${n}-label`] = `Reporting point ${n} has the same name as another`;
    seen.add(label);
    if (!isoOf(r.date)) e[`point-${n}-date-day`] = `Give reporting point ${n} a real date`;
  });
  return e;
}

type CreateBody = NonNullable<ApiInit<'post', '/api/v1/councils/{c}/plans'>['body']>;

/** The plan's details as the API takes them (for a new plan, or a change: send with a version). */
export function planBody(d: PlanDraft): Omit<CreateBody, 'themes' | 'status' | 'sections'> {
  const start = isoOf(d.periodStart);
  const end = isoOf(d.periodEnd);
  const approvalDate = isoOf(d.approvalDate);
  const text = (s: string) => s.trim() || undefined;
  return {
    title: d.title.trim(),
    kind: d.kind as PlanKind,
    ...(text(d.themeNoun) ? { themeNoun: text(d.themeNoun) } : {}),
    period: {
      ...(text(d.periodLabel) ? { label: text(d.periodLabel) } : {}),
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
    },
    ...(d.ownerPersonId ? { ownerPersonId: d.ownerPersonId } : {}),
    ...(text(d.ownerLabel) ? { ownerLabel: text(d.ownerLabel) } : {}),
    ...(text(d.directorate) ? { directorate: text(d.directorate) } : {}),
    ...(text(d.division) ? { division: text(d.division) } : {}),
    approval: {
      ...(text(d.approvalBody) ? { body: text(d.approvalBody) } : {}),
      ...(approvalDate ? { date: approvalDate } : {}),
    },
    reviewCadence: d.reviewCadence,
    reportingPoints: d.reportingPoints.map((r) => ({ label: r.label.trim(), date: isoOf(r.date) as string })),
  };
}

type PatchBody = NonNullable<ApiInit<'patch', '/api/v1/councils/{c}/plans/{planId}'>['body']>;

/** A change of details: every field sent, so a field emptied in the form is emptied in the plan. */
export function planPatchBody(d: PlanDraft, version: number): PatchBody {
  const { ownerPersonId: _p, ...rest } = planBody(d);
  return {
    ...rest,
    version,
    ownerPersonId: d.ownerPersonId || null,
    themeNoun: d.themeNoun.trim(),
    ownerLabel: d.ownerLabel.trim(),
    directorate: d.directorate.trim(),
    division: d.division.trim(),
  };
}
