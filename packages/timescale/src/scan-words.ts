/**
 * What scan.ts's date matchers share: the shapes of what they find, and the month and year patterns
 * they are built from.
 */
import { fullYear, type Span } from './calendar.js';

export interface Env {
  /** Year two-digit years are read near (the plan period's middle, else the anchor's year). */
  refYear?: number;
  period?: { start?: Date; end?: Date };
  calendarQuarters: boolean;
  /** Numeric dates are month first (TimescaleContext.monthFirst). */
  monthFirst?: boolean;
}

/** A date written without its year ("March", "Q3", "10th September"): placed by a range or the period. */
export interface Yearless {
  label: string;
  build: (year: number) => Span | undefined;
}

export interface Mention {
  /** Offsets into the normalised text. */
  at: number;
  end: number;
  span?: Span;
  yearless?: Yearless;
  /** Why this looks like a date but cannot be read as one. */
  issue?: string;
  /** Written as from–to ("April to June 2013"). */
  range?: boolean;
  /** How it was read, when that is worth telling a person. */
  note?: string;
}

export type Found = Omit<Mention, 'at'>;
export type Matcher = (s: string, i: number, env: Env) => Found | undefined;

export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export const MONTH_WORD =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
export const mon = (name: string) => `(?<${name}>${MONTH_WORD})(?![a-z])\\.?`;
export const MON_ANY = `(?:${MONTH_WORD})(?![a-z])\\.?`;
/** A year after a month or season: 2013, '13 or 13 (not the start of 13/14 or 13.30). */
export const yr = (name: string) => `(?<${name}>\\d{4}|'\\d{2}|\\d{2})(?!\\d|[/.:-]\\d)`;
export const MONTH_RE = new RegExp(`\\b${MON_ANY}`, 'gi');

export const sticky = (src: string) => new RegExp(src, 'iy');
export function execAt(re: RegExp, s: string, i: number) {
  re.lastIndex = i;
  return re.exec(s);
}
export const monthNumber = (word: string) => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
export const year = (digits: string, env: Env) => fullYear(digits, env.refYear);
export const notADate = (text: string) => `"${text}" is not a real date`;
