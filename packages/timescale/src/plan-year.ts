/**
 * "year one", "year 2", "second year of the plan": a year of the plan counted from its period's
 * start, a financial year when the plan starts on 1 April. "Yr 1–3", "Years 1 to 3": the years from the
 * first's start to the last's end (due at the end of year 3, not year 1).
 */
import { addDays, addYears } from 'date-fns';
import { inYearRange } from './calendar.js';
import { execAt, type Matcher, notADate, sticky } from './scan-words.js';

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
};
const N = '[1-9]|one|two|three|four|five|six|seven|eight|nine|ten';
// A count of months or weeks after the number ("Year 1 - 3 months") is a length, not a year of the plan.
const NOT_UNIT = '(?![\\da-z])(?!\\s*(?:months?|mths?|weeks?|wks?|days?|years?|yrs?)\\b)';
const PLAN_YEAR = sticky(
  `(?:(?:plan\\s+)?(?<word>years?|yrs?)\\s*(?<n>${N})(?<rest>(?:\\s*(?:,|-|–|—|to|and|&)\\s*(?:(?:year|yr)\\s*)?(?:${N}))*)${NOT_UNIT}|(?<o>first|second|third|fourth|fifth)\\s+year(?![a-z])(?:\\s+of\\s+the\\s+(?:plan|strategy))?)`,
);

export const planYear: Matcher = (s, i, env) => {
  const m = execAt(PLAN_YEAR, s, i);
  if (!m?.groups) return undefined;
  const count = (w: string) => NUMBER_WORDS[w.toLowerCase()] ?? Number(w);
  const n = count((m.groups.n ?? m.groups.o)!);
  // "Years 1, 2 and 3", "Yr 1–3": the last year named.
  const more = m.groups.rest?.match(new RegExp(`(?:${N})(?![\\da-z])`, 'gi')) ?? [];
  const last = more.length ? count(more.at(-1)!) : n;
  // "Years 2" is no plan year anyone writes: a plural names a run.
  if (/s$/i.test(m.groups.word ?? '') && !more.length) return undefined;
  const end = i + m[0].length;
  // "Years 3 to 1" is no range the plan could mean.
  if (last < n) return { end, issue: `"${m[0]}" runs backwards` };
  const start = env.period?.start;
  if (!start) return { end, issue: `"${m[0]}" counts from the plan's start, which is not known` };
  const lo = addYears(start, n - 1);
  const hi = addDays(addYears(start, last), -1);
  if (!inYearRange(hi.getFullYear())) return { end, issue: notADate(m[0]) };
  const aligned = start.getDate() === 1 && (start.getMonth() === 3 || start.getMonth() === 0);
  const precision = !aligned ? 'day' : start.getMonth() === 3 ? 'financial-year' : 'year';
  return { end, span: { lo, hi, precision } };
};
