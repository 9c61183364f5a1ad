/**
 * Finds the date expressions in a normalised cell: every place a month, day, season, quarter,
 * financial year or year is written, what stretch of time it stands for, and why it cannot be
 * read when it cannot. Deciding what the whole cell means is parse.ts's job.
 */
import { addMonths, addYears, endOfMonth, format } from 'date-fns';
import {
  daySpan,
  fySpan,
  monthSpan,
  quarterSpan,
  type Season,
  type Span,
  seasonSpan,
  yearRangeSpan,
  yearSpan,
} from './calendar.js';
import { planYear } from './plan-year.js';
import { joinRanges } from './ranges.js';
import {
  type Env,
  execAt,
  type Found,
  type Matcher,
  type Mention,
  MON_ANY,
  MONTH_RE,
  mon,
  monthNumber,
  notADate,
  sticky,
  year,
  yr,
} from './scan-words.js';

const ISO = sticky('(?<y>\\d{4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})(?!\\d)');
const isoDate: Matcher = (s, i) => {
  const m = execAt(ISO, s, i);
  if (!m?.groups) return undefined;
  const span = daySpan(Number(m.groups.y), Number(m.groups.m), Number(m.groups.d));
  const end = i + m[0].length;
  return span ? { end, span } : { end, issue: notADate(m[0]) };
};

const NUMERIC = sticky(
  '(?<a>\\d{1,2})(?<sep>[/.-])(?<b>\\d{1,2})\\k<sep>(?<c>\\d{4}|\\d{2})(?!\\d|[/.-]\\d)',
);
/** 31/03/2014, 31.3.14: day first, as written in the UK (month first where the document is: 6/30/2026). */
const numericDate: Matcher = (s, i, env) => {
  const m = execAt(NUMERIC, s, i);
  if (!m?.groups) return undefined;
  const end = i + m[0].length;
  const [first, second, c] = [Number(m.groups.a), Number(m.groups.b), m.groups.c!];
  if (env.monthFirst) {
    const span = daySpan(year(c, env), first, second);
    return span ? { end, span } : { end, issue: notADate(m[0]) };
  }
  const [a, b] = [first, second];
  if (b > 12) {
    return {
      end,
      issue: a <= 12 ? `"${m[0]}" reads as month/day/year; UK dates are day/month/year` : notADate(m[0]),
    };
  }
  const span = daySpan(year(c, env), b, a);
  if (!span) return { end, issue: notADate(m[0]) };
  // 03/04/05 is day/month/year in the UK; written with a two-digit year it could also be
  // year/month/day, so the plan's period must agree: the day-first reading falls in it, or near it
  // (a start shortly before the period) while the year-first one does not.
  if (c.length === 2 && a <= 12 && Number(c) <= 12) {
    const yearFirst = daySpan(year(m.groups.a!, env), b, Number(c));
    const near = nearPeriod(span.hi, env.period);
    const settled = within(span.hi, env.period) || (near && !(yearFirst && within(yearFirst.hi, env.period)));
    if (!settled) {
      return { end, issue: `"${m[0]}" can be read more than one way and the plan period does not settle it` };
    }
  }
  return { end, span };
};

function within(d: Date, period: Env['period']): boolean {
  return !!period?.start && !!period.end && d >= period.start && d <= period.end;
}

/** Within a year either side of the plan period. */
function nearPeriod(d: Date, period: Env['period']): boolean {
  return !!period?.start && !!period.end && d >= addYears(period.start, -1) && d <= addYears(period.end, 1);
}

const DMY = sticky(`(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?(?:-|\\s*)${mon('m')}(?:-|[\\s,]*)${yr('y')}`);
const dayMonthYear: Matcher = (s, i, env) => {
  const m = execAt(DMY, s, i);
  if (!m?.groups) return undefined;
  const end = i + m[0].length;
  const span = daySpan(year(m.groups.y!, env), monthNumber(m.groups.m!), Number(m.groups.d));
  return span ? { end, span } : { end, issue: notADate(m[0]) };
};

