/**
 * Words in a deadline cell that say what kind of timescale it is rather than when: statuses
 * ("Completed", "Ongoing", "TBC"), repeats ("Quarterly"), relative spans ("Within 3 months",
 * "Immediate", "Short term") and events ("Post restructuring", "subject to ...").
 * They are looked for with the dates blanked out, so "May" or "2014" never reads as one.
 */
import type { Recurrence } from '@peopleplan/core';

export interface Cue {
  at: number;
  end: number;
  text: string;
}

export interface Duration extends Cue {
  /** Counted from the plan's anchor date ("within", "next", "in", "over the next"). */
  anchored: boolean;
  amount: number;
  /** Upper amount when a span of lengths is written ("3-5 years"). */
  upTo?: number;
  unit: 'hour' | 'day' | 'working-day' | 'week' | 'month' | 'year';
  /** What it counts from when that is not the plan ("of the visit"). */
  from?: string;
}

export interface Repeat extends Cue {
  recurrence?: Recurrence;
  /** Why no recurrence could be chosen. */
  why?: string;
}

export interface Cues {
  completed?: Cue;
  ongoing?: Cue;
  tbc?: Cue;
  repeat?: Repeat;
  immediate?: Cue;
  duration?: Duration;
  term?: Cue;
  event?: Cue;
  various?: Cue;
  status?: Cue;
}

/** First match of a global regex that `accept`s (exec in a loop: matchAll would copy the regex). */
function first(re: RegExp, s: string, accept: (m: RegExpExecArray) => boolean = () => true): Cue | undefined {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (accept(m)) return { at: m.index, end: m.index + m[0].length, text: m[0] };
    if (m[0] === '') re.lastIndex++;
  }
  return undefined;
}

const COMPLETED = /\b(?:completed|complete|done|finished|achieved|implemented)\b/gi;
/** "to be completed", "not done", "once complete": the work is not finished. */
const NOT_YET =
  /\b(?:to|be|being|not|until|when|once|after|upon|on|for|before|by|yet|partially|partly|almost|nearly|will|should|must|can|could)\s*$/i;
const ONGOING =
  /\b(?:on[\s-]?going|continuous(?:ly)?|continual(?:ly)?|continuing|rolling|throughout|business\s+as\s+usual|bau|permanent(?:ly)?|indefinite(?:ly)?|open[\s-]ended)\b/gi;
const TBC =
  /\b(?:tbc|tba|tbd|t\.b\.[cad]\.?|to\s+be\s+(?:confirmed|agreed|announced|arranged|decided|determined|scheduled|advised|set|fixed|clarified)|dates?\s+to\s+follow|not\s+(?:yet\s+)?(?:known|set|confirmed|agreed|decided))(?![a-z])/gi;
const IMMEDIATE =
  /\b(?:immediate(?:ly)?|asap|a\.s\.a\.p\.?|as\s+soon\s+as\s+(?:possible|practicable)|with\s+immediate\s+effect|straight\s+away|forthwith)(?![a-z])/gi;
const TERM = /\b(?:short|medium|long)(?:\s*(?:-|to|and|\/)\s*(?:short|medium|long))?[\s-]*terms?\b/gi;
const EVENT =
  /\b(?:post[\s-](?=[a-z])|following\b|after\b|subject\s+to|when\b|whenever|once\b|on\s+completion|upon|dependent\s+(?:on|upon)|depend(?:s|ing)?\s+(?:on|upon)|in\s+line\s+with|as\s+(?:defined|determined|specified|agreed|required|needed|necessary|set\s+out|per|part\s+of|and\s+when)\b|in\s+accordance\s+with|pending|linked\s+to|tied\s+to|to\s+coincide\s+with|in\s+conjunction\s+with|alongside|in\s+parallel\s+with|phase\s*\d|awaiting|prior\s+to|in\s+time\s+for|ahead\s+of|at\s+the\s+(?:next|same)|next\s+(?:meeting|review|committee|cabinet|board))/gi;
