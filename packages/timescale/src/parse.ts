/**
 * Decides what a whole deadline cell means from its date expressions (scan.ts) and its words
 * (cues.ts). When two readings compete, or a date cannot be placed, the answer is `unparsed`
 * with a note saying why: a person fixes it, nothing is guessed.
 */
import type { Precision, Recurrence, Timescale } from '@peopleplan/core';
import { addBusinessDays, addDays, addHours, addMonths, addWeeks, differenceInCalendarDays } from 'date-fns';
import { fromIso, iso, type Span } from './calendar.js';
import { type Cue, type Cues, type Duration, ELSEWHERE, findCues, NO_TIMESCALE } from './cues.js';
import { blank, leftover, tidy } from './leftover.js';
import { asLondonDay, normalise } from './normalise.js';
import { place } from './ranges.js';
import { firstPeriodEnd } from './repeat-start.js';
import { scan } from './scan.js';
import type { Env, Mention } from './scan-words.js';
import { weekOf } from './week-of.js';

export interface TimescaleContext {
  /** The plan's approval or start date (`YYYY-MM-DD`): what "Immediate" and "Within 3 months" count from. */
  anchor?: string;
  /** The plan period: places two-digit years, bare months, seasons and quarters, and "year one". */
  period?: { start?: string; end?: string };
  /** The plan numbers quarters by calendar year (Q1 = January–March) instead of financial year. */
  calendarQuarters?: boolean;
  /**
   * The document writes numeric dates month first ("6/30/2026"), as US software exports them; the
   * importer decides it from all of a document's dates, never one cell's.
   */
  monthFirst?: boolean;
}

/** The schema's limit on `text` and `note`. */
const MAX = 5000;

function clip(s: string, max = MAX): string {
  if (s.length <= max) return s;
  // Never split a surrogate pair.
  const cut = /[\ud800-\udbff]/.test(s[max - 1]!) ? max - 1 : max;
  return s.slice(0, cut);
}

interface Fields {
  start?: Date;
  due?: Date;
  precision?: Precision;
  recurrence?: Timescale['recurrence'];
  notes?: (string | undefined)[];
}

function build(text: string, kind: Timescale['kind'], f: Fields = {}): Timescale {
  const note = (f.notes ?? []).filter((n): n is string => !!n).join('; ');
  if (f.start && f.due && f.start > f.due) {
    return { text, kind: 'unparsed', note: clip(`starts (${iso(f.start)}) after it is due (${iso(f.due)})`) };
  }
  const t: Timescale = { text, kind };
  if (f.start) t.start = iso(f.start);
  if (f.due) t.due = iso(f.due);
  if (f.precision && f.due) t.precision = f.precision;
  if (f.recurrence) t.recurrence = f.recurrence;
  if (note) t.note = clip(note);
  return t;
}

const unparsed = (text: string, why: string) => build(text, 'unparsed', { notes: [why] });

type FullEnv = Env & { anchor?: Date };
/** A plan's cells are parsed with one context: read it once. Bounded, since contexts come from callers. */
const envCache = new Map<string, FullEnv>();

function envOf(ctx: TimescaleContext): FullEnv {
  const key = `${ctx.anchor}|${ctx.period?.start}|${ctx.period?.end}|${ctx.calendarQuarters === true}|${ctx.monthFirst === true}`;
  let env = envCache.get(key);
  if (!env) {
    if (envCache.size >= 256) envCache.clear();
    env = readEnv(ctx);
    envCache.set(key, env);
  }
  return env;
}

function readEnv(ctx: TimescaleContext): FullEnv {
  const anchor = fromIso(ctx.anchor);
  let start = fromIso(ctx.period?.start);
  let end = fromIso(ctx.period?.end);
  if (start && end && start > end) [start, end] = [undefined, undefined];
  const refYear =
    start && end
      ? addDays(start, differenceInCalendarDays(end, start) / 2).getFullYear()
      : (start ?? end ?? anchor)?.getFullYear();
  const env: Env & { anchor?: Date } = { calendarQuarters: ctx.calendarQuarters === true };
  if (ctx.monthFirst) env.monthFirst = true;
  if (refYear !== undefined) env.refYear = refYear;
  if (start || end) env.period = { ...(start ? { start } : {}), ...(end ? { end } : {}) };
  if (anchor) env.anchor = anchor;
  return env;
}

type Role = 'end' | 'start' | 'into';
interface Dated {
  mention: Mention;
  span: Span;
  role: Role;
}