const MDY = sticky(`${mon('m')}\\s+(?<d>\\d{1,2})(?:st|nd|rd|th|(?=,))\\s*,?\\s*(?<y>\\d{4})(?!\\d)`);
/** "June 13th 2013", "June 13, 2013": the ordinal or comma shows 13 is a day, not '13. */
const monthDayYear: Matcher = (s, i) => {
  const m = execAt(MDY, s, i);
  if (!m?.groups) return undefined;
  const end = i + m[0].length;
  const span = daySpan(Number(m.groups.y), monthNumber(m.groups.m!), Number(m.groups.d));
  return span ? { end, span } : { end, issue: notADate(m[0]) };
};

const DM = sticky(`(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?(?:-|\\s*)${mon('m')}`);
const dayMonth: Matcher = (s, i) => {
  const m = execAt(DM, s, i);
  if (!m?.groups) return undefined;
  const [d, month] = [Number(m.groups.d), monthNumber(m.groups.m!)];
  if (d < 1 || d > 31) return undefined;
  return { end: i + m[0].length, yearless: { label: m[0], build: (y) => daySpan(y, month, d) } };
};

const MONTH_LIST = sticky(
  `${MON_ANY}(?:\\s*(?:-|/|to|until|till|through|thru|&|and|or)\\s*${MON_ANY})+[\\s,]*${yr('y')}`,
);
/** "Apr-Jun 13", "April to August 2013", "March/April 2005": one year for several months. */
const monthList: Matcher = (s, i, env) => {
  const m = execAt(MONTH_LIST, s, i);
  if (!m?.groups) return undefined;
  const months = [...m[0].matchAll(MONTH_RE)].map((w) => monthNumber(w[0]));
  const y = year(m.groups.y!, env);
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const lo = monthSpan(first > last ? y - 1 : y, first);
  const hi = monthSpan(y, last);
  const end = i + m[0].length;
  if (!lo || !hi) return { end, issue: notADate(m[0]) };
  return { end, range: true, span: { lo: lo.lo, hi: hi.hi, precision: 'month' } };
};

const MY = sticky(`${mon('m')}(?:-|[\\s,]*)${yr('y')}`);
/** "April 08", "Sept 2013", "April13": the month's last day. */
const monthYear: Matcher = (s, i, env) => {
  const m = execAt(MY, s, i);
  if (!m?.groups) return undefined;
  const span = monthSpan(year(m.groups.y!, env), monthNumber(m.groups.m!));
  const end = i + m[0].length;
  return span ? { end, span } : { end, issue: notADate(m[0]) };
};

const FY_LABEL = sticky(
  "(?<fy>fy|f/y|financial\\s+year|fiscal\\s+year)?\\s*'?(?<a>\\d{4}|\\d{2})\\s*(?<sep>[-/]|\\s|to)\\s*'?(?<b>\\d{4}|\\d{2}|\\d)(?!\\d|[/.:]\\d)",
);
const MONTH_AFTER = new RegExp(`^\\s*${MON_ANY}`, 'i');
const UNIT_AFTER = /^\s*(?:%|hours?|hrs?|days?|weeks?|months?|years?|yrs?|mins?|minutes?|staff|people)\b/i;

type YearPair = { end: number; fy: number; note?: string } | { end: number; years: [number, number] };

