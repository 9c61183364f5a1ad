import { type Timescale, Timescale as TimescaleSchema } from '@peopleplan/core';

export interface TimescaleOptions {
  anchor?: string;
  period?: { start?: string; end?: string };
  calendarQuarters?: boolean;
}
export type ParseTimescale = (text: string, opts?: TimescaleOptions) => Timescale;

/**
 * `@peopleplan/timescale` is written in parallel. Until it exports `parseTimescale`, a small fallback
 * reads only the forms the importer itself relies on (financial years, "Month YYYY", completed,
 * ongoing, TBC) and leaves everything else `unparsed` for a person to fix. Swap to a static import
 * once the package lands.
 */
let loaded: Promise<ParseTimescale> | undefined;

export function loadTimescaleParser(): Promise<ParseTimescale> {
  loaded ??= (async () => {
    try {
      const spec = '@peopleplan/timescale';
      const mod = (await import(/* @vite-ignore */ spec)) as { parseTimescale?: unknown };
      if (typeof mod.parseTimescale === 'function') return guarded(mod.parseTimescale as ParseTimescale);
    } catch {
      // Package not there yet: use the fallback.
    }
    return fallbackParseTimescale;
  })();
  return loaded;
}

/** Never lets a parser bug lose the text: anything invalid becomes `unparsed`. */
function guarded(parse: ParseTimescale): ParseTimescale {
  return (text, opts) => {
    try {
      const r = TimescaleSchema.safeParse(parse(text, opts));
      if (r.success) return r.data;
    } catch {
      // fall through
    }
    return { text, kind: 'unparsed', note: 'could not be read' };
  };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Reads "2005-06", "2005/2006", "13/14" as a UK financial year (1 Apr – 31 Mar). */
export function financialYear(text: string): { start: string; end: string; label: string } | undefined {
  const m = /^(\d{4}|\d{2})\s*[-–—/ ]\s*(\d{4}|\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const a = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  const b = Number(m[2]);
  if (b % 100 !== (a + 1) % 100) return undefined;
  return { start: `${a}-04-01`, end: `${a + 1}-03-31`, label: `${a}-${pad((a + 1) % 100)}` };
}

export const fallbackParseTimescale: ParseTimescale = (text) => {
  const t = text.trim().replace(/\.$/, '');
  if (/^(?:completed?|done|achieved)-?$/i.test(t)) return { text, kind: 'completed' };
  if (/^on-?going$/i.test(t)) return { text, kind: 'ongoing' };
  if (/^(?:tbc|tba|to be (?:agreed|confirmed))$/i.test(t)) return { text, kind: 'tbc' };
  const fy = financialYear(t);
  if (fy) return { text, kind: 'date', start: fy.start, due: fy.end, precision: 'financial-year' };
  const my = /^([a-z]{3,9})\s*(\d{4})$/i.exec(t);
  const month = my ? MONTHS.indexOf(my[1]!.slice(0, 3).toLowerCase()) : -1;
  if (my && month >= 0) {
    const y = Number(my[2]);
    const due = `${y}-${pad(month + 1)}-${pad(lastDay(y, month + 1))}`;
    return { text, kind: 'date', start: `${y}-${pad(month + 1)}-01`, due, precision: 'month' };
  }
  return { text, kind: 'unparsed', note: 'timescale parser not available' };
};
