/**
 * Joins two date expressions written as a range ("April 2013 - March 2014", "April to August 2013")
 * and places a date written with no year ("30 September") in the plan period. scan.ts finds the
 * expressions; parse.ts decides what the cell means.
 */
import type { Span } from './calendar.js';
import type { Env, Mention, Yearless } from './scan-words.js';

const CONNECTOR = /^\s*(?:-|to|until|till|through|thru|and|&)\s*$/i;

export function joinRanges(s: string, ms: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of ms) {
    const prev = out[out.length - 1];
    const between = prev ? s.slice(prev.end, m.at) : '';
    const joins =
      prev &&
      !prev.issue &&
      !m.issue &&
      CONNECTOR.test(between) &&
      (!/and|&/i.test(between) || /\bbetween\s*$/i.test(s.slice(0, prev.at)));
    if (!joins) {
      out.push(m);
      continue;
    }
    out[out.length - 1] = join(s, prev, m);
  }
  return out;
}

/** "April 2013 - March 2014", "April to August 2013", "1 April - 30 June 2013". */
function join(s: string, a: Mention, b: Mention): Mention {
  const base = { at: a.at, end: b.end, range: true };
  const text = s.slice(a.at, b.end);
  const notes = [a.note, b.note].filter(Boolean).join('; ');
  const withNote = notes ? { note: notes } : {};
  const spanOf = (lo: Span | undefined, hi: Span | undefined): Span | undefined =>
    lo && hi && lo.lo <= hi.hi ? { lo: lo.lo, hi: hi.hi, precision: hi.precision } : undefined;
  let span: Span | undefined;
  if (a.span && b.span) span = spanOf(a.span, b.span);
  else if (a.yearless && b.span) {
    // The start borrows the end's year, or the year before when it would start after the end.
    const y = b.span.hi.getFullYear();
    const same = a.yearless.build(y);
    span = spanOf(same && same.lo <= b.span.lo ? same : a.yearless.build(y - 1), b.span);
  } else if (a.span && b.yearless) {
    const y = a.span.lo.getFullYear();
    const same = b.yearless.build(y);
    span = spanOf(a.span, same && same.hi >= a.span.hi ? same : b.yearless.build(y + 1));
  } else if (a.yearless && b.yearless) {
    const [ya, yb] = [a.yearless, b.yearless];
    return {
      ...base,
      ...withNote,
      yearless: {
        label: text,
        build: (y) => {
          const lo = ya.build(y);
          const same = yb.build(y);
          return spanOf(lo, same && lo && same.hi >= lo.lo ? same : yb.build(y + 1));
        },
      },
    };
  }
  return span ? { ...base, ...withNote, span } : { ...base, issue: `"${text}" ends before it starts` };
}

/** Places a yearless date in the plan period: it must be the only such date ending inside it. */
export function place(y: Yearless, period: Env['period']): Span | string {
  if (!period?.start || !period.end)
    return `"${y.label}" has no year and no plan period was given to place it`;
  const fits: Span[] = [];
  for (let year = period.start.getFullYear() - 1; year <= period.end.getFullYear() + 1; year++) {
    const span = y.build(year);
    if (span && span.hi >= period.start && span.hi <= period.end) fits.push(span);
  }
  if (fits.length === 1) return fits[0]!;
  return fits.length === 0
    ? `"${y.label}" has no year and falls outside the plan period`
    : `"${y.label}" has no year and comes ${fits.length} times in the plan period`;
}