/** "2013/14", "2013-2014", "FY13/14", "2005/6", "2004 -05", "2006 07"; also "2013-2015" (years). */
function readYearPair(s: string, i: number, env: Env): YearPair | { end: number; issue: string } | undefined {
  const m = execAt(FY_LABEL, s, i);
  if (!m?.groups) return undefined;
  const { fy, a, b, sep } = m.groups as Record<string, string>;
  const end = i + m[0].length;
  const rest = s.slice(end);
  if (UNIT_AFTER.test(rest) || MONTH_AFTER.test(rest)) return undefined;
  if (a!.length === 2 && (b!.length !== 2 || (!fy && sep !== '/'))) return undefined;
  if (a!.length === 4 && sep === ' ' && b!.length !== 2) return undefined;
  const start = a!.length === 4 ? Number(a) : year(a!, env);
  const next = start + 1;
  const consecutive = b!.length === 4 ? Number(b) === next : Number(b) === next % 10 ** b!.length;
  if (consecutive) {
    if (!fySpan(start)) return { end, issue: notADate(m[0]) };
    const note =
      !fy && b!.length === 4 && sep !== '/'
        ? `"${m[0].trim()}" read as the financial year ${start}-${String(next % 100).padStart(2, '0')}`
        : undefined;
    return note ? { end, fy: start, note } : { end, fy: start };
  }
  if (fy || a!.length !== 4 || b!.length === 1 || sep === ' ') return undefined;
  const last = b!.length === 4 ? Number(b) : Math.floor(start / 100) * 100 + Number(b);
  if (last <= start) return { end, issue: `"${m[0].trim()}" ends before it starts` };
  return { end, years: [start, last] };
}

const financialYear: Matcher = (s, i, env) => {
  const r = readYearPair(s, i, env);
  if (!r || 'issue' in r) return r;
  if ('fy' in r) {
    // "2014/15 Q2": the quarter written after its year.
    const q = execAt(FY_THEN_QUARTER, s, r.end);
    if (q?.groups) {
      const n = quarterOf(q.groups, 1)!;
      return { end: r.end + q[0].length, span: quarterSpan(r.fy, n, false)! };
    }
    return { end: r.end, span: fySpan(r.fy)!, ...(r.note ? { note: r.note } : {}) };
  }
  const span = yearRangeSpan(r.years[0], r.years[1]);
  if (!span) return { end: r.end, issue: notADate(s.slice(i, r.end)) };
  return {
    end: r.end,
    range: true,
    span,
    note: `"${s.slice(i, r.end).trim()}" read as financial years: 1 April ${r.years[0]} to 31 March ${r.years[1]}`,
  };
};

const FY_SINGLE = sticky(
  "(?:fy|financial\\s+year|fiscal\\s+year)\\s*'?(?<y>\\d{4}|\\d{2})(?!\\d|\\s*[-/]\\s*\\d)",
);
const financialYearSingle: Matcher = (s, i, env) => {
  const m = execAt(FY_SINGLE, s, i);
  if (!m?.groups) return undefined;
  const y = year(m.groups.y!, env);
  // "Financial year 2011" is the UK's name for the year beginning 1 April 2011 (HMRC's usage);
  // "FY2014" has no such convention and stays a question.
  if (/^(?:financial|fiscal)/i.test(m[0]) && m.groups.y!.length === 4)
    return financialYearNamed(i + m[0].length, y, m[0]);
  return {
    end: i + m[0].length,
    issue: `"${m[0]}" could mean ${y - 1}-${String(y % 100).padStart(2, '0')} or ${y}-${String((y + 1) % 100).padStart(2, '0')}`,
  };
};

function financialYearNamed(end: number, y: number, text: string): Found {
  const span = fySpan(y);
  if (!span) return { end, issue: notADate(text) };
  return {
    end,
    span,
    note: `"${text.trim()}" read as ${y}-${String((y + 1) % 100).padStart(2, '0')}, the financial year beginning 1 April ${y}`,
  };
}

const YEAR_THEN_FY = sticky('(?<y>\\d{4})\\s+(?:financial|fiscal)\\s+year(?![a-z])');
/** "2011 financial year": the financial year beginning 1 April 2011. */
const yearThenFinancialYear: Matcher = (s, i) => {
  const m = execAt(YEAR_THEN_FY, s, i);
  if (!m?.groups) return undefined;
  return financialYearNamed(i + m[0].length, Number(m.groups.y), m[0]);
};