const STRAY_DATE =
  /\b(?:19|20)\d\d\b(?!\s*(?:%|staff|people|employees|hours?|days?|weeks?|months?|years?)\b)|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/i;
const START_BEFORE =
  /\b(?:from|starting(?:\s+(?:in|on|from))?|start(?:s|ing)?\s+(?:in|on|from)|commencing(?:\s+(?:in|on|from))?|commence(?:s)?(?:\s+(?:in|on|from))?|beginning(?:\s+(?:in|on|from))?|begin(?:s)?(?:\s+(?:in|on))?|since|after|with\s+effect\s+from|wef)\s*$/i;
/** "revised from December 2013": an old date, not a start. */
const REVISED_BEFORE =
  /\b(?:revised|moved|changed|slipped|deferred|postponed|delayed|put\s+back|brought\s+forward|originally|previously|was)\b[^.;]*$/i;
const START_AFTER =
  /^\s*(?:on[\s-]?wards?|and\s+beyond|forwards?|(?:-|to|until)\s*(?:on[\s-]?going|continuous|date|present|now)\b)/i;
const INTO_BEFORE = /\b(?:into|beyond)\s*$/i;

function roleOf(s: string, m: Mention): Role {
  const before = s.slice(Math.max(0, m.at - 40), m.at);
  if (m.range) return 'end';
  if (INTO_BEFORE.test(before)) return 'into';
  if (START_BEFORE.test(before) && REVISED_BEFORE.test(before)) return 'end';
  if (START_BEFORE.test(before) || START_AFTER.test(s.slice(m.end))) return 'start';
  return 'end';
}

function addDuration(from: Date, amount: number, unit: Duration['unit']): Date | undefined {
  const whole = Math.floor(amount);
  const part = amount - whole;
  switch (unit) {
    case 'hour':
      return addHours(from, amount);
    case 'day':
      return addDays(from, Math.round(amount));
    case 'working-day':
      return addBusinessDays(from, Math.round(amount));
    case 'week':
      return addDays(addWeeks(from, whole), Math.round(part * 7));
    case 'month':
      return addDays(addMonths(from, whole), Math.round(part * 30));
    case 'year': {
      const months = amount * 12;
      return addDays(addMonths(from, Math.floor(months)), Math.round((months % 1) * 30));
    }
  }
}

const quote = (c: Cue) => `"${c.text.trim()}"`;

/**
 * Parses a deadline or start as a council wrote it. Never throws; the result always satisfies
 * core's `Timescale` schema, with `text` echoed exactly (cut to 5,000 characters if longer).
 */
export function parseTimescale(text: string, ctx: TimescaleContext = {}): Timescale {
  const raw = typeof text === 'string' ? text : String(text ?? '');
  if (raw.length > MAX) return unparsed(clip(raw), `longer than ${MAX} characters: not read as a timescale`);
  try {
    return read(raw, ctx);
  } catch (e) {
    // A bug must not take down an import: show the cell to a person instead.
    return unparsed(raw, `could not be read (${(e as Error).message})`);
  }
}

