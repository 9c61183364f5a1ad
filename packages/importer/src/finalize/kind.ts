import type { PlanKind, Status } from '@peopleplan/core';
import type { Drafts } from '../build-plan.js';
import { TITLE_KIND_CUES } from '../heading-words.js';
import { QUALIFIED_STATES, UNRATED_STATES } from './status-words.js';

/**
 * The status a council wrote, in words or as a RAG rating: Green is on track, Amber at risk, Red off
 * track, Blue (or Complete) completed; a single letter only when it is the whole cell. A cell that opens
 * with one ("Complete (July 2026)", "Green – on track") reads as it. Two colours ("Amber/Red") read as
 * the worse: `mixed` says so, so that the words can be kept beside it.
 */
export function readStatusOf(
  text: string | undefined,
): { status: Status; mixed: boolean; exact: boolean; assumed?: string } | undefined {
  const t = inWords(text?.trim().toLowerCase() ?? '').replace(/\.$/, '');
  if (!t) return undefined;
  // "Completed by March 2027", "Complete in Q3": a target date, not a status.
  if (/^(?:to\s+be\s+)?complete(?:d)?\s+(?:by|before|in|on|during|for)\b/.test(t)) return undefined;
  // BRAG letters, and C for complete where a plan writes its blue that way.
  const letters: Record<string, Status> = {
    r: 'off-track',
    a: 'at-risk',
    g: 'on-track',
    b: 'completed',
    c: 'completed',
  };
  if (letters[t]) return { status: letters[t]!, mixed: false, exact: true };
  const colours: Array<[RegExp, Status]> = [
    [/\bred\b/, 'off-track'],
    [/\b(amber|yellow)\b/, 'at-risk'],
    [/\bgreen\b/, 'on-track'],
    [/\bblue\b/, 'completed'],
    // BRAG-G: grey is "not yet started / not due" (core's RAG labels).
    [/\b(grey|gray)\b/, 'not-started'],
  ];
  const named = colours.filter(([re]) => re.test(t));
  // Colours only when the cell is about them: "Red/Amber", "Green - on track", not "Red Cross funding".
  if (
    named.length &&
    /^(red|amber|yellow|green|blue|grey|gray)\b\s*($|[/\-–—:(,]|(red|amber|yellow|green|blue|on|off|at|complete)\b)/.test(
      t,
    )
  )
    return { status: named[0]![1], mixed: named.length > 1, exact: named.length === 1 && onlyStatusWords(t) };
  const qualified = QUALIFIED_STATES.find(([re]) => re.test(t));
  if (qualified) return { status: qualified[1], mixed: false, exact: false, assumed: qualified[2] };
  const words: Array<[RegExp, Status]> = [
    [/^not[\s-]+(yet[\s-]+)?started\b/, 'not-started'],
    [/^on[\s-]+track\b/, 'on-track'],
    [/^at[\s-]+risk\b/, 'at-risk'],
    [/^off[\s-]+track\b/, 'off-track'],
    [/^(complete|completed|done|achieved|implemented|delivered|resolved)\b/, 'completed'],
    [/^deferred\b/, 'deferred'],
    [/^cancell?ed\b/, 'cancelled'],
    [/^on[\s-]*going\b/, 'ongoing'],
  ];
  const word = words.find(([re]) => re.test(t));
  if (word) return { status: word[1], mixed: false, exact: onlyStatusWords(t) };
  // A state that names no rating (a task tool's "Waiting on someone else", "On hold", "Superseded – see
  // 2.4"): read as the rating a council gives it, its words kept and the person told why.
  const state = UNRATED_STATES.find(([re]) => re.test(t));
  if (state) return { status: state[1], mixed: false, exact: false, assumed: state[2] };
  // Councils' own words for the same states, read only when the cell says nothing else and names one
  // state: "Delayed" is off track; "In progress – behind schedule" or "Finished phase 1, phase 2
  // delayed" is for a person to read.
  const said = new Set([...OWN_WORDS, ...colours].filter(([re]) => re.test(t)).map(([, status]) => status));
  return said.size === 1 && onlyStatusWords(t)
    ? { status: [...said][0]!, mixed: false, exact: true }
    : undefined;
}

/**
 * Symbols a cell rates with, as the words they stand for: a coloured circle or square (Teams, Planner and
 * Excel's emoji: 🔴 🟠 🟡 🟢 🔵) is its colour, a tick (✓ ✔ ☑ ✅) is done. "🟢 On track" reads as "green
 * on track".
 */
const SYMBOLS: Array<[RegExp, string]> = [
  [/[\u{1F534}\u{1F7E5}]/gu, 'red'],
  [/[\u{1F7E0}\u{1F7E7}]/gu, 'amber'],
  [/[\u{1F7E1}\u{1F7E8}]/gu, 'yellow'],
  [/[\u{1F7E2}\u{1F7E9}]/gu, 'green'],
  [/[\u{1F535}\u{1F7E6}]/gu, 'blue'],
  [/[\u2713\u2714\u2611\u2705]/gu, 'done'],
];
function inWords(t: string): string {
  if (!/[\u2611-\u2714\u{1F534}-\u{1F7EF}]/u.test(t)) return t;
  let out = t.replace(/\uFE0F/g, '');
  for (const [re, word] of SYMBOLS) out = out.replace(re, ` ${word} `);
  return out.replace(/\s+/g, ' ').trim();
}

const OWN_WORDS: Array<[RegExp, Status]> = [
  [/\b(delayed|overdue|late|behind(\s+(schedule|plan|target))?|slipped|off[\s-]+target)\b/, 'off-track'],
  [/\b(slipping|(some|minor)\s+slippage)\b/, 'at-risk'],
  [/\b(in[\s-]+progress|under[\s-]*way|progressing|started|on[\s-]+target)\b/, 'on-track'],
  [/\b(closed|finished)\b/, 'completed'],
  [/\b(withdrawn|stopped)\b/, 'cancelled'],
];

/** "Green – on track", "Complete": nothing in the cell but a status; "Complete (July 2026)" says more. */
const onlyStatusWords = (t: string) =>
  t
    .replace(
      /\b(red|amber|yellow|green|blue|grey|gray|not|yet|started|on|off|at|track|risk|complete|completed|done|achieved|implemented|delivered|resolved|deferred|cancell?ed|going|ongoing|rag|status|delayed|overdue|late|behind|schedule|plan|target|slipped|slipping|some|minor|slippage|in|progress|under|way|underway|progressing|hold|paused|closed|finished|withdrawn|stopped)\b/g,
      '',
    )
    .replace(/[\s\-–—:/()]+/g, '') === '';

/** The Investors in People framework's name and its indicators' names or numbers. */
const IIP_WORDS =
  /\binvestors\s+in\s+people\b|\biip\b|\bindicator\s+\d+(?:\.\d+)?\b|\b(?:leading\s+and\s+inspiring\s+people|living\s+the\s+organisation['’]s\s+values|empowering\s+and\s+involving\s+people|recognising\s+and\s+rewarding\s+high\s+performance|structuring\s+work|building\s+capability|delivering\s+continuous\s+improvement|creating\s+sustainable\s+success)\b/i;

export function detectKind(
  d: Drafts,
  title: string,
  hint?: PlanKind,
): { kind: PlanKind; confident: boolean } {
  if (hint) return { kind: hint, confident: true };
  const score = new Map<PlanKind, number>();
  const add = (k: PlanKind, n: number) => score.set(k, (score.get(k) ?? 0) + n);
  for (const k of d.kindCues) add(k, 1);
  for (const line of [title, ...d.preamble.slice(0, 5).map((p) => p.text)]) {
    for (const c of TITLE_KIND_CUES) if (c.re.test(line)) add(c.kind, 3);
  }
  // An Investors in People plan names the framework or its indicators ("Indicator 4 – Managing
  // performance") in its headings or short opening lines (a sentence that mentions IiP is no cue).
  const lines = [
    ...d.preamble.map((p) => p.text).filter((t) => t.length <= 80),
    ...d.headings.map((h) => h.text),
    ...d.themes.map((t) => t.title),
  ];
  if (lines.some((l) => IIP_WORDS.test(l ?? ''))) add('iip-assessment', 3);
  const best = [...score.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best) return { kind: 'business-plan', confident: false };
  return { kind: best[0], confident: true };
}
