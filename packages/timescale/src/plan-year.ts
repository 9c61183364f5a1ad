/**
 * "year one", "year 2", "second year of the plan": a year of the plan counted from its period's
 * start, a financial year when the plan starts on 1 April.
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
const PLAN_YEAR = sticky(
  '(?:(?:plan\\s+)?(?:year|yr)\\s*(?<n>[1-9]|one|two|three|four|five|six|seven|eight|nine|ten)(?![\\da-z])|(?<o>first|second|third|fourth|fifth)\\s+year(?![a-z])(?:\\s+of\\s+the\\s+(?:plan|strategy))?)',
);

export const planYear: Matcher = (s, i, env) => {
  const m = execAt(PLAN_YEAR, s, i);
  if (!m?.groups) return undefined;
  const word = (m.groups.n ?? m.groups.o)!.toLowerCase();
  const n = NUMBER_WORDS[word] ?? Number(word);
  const end = i + m[0].length;
  const start = env.period?.start;
  if (!start) return { end, issue: `"${m[0]}" counts from the plan's start, which is not known` };
  const lo = addYears(start, n - 1);
  const hi = addDays(addYears(start, n), -1);
  if (!inYearRange(hi.getFullYear())) return { end, issue: notADate(m[0]) };
  const aligned = start.getDate() === 1 && (start.getMonth() === 3 || start.getMonth() === 0);
  const precision = !aligned ? 'day' : start.getMonth() === 3 ? 'financial-year' : 'year';
  return { end, span: { lo, hi, precision } };
};