function read(text: string, ctx: TimescaleContext): Timescale {
  const s = asLondonDay(normalise(text));
  const bare = s.replace(/[\s.,;:!]+$/g, '').trim();
  if (!bare) return unparsed(text, 'blank');
  const week = weekOf(text, bare, (rest) => read(rest, ctx));
  if (week) return week;
  if (NO_TIMESCALE.test(bare)) return unparsed(text, 'no timescale given');

  const env = envOf(ctx);
  const mentions = scan(s, env);
  const cues = findCues(blank(s, mentions));

  const repeat = repeated(text, s, mentions, cues, env);
  if (repeat) return repeat;

  const placed = placeAll(text, s, mentions, env);
  if ('kind' in placed) return placed;
  const { dated } = placed;

  const distinct = (role: Role) => {
    const of = dated.filter((d) => d.role === role);
    return of.filter((d, i) => of.findIndex((e) => same(e.span, d.span)) === i);
  };
  const ends = distinct('end');
  const starts = distinct('start');
  const intos = dated.filter((d) => d.role === 'into');
  if (ends.length === 2 && starts.length === 0 && !alternatives(s, ends[0]!, ends[1]!)) {
    // Two deadlines in one cell: the first is the due date, the second is kept beside it.
    const [first, second] = ends as [Dated, Dated];
    return build(text, first.mention.range ? 'range' : 'date', {
      start: first.mention.range ? first.span.lo : undefined,
      due: first.span.hi,
      precision: first.span.precision,
      notes: [
        `also ${describe(s, second)} (${iso(second.span.hi)})`,
        leftover(
          s,
          dated.map((d) => d.mention),
        ),
      ],
    });
  }
  if (ends.length > 1 || starts.length > 1) {
    return unparsed(text, `several dates: ${[...ends, ...starts].map((d) => describe(s, d)).join(', ')}`);
  }
  const end = ends[0];
  const startAt = starts[0];
  const startDate =
    startAt &&
    (/\bafter\s*$/i.test(s.slice(0, startAt.mention.at)) ? addDays(startAt.span.hi, 1) : startAt.span.lo);
  const used: { at: number; end: number }[] = dated.filter((d) => d.role !== 'into').map((d) => d.mention);
  // "Autumn 2013 onwards", "April 2013 - ongoing": the words that made it a start are spent.
  for (const d of starts) {
    const after = START_AFTER.exec(s.slice(d.mention.end));
    if (after) used.push({ at: d.mention.end, end: d.mention.end + after[0].length });
  }
  const rest = blank(s, used);
  // A status word is taken out of the note only at either end ("Completed - ...", "... ongoing"),
  // so a sentence around it still reads ("Training Plan completed and distributed").
  const atEdge = (c: Cue) => !tidy(rest.slice(0, c.at)) || !tidy(rest.slice(c.end));
  const notesFrom = (...consumed: (Cue | undefined)[]) => [
    ...mentions.filter((m) => m.note).map((m) => m.note),
    leftover(s, [...used, ...consumed.filter((c): c is Cue => !!c && atEdge(c))]),
  ];

  const conflict = conflicting(cues);
  if (conflict) return unparsed(text, conflict);

  if (cues.completed || cues.tbc) {
    const cue = (cues.completed ?? cues.tbc)!;
    return build(text, cues.completed ? 'completed' : 'tbc', {
      start: startDate ?? (end?.mention.range ? end.span.lo : undefined),
      due: end?.span.hi,
      precision: end?.span.precision,
      notes: notesFrom(cue),
    });
  }

  if (end || startAt) {
    const relative = cues.immediate ?? cues.duration ?? cues.term;
    // "Achievable within 6 months ie, by June 2006": the date says what the length of time means.
    const sameAs =
      relative &&
      end &&
      SAME_AS.test(s.slice(Math.min(relative.end, end.mention.at), Math.max(relative.at, end.mention.at)));
    if (relative && end && sameAs) {
      return build(text, 'date', {
        due: end.span.hi,
        precision: end.span.precision,
        notes: [`${quote(relative)}, that is ${describe(s, end)}`, ...notesFrom(relative)],
      });
    }
    if (relative) {
      const dates = [end, startAt].filter((d): d is Dated => !!d).map((d) => describe(s, d));
      return unparsed(text, `gives both a date (${dates.join(', ')}) and ${quote(relative)}`);
    }
    if (end && startAt) {
      return build(text, 'range', {
        start: startDate,
        due: end.span.hi,
        precision: end.span.precision,
        notes: notesFrom(),
      });
    }
    if (end) {
      const range = end.mention.range === true;
      return build(text, range ? 'range' : 'date', {
        start: range ? end.span.lo : undefined,
        due: end.span.hi,
        precision: end.span.precision,
        notes: notesFrom(),
      });
    }
    return build(text, 'ongoing', { start: startDate, notes: notesFrom(cues.ongoing) });
  }

  if (intos.length && !cues.ongoing) {
    return unparsed(text, `runs into ${intos.map((d) => describe(s, d)).join(', ')} with no end date`);
  }

  return undated(text, bare, cues, env.anchor, notesFrom);
}

