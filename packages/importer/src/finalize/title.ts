import { excerpt } from '../cells.js';
import { matchHeader } from '../header-mapping.js';
import { isSecurityMarking } from '../page-furniture.js';
import type { ImportWarning } from '../parsed-plan.js';
import { isBoilerplate } from './boilerplate.js';

/** Cover lines that are not the plan's title: committee agenda items, dates, bare labels. */
const NOT_TITLE =
  /^(?:(?:hi|hello|dear|good\s+(?:morning|afternoon))\b.*|(?:agenda\s+)?item(?:\s+no\.?)?(?:\s+[\w().]+)?(?:\s*[-–—:]\s*appendix\s+\w+)?|agenda|.*\bcommittee\b.*\d{4}|\.+.*|\d{4}\s*[-–—]\s*\d{2,4}|action\s+plan|appendix\s+\w+|public|private|confidential|\d+|\w+day,?\s+\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+\d{4})$/i;

const APPENDIX =
  /^(?:(?:agenda\s+)?item(?:\s+no\.?)?\s+[\w().]+|appendix\s+[A-Z0-9]{1,3})\s*[-–—:]\s*(?=\S)/i;

/** An organisation's name, as a cover gives it above the plan's own. */
const ORGANISATION =
  /\b(?:council|borough|county|district|city|authority|nhs|police|fire(?:\s+and\s+rescue)?|university|college)\b/i;
/** Words a plan's name has. */
const PLAN_WORDS = /\b(?:plan|strategy|programme|review|framework|priorities|charter|road\s?map|action)\b/i;
/** A page's short heading with no year ("Our commitments", "Introduction"), not a plan's own name. */
const shortHeading = (l: string) => l.trim().split(/\s+/).length <= 3 && !/\d/.test(l);