const VARIOUS = /\b(?:various|varies|several|multiple)\b/gi;
const STATUS =
  /\b(?:in\s+progress|under\s+way|underway|not\s+(?:yet\s+)?started|on\s+(?:track|target|schedule|hold)|delayed|deferred|postponed|cancell?ed|withdrawn|superseded|overdue|slipped)\b/gi;

const REPEATS: [RegExp, Recurrence | undefined, string?][] = [
  [
    /\b(?:six|6)[\s-]?monthly\b|\bhalf[\s-]?yearly\b|\btwice[\s-](?:a|per|each|every)?\s*year(?:ly)?\b|\bevery\s+(?:6|six)\s+months\b/gi,
    'six-monthly',
  ],
  [
    /\b(?:three|3)[\s-]monthly\b|\bquarterly\b|\b(?:every|each|per|once\s+a)\s+quarter\b|\bevery\s+(?:3|three)\s+months\b/gi,
    'quarterly',
  ],
  [/\b(?:bi|two|2)[\s-]?monthly\b/gi, undefined, 'could mean twice a month or every two months'],
  [
    /\bbi[\s-]?annual(?:ly)?\b|\bbiannual(?:ly)?\b/gi,
    undefined,
    'could mean twice a year or every two years',
  ],
  [/\bbiennial(?:ly)?\b|\bevery\s+(?:2|two)\s+years\b/gi, 'biennial'],
  [/\bbi[\s-]?weekly\b/gi, undefined, 'could mean twice a week or every two weeks'],
  [/\bfortnightly\b|\bevery\s+(?:2|two)\s+weeks\b/gi, 'fortnightly'],
  [/\btermly\b|\bevery\s+term\b|\beach\s+term\b/gi, 'termly'],
  [/\bmonthly\b|\b(?:every|each|per|once\s+a)\s+month\b/gi, 'monthly'],
  [/\bweekly\b|\b(?:every|each|per|once\s+a)\s+week\b/gi, 'weekly'],
  [
    /\bannual(?:ly)?\b|\byearly\b|\b(?:every|each|per|once\s+a)\s+year\b|\bper\s+annum\b|\bevery\s+(?:12|twelve)\s+months\b/gi,
    'annual',
  ],
];

const NUMBER =
  '\\d+(?:\\.\\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty[\\s-]?four|thirty[\\s-]?six';
const UNIT = '(?:working\\s+|business\\s+)?days?|weeks?|months?|years?|yrs?|hours?|hrs?';
const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
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
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  twentyfour: 24,
  thirtysix: 36,
};
const DURATION = new RegExp(
  `(?<pre>\\b(?:within|in|over|for|during|after)(?:\\s+the)?(?:\\s+next)?\\s+|\\b(?:the\\s+)?next\\s+)?(?<![\\d.])\\b(?<n>${NUMBER})(?:\\s*(?:-|to|or)\\s*(?<n2>${NUMBER}))?[\\s-]*(?<u>${UNIT})\\b(?:\\s*(?:-|to|or|and)\\s*(?<n3>${NUMBER})\\s*(?<u3>${UNIT})\\b)?(?:\\s+(?:of|after|from|following)\\s+(?<from>[^,.;]+))?`,
  'gi',
);
const PLAN_START = /^(?:the\s+)?(?:plan|strategy|approval|start|adoption|agreement|launch)\b/i;

const toNumber = (w: string) => WORD_NUMBERS[w.toLowerCase().replace(/[\s-]/g, '')] ?? Number(w);

function unitOf(u: string): Duration['unit'] {
  const w = u.toLowerCase();
  if (/^(?:working|business)/.test(w)) return 'working-day';
  if (w.startsWith('h')) return 'hour';
  if (w.startsWith('d')) return 'day';
  if (w.startsWith('w')) return 'week';
  if (w.startsWith('m')) return 'month';
  return 'year';
}

