import type { Plan, PlanKind } from './entities.js';

/** What each kind of plan is called, in words a council uses ("Business plan"). */
export const PLAN_KIND_NAMES: Record<PlanKind, string> = {
  'people-strategy': 'People strategy',
  'peer-review': 'Peer review action plan',
  'best-value-review': 'Best value review',
  'business-plan': 'Business plan',
  'iip-assessment': 'Investors in People assessment',
};

/** What a theme is called in each kind of plan, when the plan does not say. */
export const THEME_NOUN: Record<PlanKind, string> = {
  'people-strategy': 'Key priority',
  'peer-review': 'Heading',
  'best-value-review': 'Service improvement',
  'business-plan': 'Priority',
  'iip-assessment': 'Area',
};

/**
 * A noun as it starts a heading or a label: its first letter capitalised, the rest as the council
 * wrote it ("outcome" → "Outcome 1: Pay", "HR priority" stays).
 */
export const nounAtStart = (noun: string): string => {
  const n = noun.trim();
  return n.charAt(0).toUpperCase() + n.slice(1);
};

/**
 * A noun inside a sentence ("Add a key priority"): each word lower-cased unless it has a capital after
 * its first letter (an acronym or a name: "HR priority", "KPIs") or is a lone capital after the first
 * word ("Plan B"), which lower-casing would mangle.
 */
export const nounInSentence = (noun: string): string =>
  noun.trim().replace(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu, (word, at: number) => {
    if (/\p{Lu}/u.test(word.slice(1))) return word;
    if (word.length === 1 && at > 0) return word;
    return word.toLowerCase();
  });

// Words that start with a vowel letter but the sound of a consonant ("a unit", "a one-off"), and the
// other way round ("an hour"): a/an follows the sound, not the letter.
const VOWEL_LETTER_CONSONANT_SOUND = /^(uni|use|usu|uti|ura|ure|uro|eu|ewe|one|once|ubiq)/;
const SILENT_H = /^(hour|honest|honou?r|heir)/;
// Acronyms are read letter by letter: "an HR priority", "an MOT", "a KPI".
const ACRONYM_VOWEL_SOUND = /^[AEFHILMNORSX]/;

/**
 * The noun with its indefinite article, inside a sentence: "an objective", "an outcome", "an area",
 * "a priority", "a theme", "a key priority", "an HR priority", "a unit".
 */
export function withArticle(noun: string): string {
  const words = nounInSentence(noun);
  const first = words.split(/[\s-]/)[0] ?? '';
  const acronym = first.length > 1 && first === first.toUpperCase() && /\p{Lu}/u.test(first);
  const lower = first.toLowerCase();
  const an = acronym
    ? ACRONYM_VOWEL_SOUND.test(first)
    : SILENT_H.test(lower) || (/^[aeiou]/.test(lower) && !VOWEL_LETTER_CONSONANT_SOUND.test(lower));
  return `${an ? 'an' : 'a'} ${words}`;
}

/**
 * The plural of a noun, keeping its case: the head word changes ("Key priority" → "Key priorities",
 * "Area of focus" → "Areas of focus", "Heading" → "Headings", "KPI" → "KPIs").
 */
export function pluralNoun(noun: string): string {
  const n = noun.trim();
  // The head of "Area of focus", "Priority for 2026" is the word before the linking word.
  const linked = /^(.*?)(\s+(?:of|for|in|to|on)\s+.*)$/i.exec(n);
  const head = linked ? linked[1]! : n;
  const tail = linked ? linked[2]! : '';
  return `${pluralWord(head)}${tail}`;
}

function pluralWord(word: string): string {
  const upper = word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word);
  if (upper) return `${word}s`; // "KPI" → "KPIs"
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

/** What a plan calls its groups: the council's own word when the plan has one ("Theme"), else its kind's. */
export const themeNounOf = (plan: Pick<Plan, 'kind' | 'themeNoun'>): string =>
  nounAtStart(plan.themeNoun?.trim() || THEME_NOUN[plan.kind]);

/**
 * A group's heading in the plan's word: "Priority 2: Pay". An unnumbered group (the importer's
 * "Actions" for a plan with none of its own) is its title alone, not "Priority: Actions".
 */
export const themeHeadingIn = (noun: string, theme: { ref: string; title: string }): string =>
  theme.ref ? `${noun} ${theme.ref}: ${theme.title}` : theme.title;

/** Every form of a plan's word for its groups that pages and reports need. */
export interface ThemeWords {
  /** Starting a heading or label: "Objective", "Key priority", "HR priority". */
  noun: string;
  /** Plural, starting a heading: "Objectives", "Key priorities". */
  nouns: string;
  /** Inside a sentence: "objective", "key priority", "HR priority". */
  inSentence: string;
  /** Plural inside a sentence: "objectives", "key priorities". */
  pluralInSentence: string;
  /** With its article, inside a sentence: "an objective", "a key priority". */
  withArticle: string;
}

export const themeWordsOf = (plan: Pick<Plan, 'kind' | 'themeNoun'>): ThemeWords =>
  nounWords(themeNounOf(plan));

/** Every form of a word for groups, from the word itself (a form's draft, before there is a plan). */
export function nounWords(word: string): ThemeWords {
  const noun = nounAtStart(word);
  const nouns = pluralNoun(noun);
  return {
    noun,
    nouns,
    inSentence: nounInSentence(noun),
    pluralInSentence: nounInSentence(nouns),
    withArticle: withArticle(noun),
  };
}