/** A year or financial year written after a season, quarter or "end of year". */
function readYearAfter(s: string, i: number, env: Env, twoDigit: boolean) {
  const j = i + (execAt(/[\s,]*(?:-\s*(?='?\d))?(?:of\s+)?(?:the\s+)?/iy, s, i)?.[0].length ?? 0);
  const pair = readYearPair(s, j, env);
  if (pair && !('years' in pair)) return pair;
  const m = execAt(twoDigit ? /'?(\d{4}|\d{2})(?!\d|[/.:-]\d)/y : /(\d{4})(?!\d|[/.:-]\d)/y, s, j);
  if (m && !UNIT_AFTER.test(s.slice(j + m[0].length)))
    return { end: j + m[0].length, year: year(m[1]!, env) };
  return undefined;
}

const SEASON = sticky('(?<s>spring|summer|autumn|fall|winter)(?![a-z])(?<term>\\s+terms?(?![a-z]))?');
/** Meteorological seasons: "Spring 09", "Winter 2013/14", or "Summer" placed by the period. */
const season: Matcher = (s, i, env) => {
  const m = execAt(SEASON, s, i);
  if (!m?.groups) return undefined;
  const name = (m.groups.s!.toLowerCase() === 'fall' ? 'autumn' : m.groups.s!.toLowerCase()) as Season;
  const after = readYearAfter(s, i + m[0].length, env, true);
  const end = after?.end ?? i + m[0].length;
  const text = s.slice(i, end);
  if (m.groups.term) return { end, issue: `"${text}" is a school term, not a season: give a date` };
  if (!after) return { end, yearless: { label: text, build: (y) => seasonSpan(y, name) } };
  if ('issue' in after) return after;
  if ('fy' in after) {
    // Winter and summer sit inside one financial year; spring straddles two (March vs April–May).
    if (name === 'spring') return { end, issue: `"${text}": which spring of that financial year is meant` };
    const span = seasonSpan(after.fy, name);
    return span ? { end, span } : { end, issue: notADate(text) };
  }
  const span = seasonSpan(after.year, name);
  return span ? { end, span } : { end, issue: notADate(text) };
};

const ORDINAL: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
};
const Q_ONE =
  '(?:q(?<X>[1-4])(?![a-z\\d])|quarter\\s*(?<Y>[1-4])(?!\\d)|(?<Z>first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter(?![a-z]))';
const q = (n: number) => Q_ONE.replace('X', `q${n}`).replace('Y', `r${n}`).replace('Z', `o${n}`);
const QUARTER = sticky(`${q(1)}(?:\\s*(?:-|to|&|and)\\s*${q(2)})?`);
const FY_THEN_QUARTER = sticky(`[\\s,:-]*${q(1)}(?!\\s*(?:-|to|&|and)\\s*q?\\d)`);
const quarterOf = (g: Record<string, string | undefined>, n: number) => {
  const v = g[`q${n}`] ?? g[`r${n}`] ?? g[`o${n}`];
  return v === undefined ? undefined : (ORDINAL[v.toLowerCase()] ?? Number(v));
};

/** "Q1 2013/14", "Q1-Q2 2013/14", "quarter 3": financial quarters unless the plan uses calendar ones. */
const quarter: Matcher = (s, i, env) => {
  const m = execAt(QUARTER, s, i);
  if (!m?.groups) return undefined;
  const q1 = quarterOf(m.groups, 1)!;
  const q2 = quarterOf(m.groups, 2) ?? q1;
  const after = readYearAfter(s, i + m[0].length, env, false);
  const end = after?.end ?? i + m[0].length;
  const text = s.slice(i, end);
  const join = (build: (y: number, n: number) => Span | undefined) => (y: number) => {
    const [a, b] = [build(y, q1), build(y, q2)];
    return a && b && a.lo <= b.hi ? { lo: a.lo, hi: b.hi, precision: 'quarter' as const } : undefined;
  };
  const fyQuarters = join((y, n) => quarterSpan(y, n, false));
  const calQuarters = join((y, n) => quarterSpan(y, n, true));
  const range = q2 !== q1;
  if (!after) {
    return { end, yearless: { label: text, build: env.calendarQuarters ? calQuarters : fyQuarters } };
  }
  if ('issue' in after) return after;
  if ('fy' in after) {
    const span = fyQuarters(after.fy);
    return span ? { end, span, range } : { end, issue: `"${text}" is not a real quarter` };
  }
  if (!env.calendarQuarters) {
    return {
      end,
      issue: `"${text}": say which financial year (e.g. Q${q1} ${after.year}/${(after.year + 1) % 100})`,
    };
  }
  const span = calQuarters(after.year);
  return span ? { end, span, range } : { end, issue: `"${text}" is not a real quarter` };
};

const YEAR_END = sticky(
  '(?:(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(?:(?<f1>financial\\s+|calendar\\s+|fiscal\\s+)?year|fy)|(?:(?<f2>financial\\s+|calendar\\s+|fiscal\\s+)?year|fy)[\\s-]?end|fye)(?![a-z])',
);
/**
 * "year end", "end of financial year 2013/14", "end of FY", "FY end": a financial year's end unless it
 * says calendar.
 */
const yearEnd: Matcher = (s, i, env) => {
  const m = execAt(YEAR_END, s, i);
  if (!m?.groups) return undefined;
  const calendar = /calendar/i.test(m[0]);
  const after = readYearAfter(s, i + m[0].length, env, false);
  const end = after?.end ?? i + m[0].length;
  const text = s.slice(i, end);
  if (!after) {
    return { end, yearless: { label: text, build: (y) => (calendar ? yearSpan(y) : fySpan(y)) } };
  }
  if ('issue' in after) return after;
  if ('fy' in after)
    return calendar
      ? { end, issue: `"${text}" mixes calendar and financial years` }
      : { end, span: fySpan(after.fy)! };
  if (!calendar)
    return { end, issue: `"${text}": say which financial year (e.g. ${after.year - 1}/${after.year % 100})` };
  const span = yearSpan(after.year);
  return span ? { end, span } : { end, issue: notADate(text) };
};

const YEAR = sticky('(?<y>(?:19|20|21)\\d{2})(?!\\d)');
const plainYear: Matcher = (s, i) => {
  const m = execAt(YEAR, s, i);
  if (!m?.groups) return undefined;
  const end = i + m[0].length;
  if (UNIT_AFTER.test(s.slice(end))) return undefined;
  return { end, span: yearSpan(Number(m.groups.y))! };
};

const BARE_MONTH = sticky(mon('m'));
/** "March" alone; "may" and "march" only when capitalised, since they are also verbs. */
const bareMonth: Matcher = (s, i) => {
  const m = execAt(BARE_MONTH, s, i);
  if (!m?.groups) return undefined;
  const word = m.groups.m!;
  if (/^(may|mar|march)$/i.test(word) && word[0] !== word[0]!.toUpperCase()) return undefined;
  const month = monthNumber(word);
  return { end: i + m[0].length, yearless: { label: m[0], build: (y) => monthSpan(y, month) } };
};

/** Matchers for text starting with a digit or apostrophe, and for text starting with a letter. */
const DIGIT_MATCHERS: Matcher[] = [
  yearThenFinancialYear,
  isoDate,
  numericDate,
  dayMonthYear,
  financialYear,
  quarter,
  plainYear,
  dayMonth,
];
const WORD_MATCHERS: Matcher[] = [
  monthDayYear,
  monthList,
  monthYear,
  financialYear,
  financialYearSingle,
  season,
  quarter,
  yearEnd,
  planYear,
  bareMonth,
];

function longest(s: string, i: number, env: Env): Found | undefined {
  const c = s.charCodeAt(i);
  const digit = (c >= 48 && c <= 57) || c === 39;
  const letter = (c | 32) >= 97 && (c | 32) <= 122;
  if (!digit && !letter) return undefined;
  let best: Found | undefined;
  for (const match of digit ? DIGIT_MATCHERS : WORD_MATCHERS) {
    const f = match(s, i, env);
    if (f && (!best || f.end > best.end)) best = f;
  }
  return best;
}

type Modifier = 'early' | 'mid' | 'late' | 'start' | 'end';
const MODIFIER = sticky(
  '(?:(?<w>early|mid|late|end)(?:\\s*-\\s*|\\s+of\\s+(?:the\\s+)?|\\s+)|(?<s>beginning|start)\\s+of\\s+(?:the\\s+)?)',
);

/** "mid April 2005", "end of June 2013", "Early 07", "start of 2014". */
function modified(s: string, i: number, env: Env): Found | undefined {
  const m = execAt(MODIFIER, s, i);
  if (!m?.groups) return undefined;
  const mod: Modifier = m.groups.s ? 'start' : (m.groups.w!.toLowerCase() as Modifier);
  const j = i + m[0].length;
  let found = longest(s, j, env);
  if (!found) {
    const yy = execAt(/'?(\d{2})(?!\d|[/.:-]\d)/y, s, j);
    const span = yy && !UNIT_AFTER.test(s.slice(j + yy[0].length)) ? yearSpan(year(yy[1]!, env)) : undefined;
    if (!span) return undefined;
    found = { end: j + yy![0].length, span };
  }
  if (found.issue) return found;
  const text = s.slice(i, found.end);
  if (mod === 'end') return found;
  if (mod === 'start') {
    const first = (sp: Span | undefined): Span | undefined =>
      sp && { lo: sp.lo, hi: sp.lo, precision: 'day' };
    if (found.yearless) {
      const build = found.yearless.build;
      return { ...found, yearless: { label: text, build: (y) => first(build(y)) } };
    }
    return { ...found, span: first(found.span)! };
  }
  const precision = found.span?.precision ?? found.yearless?.build(2000)?.precision;
  if (precision === 'day') return found;
  if (precision === 'month') return { ...found, note: `"${text}": due taken as the month's end` };
  if (mod === 'late') return { ...found, note: `"${text}": due taken as its end` };
  // "mid-2023": the middle of a whole year is a day, its sixth month's end; "early 07" stays vague.
  if (mod === 'mid' && found.span && (precision === 'year' || precision === 'financial-year')) {
    const hi = endOfMonth(addMonths(found.span.lo, 5));
    return {
      ...found,
      span: { lo: found.span.lo, hi, precision: 'month' },
      note: `"${text}": due taken as the year's middle, the end of ${format(hi, 'MMMM yyyy')}`,
    };
  }
  return { end: found.end, issue: `"${text}" is vague: give a month or a date` };
}

/**
 * Where a date expression may begin: the start of a word, but not the middle of a run of digits
 * and separators ("03" in "31/03/2014-2"), which must be read whole or not at all.
 */
function isTokenStart(s: string, i: number): boolean {
  if (i === 0) return true;
  const prev = s[i - 1]!;
  if (/[a-z0-9']/i.test(prev)) return false;
  return !(/[/.-]/.test(prev) && /\d/.test(s[i - 2] ?? '') && /\d/.test(s[i]!));
}

/** Every date expression in `s`, left to right, with "A to B" pairs joined into ranges. */
export function scan(s: string, env: Env): Mention[] {
  const found: Mention[] = [];
  let i = 0;
  while (i < s.length) {
    if (isTokenStart(s, i)) {
      const plain = longest(s, i, env);
      const mod = /[belms]/i.test(s[i]!) ? modified(s, i, env) : undefined;
      const best = mod && (!plain || mod.end > plain.end) ? mod : plain;
      if (best && best.end > i) {
        found.push({ ...best, at: i });
        i = best.end;
        continue;
      }
    }
    i++;
  }
  return joinRanges(s, found);
}