/** A cell with no date: a length of time, a status, a relative or event form, or nothing readable. */
function undated(
  text: string,
  bare: string,
  cues: Cues,
  anchor: Date | undefined,
  notesFrom: (...c: (Cue | undefined)[]) => (string | undefined)[],
): Timescale {
  if (cues.duration && !cues.immediate) return relativeSpan(text, cues.duration, anchor, notesFrom);

  if (cues.ongoing) {
    const start = cues.immediate ? anchor : undefined;
    const notes = notesFrom(cues.ongoing, cues.immediate);
    if (cues.immediate && !start) notes.push('starts immediately');
    return build(text, 'ongoing', { start, notes });
  }

  if (cues.immediate || cues.term) {
    const cue = (cues.immediate ?? cues.term)!;
    if (cues.event) return build(text, 'event', { notes: [`${quote(cue)}: once the event happens`] });
    if (!anchor) return unparsed(text, `${quote(cue)} counts from the plan's start, which is not known`);
    const notes = notesFrom(cue);
    if (cues.term) notes.push(`${quote(cues.term)} gives no end date`);
    return build(text, 'relative', { start: anchor, notes });
  }

  if (cues.event) return build(text, 'event');
  if (ELSEWHERE.test(bare)) return unparsed(text, 'refers to another row');
  if (cues.status) return unparsed(text, `${quote(cues.status)} is a progress status, not a timescale`);
  return unparsed(text, 'no date or timescale found');
}

/**
 * Every date expression placed in time, or the answer when one cannot be: a date that cannot be
 * read, or written in a way no rule reads, makes the cell unparsed.
 */
function placeAll(text: string, s: string, mentions: Mention[], env: Env & { anchor?: Date }) {
  const issues = mentions.filter((m) => m.issue).map((m) => m.issue!);
  const unread = mentions.filter((m) => m.issue);
  const dated: Dated[] = [];
  for (const m of mentions) {
    if (m.issue) continue;
    const span = m.span ?? place(m.yearless!, env.period);
    if (typeof span === 'string') {
      issues.push(span);
      unread.push(m);
    } else dated.push({ mention: m, span, role: roleOf(s, m) });
  }
  // "FY 17 Q3 30/06/2017": one exact day beside a quarter that cannot be placed; the day is the
  // deadline and the quarter is named in the note.
  const quarterOnly = unread.every((m) => /^(?:fy|q[1-4]|quarter)/i.test(s.slice(m.at, m.end).trim()));
  if (issues.length && quarterOnly && dated.length === 1 && dated[0]!.span.precision === 'day') {
    return build(text, 'date', {
      due: dated[0]!.span.hi,
      precision: 'day',
      notes: [`also ${issues.join('; ')}`],
    });
  }
  if (issues.length) return unparsed(text, issues.join('; '));
  // A date written in a way none of the rules read ("31/03/2014-2014") must not be dropped silently.
  const stray = STRAY_DATE.exec(blank(s, mentions));
  if (stray) return unparsed(text, `"${stray[0]}" looks like a date but could not be read`);
  return { dated };
}

/** Words that say two timescales are one: "within 6 months ie, by June 2006". */
const SAME_AS = /\bi\.?\s?e\b\.?|\bthat\s+is\b|\bnamely\b/i;

/** "March 2014 or April 2014", "Dec 2013/Jan 2014": one date or the other, not two deadlines. */
function alternatives(s: string, a: Dated, b: Dated): boolean {
  const between = s.slice(a.mention.end, b.mention.at);
  return /^\s*(?:or|\/|either)\s*$|\bor\b/i.test(between) || /\beither\b/i.test(s.slice(0, a.mention.at));
}

const same = (a: Span, b: Span) => a.lo.getTime() === b.lo.getTime() && a.hi.getTime() === b.hi.getTime();
const describe = (s: string, d: Dated) => `"${s.slice(d.mention.at, d.mention.end)}"`;

/** Two statuses that cannot both hold ("Ongoing Completed"). */
function conflicting(c: Cues): string | undefined {
  const said = (
    [
      ['completed', c.completed],
      ['ongoing', c.ongoing],
      ['to be confirmed', c.tbc],
    ] as const
  ).filter(([, cue]) => cue);
  if (said.length < 2) return undefined;
  // "Ongoing", "TBC" and a date can go together ("TBC – ongoing"); "completed" cannot.
  if (!c.completed) return undefined;
  return `says both ${said.map(([, cue]) => quote(cue!)).join(' and ')}`;
}

function relativeSpan(
  text: string,
  d: Duration,
  anchor: Date | undefined,
  notesFrom: (...c: (Cue | undefined)[]) => (string | undefined)[],
): Timescale {
  const what = `"${d.text.trim()}"`;
  if (!d.anchored) {
    const from = d.from
      ? `counted from "${d.from}", which has no date`
      : 'a length of time with no stated start';
    return build(text, 'relative', { notes: [`${what}: ${from}`] });
  }
  if (d.upTo !== undefined) {
    if (!anchor) return unparsed(text, `${what} counts from the plan's start, which is not known`);
    return build(text, 'relative', {
      start: anchor,
      notes: [...notesFrom(d), `${what} gives no single end date`],
    });
  }
  if (!anchor) return unparsed(text, `${what} counts from the plan's start, which is not known`);
  const due = addDuration(anchor, d.amount, d.unit);
  if (!due) return unparsed(text, `${what} could not be counted`);
  return build(text, 'relative', { start: anchor, due, precision: 'day', notes: notesFrom(d) });
}