const META_LINES: { re: RegExp; field: 'directorate' | 'division' | 'ownerLabel' }[] = [
  { re: /^directorate(?:\s+name)?\s*:\s*(.+)$/i, field: 'directorate' },
  {
    re: /^(?:division|business\s+unit|division\/business\s+unit)(?:\s+name)?\s*:\s*(.+)$/i,
    field: 'division',
  },
  {
    re: /^(?:responsible\s+(?:corporate\s+)?director|(?:plan|document|strategy)\s+owner|owner)\s*:\s*(.+)$/i,
    field: 'ownerLabel',
  }, // Written as a sentence: "The plan owner is the Director of People."
  {
    re: /^(?:the\s+)?(?:plan|document|strategy|action\s+plan)(?:'s)?\s+owner\s+is\s+(?:the\s+)?(.+)$/i,
    field: 'ownerLabel',
  },
];

/**
 * Where a cover value ends when the next field runs on in the same line or paragraph ("Owner: Head of HR
 * & OD  Version 2.1  Last updated 3 November 2026", the spaces gone), or a sentence follows it.
 */
const NEXT_FIELD =
  /\s+(?=(?:version|v)\s*\d|(?:last\s+)?(?:updated|reviewed)\b|(?:review\s+)?date\s*:|next\s+review\b|status\s*:|approved\s+(?:by|on)\b|classification\s*:)|[.;]\s+(?=[A-Z])/i;
/** Longer than this, a value is a paragraph about the plan, not who owns it. */
const MAX_META = 120;

/** A cover's label for the plan's name: "Plan title: …", "Name of plan: …" ("Title:" alone may be a person's). */
const TITLE_LABEL = /^(?:plan\s+(?:title|name)|(?:title|name)\s+of\s+(?:the\s+)?plan)\s*:\s*(.+)$/i;

/**
 * A label and its value ("Owner: Head of HR", "Date: May 2026"), not a title; a title can have a colon
 * too ("Workforce Strategy 2026–2029: Action Plan"), after words that say what the plan is.
 */
function isLabelAndValue(line: string): boolean {
  const label = /^([^:]{1,40}):/.exec(line)?.[1];
  return label !== undefined && !PLAN_WORDS.test(label) && !/\d{4}/.test(label);
}

/** How far past an organisation's name the plan's own name is looked for, over navigation alone. */
const NAVIGATION_LINES = 10;

/** The first line naming a plan after `at` when every line before it is a short heading or no title. */
function pastNavigation(lines: string[], at: number, candidate: (l: string) => boolean): number | undefined {
  for (let i = at + 1; i < lines.length && i <= at + NAVIGATION_LINES; i++) {
    const l = lines[i]!;
    if (candidate(l) && PLAN_WORDS.test(l)) return i;
    if (candidate(l) && !shortHeading(l)) return undefined;
  }
  return undefined;
}

/** The title of a plan read from text with no title line and no file name. */
export const UNTITLED_PLAN = 'Imported plan';

export interface Cover {
  title: string;
  /** Cover lines left after the title was taken. */
  rest: string[];
  warnings: ImportWarning[];
}

/**
 * The plan's title: an explicit label ("Service area under review") wins, else the first real line
 * of the cover. Web-page boilerplate is never the title; when the first line was boilerplate the
 * person is told which line was passed over.
 */
const RUNNING_PAGE = /\s+page\s+\d+(?:\s+of\s+\d+)?\s*$/i;

export function readCover(preamble: { text: string; where: string }[], filename?: string): Cover {
  const lines = preamble.map((p) => p.text);
  const warnings: ImportWarning[] = [];
  // "Plan title: People Plan 2026–2029" (a cover sheet's label and value) says it outright.
  const named = lines.map((l) => TITLE_LABEL.exec(l)?.[1]?.trim()).findIndex(Boolean);
  if (named >= 0) {
    const rest = lines.filter((_l, i) => i !== named);
    const title = TITLE_LABEL.exec(lines[named]!)![1]!
      .trim()
      .replace(/^(["'“])(.+)(["'”])$/, '$2');
    return { title, rest, warnings };
  }
  let at = lines.findIndex((_l, i) => i > 0 && /^service\s+area\s+under\s+review:?$/i.test(lines[i - 1]!));
  const candidate = (l: string) =>
    !NOT_TITLE.test(l) &&
    !isLabelAndValue(l) &&
    !isBoilerplate(l) &&
    // "OFFICIAL", "OFFICIAL-SENSITIVE": how to handle the paper, above its title on every page.
    !isSecurityMarking(l) &&
    l.length <= 300 &&
    // A table's column name left above its rows ("Objective Area") is not the plan's title.
    (matchHeader(l)[0]?.confidence ?? 0) < 1;
  const labelled = at >= 0;
  // A title is not a sentence: "Please find below the final plan." gives way to the plan's name after it.
  if (at < 0) {
    const first = lines.findIndex(candidate);
    const named = lines.findIndex(
      (l, i) => i >= first && i <= first + 4 && candidate(l) && !/[.!?]$/.test(l),
    );
    at = first >= 0 && /[.!?]$/.test(lines[first]!) && named > first ? named : first;
    // Only a sentence ("Please find below the actions agreed.") is no title: say so, and name it for now.
    if (at >= 0 && /[.!?]$/.test(lines[at]!) && lines[at]!.split(/\s+/).length >= 6) at = -1;
  }
  // A cover often opens with the organisation's name ("Testshire County Council") or a page's heading
  // ("Our commitments"); the plan's own name follows it. The name that says what the plan is wins, when
  // one of the next lines does.
  const opener = (l: string) => ORGANISATION.test(l) || shortHeading(l);
  if (!labelled && at >= 0 && opener(lines[at]!) && !PLAN_WORDS.test(lines[at]!)) {
    const named = lines.findIndex((l, i) => i > at && i <= at + 3 && candidate(l) && PLAN_WORDS.test(l));
    if (named > at) at = named;
    // Or further down past a web page's navigation ("Home", "Council and democracy", "Agenda item"):
    // lines that are short headings or no title at all, up to the plan's name.
    else if (ORGANISATION.test(lines[at]!)) at = pastNavigation(lines, at, candidate) ?? at;
  }
  const first = preamble[0];
  if (first && at !== 0 && isBoilerplate(first.text)) {
    warnings.push({
      code: 'boilerplate-not-title',
      message: `The first line looks like web-page text, not the plan's title, and was kept in the cover: "${excerpt(first.text)}"`,
      where: first.where,
    });
  }
  const rest = [...lines];
  // "Appendix B – People Strategy Action Plan", "Agenda item 5 – …": the committee paper's, not the plan's.
  const title =
    (at >= 0
      ? rest
          .splice(at, 1)[0]!
          .replace(APPENDIX, '')
          .replace(APPENDIX, '')
          // A PDF's running header ends with its page number ("WRES Action Plan 2025/26   Page 3 of 7").
          .replace(RUNNING_PAGE, '')
      : undefined) ??
    filename?.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') ??
    UNTITLED_PLAN;
  if (at < 0) {
    warnings.push({
      code: 'no-title',
      message: `No line before the plan's content reads as its title: named "${excerpt(title)}" for now.`,
      where: 'plan',
    });
  }
  return { title, rest, warnings };
}

export function readMeta(
  lines: string[],
): Partial<Record<'directorate' | 'division' | 'ownerLabel', string>> {
  const meta: Partial<Record<'directorate' | 'division' | 'ownerLabel', string>> = {};
  for (const raw of lines) {
    // A row of a table kept as text, "Document owner | Head of HR", says what "Document owner: …" says.
    const pair = /^([^|:]{1,40}?) \| ([^|]+)$/.exec(raw);
    const line = pair ? `${pair[1]}: ${pair[2]}` : raw;
    for (const m of META_LINES) {
      const hit = m.re.exec(line);
      const value = hit?.[1]
        ?.split(NEXT_FIELD)[0]
        ?.replace(/[.,;:]$/, '')
        .trim();
      if (value && value.length <= MAX_META && !meta[m.field]) meta[m.field] = value;
    }
  }
  return meta;
}
