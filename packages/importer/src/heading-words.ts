import type { PlanKind } from '@peopleplan/core';

/**
 * What a line of a plan says about itself when it is a heading: a theme's ("Priority 2: Pay"), a
 * narrative section's ("Executive summary"), a best-value review's sub-headings, and title words that
 * point at a kind. Column names are in synonyms.ts. Data, not code: add forms here.
 */

/**
 * A theme's number: digits, or one letter followed by a separator ("Theme A – Workforce planning"; the
 * separator keeps "Priority a …" as words).
 */
const N = String.raw`(\d+|[a-z](?=\s*[:.\-–—]))`;
const theme = (words: string, separator: string, title = '(.*)') =>
  new RegExp(String.raw`^${words}\s+${N}\s*${separator}\s*${title}$`, 'i');

/** Theme headings: a paragraph or the first cell of a row. Group 1 = number, group 2 = title. */
export const THEME_PATTERNS: { re: RegExp; kinds: PlanKind[] }[] = [
  { re: theme(String.raw`key\s+priority`, '[:.\\-–—]?'), kinds: ['people-strategy'] },
  { re: theme('priority', '[:.\\-–—]'), kinds: ['business-plan'] },
  { re: theme(String.raw`service\s+improvement`, '[:.\\-–—]?'), kinds: ['best-value-review'] },
  { re: theme('area', '[:.\\-–—]', '(.+)'), kinds: ['iip-assessment'] },
  { re: theme('theme', '[:.\\-–—]?'), kinds: [] },
  {
    re: /^(?:strategic\s+)?(?:objective|goal|aim|outcome|commitment)\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:[:.\-–—]\s*(.*))?$/i,
    kinds: [],
  },
];

/** Labels inside a theme row that introduce its description ("DESCRIPTION OF PRIORITY: …"). */
export const THEME_DESCRIPTION_LABEL = /^description(?:\s+of\s+(?:priority|theme|area))?\s*:\s*/i;

/** Narrative headings that start a free-text section (matched against the whole trimmed line). */
export const SECTION_HEADINGS: RegExp[] = [
  /^section\s+[a-z]\s*[:.\-–—]\s*.+$/i,
  /^executive\s+summary:?$/i,
  /^(?:\d+\.\s*)?executive\s+summary$/i,
  /^service\s+budget$/i,
  /^core\s+review\s+team\s+membership$/i,
  /^terms\s+of\s+reference\b.*$/i,
  // The document's own details under a heading of their own (document-control.ts).
  /^(?:document\s+(?:control|history|information)|version\s+(?:control|history)|revision\s+history):?$/i,
  /^sections\s+of\s+report$/i,
  /^service\s+improvements$/i,
  /^reports\s+on\s+areas\s+of\s+research$/i,
  /^area\s+of\s+work\s+\d+\b.*$/i,
  /^(?:conclusions?|next\s+steps|glossary|introduction|background|purpose|summary|recommendations|findings)$/i,
  // A list of the plan's short forms, often on its key's sheet ("Abbreviations", then "CMT | …").
  /^(?:glossary\s+of\s+terms|(?:abbreviations|acronyms)(?:\s+(?:and|&)\s+(?:abbreviations|acronyms))?(?:\s+used)?):?$/i,
  // Who agreed the plan and how it is watched over, after its actions: never a note on the last one.
  // Whole names only: "Governance" alone may be a group of the plan's actions.
  /^(?:sign[\s-]?off|signatures?|approvals?|document\s+approval|(?:monitoring|governance)\s+(?:and|&)\s+(?:monitoring|governance|reporting|review)|(?:monitoring|governance|reporting)\s+arrangements):?$/i,
];

/**
 * Lines naming a list of measures, not of actions ("How we will know we have succeeded", "Measures of
 * success", "What success looks like", "Outcomes"): matched from the line's start.
 */
export const MEASURE_HEADINGS: RegExp[] = [
  /^how\s+(?:we\s+will|will\s+we|do\s+we|we\s+ll)\s+(?:know|measure|tell|judge)\b/i,
  /^(?:our\s+|key\s+)?(?:success\s+)?measures?(?:\s+of\s+success)?\b(?!\s+\d)/i,
  /^measuring\s+(?:success|progress|impact)\b/i,
  /^what\s+success\s+(?:looks|will\s+look)\s+like\b/i,
  /^(?:our\s+|key\s+|expected\s+|intended\s+)?outcomes?\b(?!\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b)/i,
  /^(?:key\s+performance\s+indicators|kpis?|success\s+criteria|targets)\b/i,
  /^(?:what|the)\s+difference\s+(?:it|this|we)\s+will\s+make\b/i,
];

/** Inside a narrative theme (best-value reviews): sub-headings and what they introduce. */
export const NARRATIVE_LABELS = {
  description: /^description$/i,
  phase: /^phase\s+(\d+)\s*[:.\-–—]?\s*(.*)$/i,
  proposals:
    /^(?:proposed\s+(?:service\s+)?improvements?(?:\s+targets)?|proposed\s+actions|recommendations)$/i,
  underway:
    /^(?:service\s+improvements\s+)?currently\s+underway$|^service\s+improvements\s+currently\s+underway$/i,
};

/** Words in the plan's title (and first lines) that point at a kind. */
export const TITLE_KIND_CUES: { re: RegExp; kind: PlanKind }[] = [
  { re: /\bpeer\s+review\b/i, kind: 'peer-review' },
  { re: /\bbest\s+value\b/i, kind: 'best-value-review' },
  { re: /\bbusiness\s+plan\b/i, kind: 'business-plan' },
  { re: /\binvestors\s+in\s+people\b|\biip\b/i, kind: 'iip-assessment' },
  {
    re: /\bstrategy\b.*\bpeople\b|\bpeople\b.*\bstrategy\b|\bworkforce\s+strategy\b|\b(?:people|workforce)\s+plan\b/i,
    kind: 'people-strategy',
  },
];