/** A repeat that names no date: its first period end from the plan's start (repeat-start.ts), if known. */
function repeatFromStart(
  text: string,
  recurrence: Recurrence | undefined,
  notes: (string | undefined)[],
  env: Env & { anchor?: Date },
  /** When the repeat says when it starts ("Quarterly from June 2026"). */
  start?: Date,
): Timescale {
  const base = start ?? env.anchor ?? env.period?.start;
  const first = base && firstPeriodEnd(recurrence, base);
  if (!first) return build(text, 'recurring', { start, recurrence, notes });
  const from = start ? 'it starts' : 'the plan starts';
  const read = `read as ${first.words}, the first after ${from} (${iso(first.due)}): correct it if the plan means other days`;
  return build(text, 'recurring', {
    start,
    due: first.due,
    precision: first.precision,
    recurrence,
    notes: [...notes, read],
  });
}

/** Repeats: "Quarterly", "Monthly progress", "Each year in April", "Q1, Q2, Q3, Q4". */
function repeated(text: string, s: string, mentions: Mention[], cues: Cues, env: Env & { anchor?: Date }) {
  const quarters = mentions.filter((m) => /^(?:q[1-4]|quarter\s*[1-4])$/i.test(s.slice(m.at, m.end)));
  if (quarters.length === 4 && mentions.length === 4) {
    const all = new Set(quarters.map((m) => s.slice(m.at, m.end).slice(-1)));
    if (all.size === 4) return repeatFromStart(text, 'quarterly', [leftover(s, mentions)], env);
  }
  const everyMonth = mentions.find(
    (m) =>
      m.yearless &&
      /\b(?:every|each)\s*$/i.test(s.slice(0, m.at)) &&
      /^[a-z]+\.?$/i.test(s.slice(m.at, m.end)),
  );
  const cue =
    cues.repeat ??
    (everyMonth
      ? { at: everyMonth.at, end: everyMonth.at, text: 'every', recurrence: 'annual' as const }
      : undefined);
  if (!cue) return undefined;
  if (mentions.some((m) => m.issue)) return undefined;
  const notes: (string | undefined)[] = [];
  if (cue.why) notes.push(`"${cue.text}" ${cue.why}`);
  let start: Date | undefined;
  let due: Date | undefined;
  let precision: Precision | undefined;
  const used: { at: number; end: number }[] = [cue];
  const dues: { due: Date; precision: Precision; text: string }[] = [];
  for (const m of mentions) {
    const label = s.slice(m.at, m.end);
    if (m.yearless) {
      // "31 August (annually)", "By end of March annually": the first such day on or after the plan
      // starts (its anchor, else its period); with neither, the repeat is known but not its first date.
      used.push(m);
      const base = env.anchor ?? env.period?.start;
      if (!base) {
        notes.push(`"${label}" each time: the first date needs the plan's start`);
        continue;
      }
      for (let y = base.getFullYear(); y <= base.getFullYear() + 1; y++) {
        const span = m.yearless.build(y);
        if (span && span.hi >= base) {
          dues.push({ due: span.hi, precision: span.precision, text: label });
          break;
        }
      }
      continue;
    }
    const span = m.span!;
    used.push(m);
    const role = roleOf(s, m);
    if (m.range) {
      start = span.lo;
      dues.push({ due: span.hi, precision: span.precision, text: label });
    } else if (role === 'start') start = span.lo;
    else if (role === 'end') dues.push({ due: span.hi, precision: span.precision, text: label });
  }
  // The first date written is the next due; any later ones ("August 2018 and August 2020") are kept.
  const first = dues[0];
  if (!first) {
    notes.unshift(leftover(s, used));
    return repeatFromStart(text, cue.recurrence, notes, env, start);
  }
  if (first) [due, precision] = [first.due, first.precision];
  for (const d of dues.slice(1)) notes.push(`also "${d.text}" (${iso(d.due)})`);
  notes.unshift(leftover(s, used));
  return build(text, 'recurring', { start, due, precision, recurrence: cue.recurrence, notes });
}
