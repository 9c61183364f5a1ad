import {
  dueOn,
  type IsoDate,
  nounInSentence,
  PLAN_KIND_NAMES,
  type Plan,
  repeatOf,
  type Timescale,
  themeNounOf,
} from '@peopleplan/core';
import { format, isValid, parse, parseISO } from 'date-fns';

/** Display helpers shared by the model and the renderers (en-GB). */

const shownDates = new Map<IsoDate, string>();
/** `30 Sep 2013`. Plans repeat a few dozen dates many times, so each is formatted once. */
export function formatDate(iso: IsoDate): string {
  let shown = shownDates.get(iso);
  if (shown === undefined) {
    shown = format(parseISO(iso), 'd MMM yyyy');
    if (shownDates.size < 10_000) shownDates.set(iso, shown);
  }
  return shown;
}

/**
 * `heading: rest`, the heading's own closing stop, colon, semicolon or comma dropped first, so a theme
 * named "… in decision-making." captions its table "… in decision-making: actions", not "….: actions".
 * A heading that ends in a question or an exclamation keeps it, and a dash follows.
 */
export function headed(heading: string, rest: string): string {
  const h = heading.trimEnd();
  return /[?!]$/.test(h) ? `${h} – ${rest}` : `${h.replace(/[\s.:;,]+$/, '')}: ${rest}`;
}

/** The day `formatDate` wrote (`30 Sep 2013` → `2013-09-30`), for a model that keeps the words alone. */
export function dateOfShown(shown: string): IsoDate | undefined {
  const d = parse(shown, 'd MMM yyyy', new Date(0));
  return isValid(d) ? format(d, 'yyyy-MM-dd') : undefined;
}

/** A timescale as written, with the parsed date beside it when the text is not already that date. */
export interface TimescaleView {
  /** Exactly as the council wrote it. */
  text: string;
  /** The parsed (due or start) date, if there is one. */
  parsed?: IsoDate;
  /** `June 2013 (30 Jun 2013)`, or just the text. */
  display: string;
}

/**
 * `on`: the day the report is as at. A repeating deadline is then due on its occurrence current that
 * day (core occurrence.ts), shown as `Quarterly (next 31 Dec 2026)`.
 */
export function timescaleView(
  t: Timescale | undefined,
  which: 'start' | 'due',
  on?: IsoDate,
): TimescaleView | undefined {
  if (!t) return undefined;
  const repeats = which === 'due' && on !== undefined && repeatOf(t) !== undefined;
  const parsed = which === 'start' ? (t.start ?? t.due) : repeats ? dueOn(t, on!) : t.due;
  const text = t.text.trim();
  if (!parsed) return { text, display: text || '—' };
  const shown = repeats ? `next ${formatDate(parsed)}` : formatDate(parsed);
  return { text, parsed, display: !text ? shown : text === shown ? text : `${text} (${shown})` };
}

export interface PlanKindLabels {
  /** What the plan is: shown under the title. */
  kind: string;
  /** What the plan calls its groups: `Priority`, `Heading`… */
  theme: string;
  /** Plural for section headings. */
  themes: string;
}

/** What a plan is, and what it calls its groups: the council's own word if the plan has one (core). */
export function planLabels(plan: Pick<Plan, 'kind' | 'themeNoun'>): PlanKindLabels {
  const theme = themeNounOf(plan);
  return { kind: PLAN_KIND_NAMES[plan.kind], theme, themes: nounInSentence(theme) };
}

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** `85%`, `12 days`, `3.5`; `—` for no value. */
export function formatValue(value: number | null | undefined, unit?: string): string {
  if (value === null || value === undefined) return '—';
  const n = NUMBER.format(value);
  if (!unit) return n;
  return unit === '%' ? `${n}%` : unit === '£' ? `£${n}` : `${n} ${unit}`;
}

/** Natural order for refs (core). */
export { compareRefs } from '@peopleplan/core';
