import { type Timescale, Timescale as TimescaleSchema } from '@peopleplan/core';
import {
  fyEnd,
  fyLabel,
  fyStart,
  parseFinancialYear,
  parseTimescale,
  type TimescaleContext,
} from '@peopleplan/timescale';

export type TimescaleOptions = TimescaleContext;
export type ParseTimescale = (text: string, opts?: TimescaleOptions) => Timescale;

/**
 * The one place the importer reads dates. `@peopleplan/timescale` does the reading; this guard makes
 * sure a parser bug can never lose a cell: anything invalid comes back `unparsed` with its text.
 */
export const readTimescale: ParseTimescale = (text, opts) => {
  try {
    const r = TimescaleSchema.safeParse(parseTimescale(text, opts));
    if (r.success) return r.data;
  } catch {
    // fall through
  }
  return { text: text.slice(0, 500), kind: 'unparsed', note: 'could not be read' };
};

/** Kept async so callers need not change if parsing ever moves behind a lazy import. */
export const loadTimescaleParser = async (): Promise<ParseTimescale> => readTimescale;

/** "2005-06", "2005/2006", "13/14" as a UK financial year (1 April – 31 March). */
export function financialYear(text: string): { start: string; end: string; label: string } | undefined {
  const start = parseFinancialYear(text.trim().replace(/\s+/g, ''));
  if (start === undefined) return undefined;
  const label = fyLabel(start);
  return { start: fyStart(label), end: fyEnd(label), label };
}