/** Cheap pre-checks: most cells have no length of time and no repeat word. */
const ANY_UNIT = /da?y|wee?k|mo?nth|y(?:ea)?r|h(?:ou)?r/i;
const ANY_REPEAT = /ly\b|annual|ennial|every|each|per\b|once|twice|annum|term/i;

/** "over the next year", "within the next month": one unit counted from the plan's start. */
const NEXT_UNIT = /\b(?:within|over|during|in)\s+the\s+next\s+(?<u>year|month|week)\b/i;

function duration(s: string): Duration | undefined {
  if (!ANY_UNIT.test(s)) return undefined;
  const one = NEXT_UNIT.exec(s);
  if (one)
    return {
      at: one.index,
      end: one.index + one[0].length,
      text: one[0],
      anchored: true,
      amount: 1,
      unit: unitOf(one.groups!.u!),
    };
  DURATION.lastIndex = 0;
  for (let m = DURATION.exec(s); m; m = DURATION.exec(s)) {
    const g = m.groups!;
    const amount = toNumber(g.n!);
    if (!Number.isFinite(amount)) continue;
    const from = g.from?.trim();
    const counted = !from || PLAN_START.test(from);
    const unit = unitOf(g.u!);
    const d: Duration = {
      at: m.index,
      end: m.index + m[0].length,
      text: m[0],
      anchored: !!g.pre && counted && unit !== 'hour',
      amount,
      unit,
    };
    if (g.n2) d.upTo = toNumber(g.n2);
    // "between 48 hours and 2 weeks": a spread of lengths, never one date.
    if (g.n3) d.upTo = Number.POSITIVE_INFINITY;
    if (from && !counted) d.from = from;
    return d;
  }
  return undefined;
}

function repeat(s: string): Repeat | undefined {
  if (!ANY_REPEAT.test(s)) return undefined;
  let best: Repeat | undefined;
  for (const [re, recurrence, why] of REPEATS) {
    const c = first(re, s);
    // The longest wins, so "six-monthly" is not read as "monthly".
    if (c && (!best || c.end - c.at > best.end - best.at)) {
      best = { ...c, ...(recurrence ? { recurrence } : {}), ...(why ? { why } : {}) };
    }
  }
  return best;
}

/** Reads the cues in `s`, the normalised text with every date expression blanked out. */
export function findCues(s: string): Cues {
  const cues: Cues = {};
  const set = <K extends keyof Cues>(k: K, v: Cues[K] | undefined) => {
    if (v) cues[k] = v;
  };
  const whole = s.replace(/[\s.,;:!-]+/g, ' ').trim();
  set(
    'completed',
    first(COMPLETED, s, (m) => {
      if (NOT_YET.test(s.slice(Math.max(0, m.index - 24), m.index))) return false;
      // "Complete by March" is an instruction; "Complete" alone is a status.
      return m[0].toLowerCase() !== 'complete' || /^complete$/i.test(whole);
    }),
  );
  set('ongoing', first(ONGOING, s));
  set('tbc', first(TBC, s));
  set('repeat', repeat(s));
  set('immediate', first(IMMEDIATE, s));
  set('duration', duration(s));
  set('term', first(TERM, s));
  set('event', first(EVENT, s));
  set('various', first(VARIOUS, s));
  set('status', first(STATUS, s));
  return cues;
}

/** "None", "N/A", "-": the cell says there is no timescale. */
export const NO_TIMESCALE =
  /^(?:n\/?a|none(?:\s+(?:specific|specified|set|given|stated|identified|agreed))?|not\s+(?:applicable|specified|stated)|nil|no\s+(?:deadline|date|timescale)s?(?:\s+(?:set|given|specified))?|-+|\?+|\.+|x)$/i;

/** "As above", "See Diversity": the timescale is in another row. */
export const ELSEWHERE =
  /^(?:as\s+(?:above|below|before|previous(?:ly)?|for\b.*|per\s+(?:above|below)\b.*)|see\s+.+|ditto|"+|same\s+as\b.*)$/i;
