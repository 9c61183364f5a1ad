/**
 * Names and role labels as plans write them, made comparable: case, spaces, hyphens and dashes, full
 * stops and "&" do not matter ("HOP OS" is "HOPOS", "Turner-Robinson" is "Turner Robinson"), and the
 * common typos in councils' documents are read as meant ("Clir" is "Cllr", from OCR and quick typing).
 */

/** Misspellings and variants of one word, as seen in councils' plans: data, add pairs here. */
export const WORD_VARIANTS: Readonly<Record<string, string>> = {
  clir: 'cllr',
  cllor: 'cllr',
  councillor: 'cllr',
  councilor: 'cllr',
  coun: 'cllr',
  mgr: 'manager',
  dept: 'department',
  snr: 'senior',
};

/** Titles that come before a person's name and do not tell two people apart. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame']);

/** The words of a label: lower case, "&" as "and", hyphens, dashes, full stops and apostrophes as breaks. */
export function labelWords(label: string): string[] {
  return label
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[\u2010-\u2015\-–—./,()'’]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => WORD_VARIANTS[w] ?? w);
}

/** A role label's matching key: its words with no spaces at all ("HOP OS", "Hopos" → "hopos"). */
export function normaliseRoleLabel(label: string): string {
  return labelWords(label).join('');
}

/** A person's name as comparable words: "Cllr. J. Turner-Robinson" → "cllr j turner robinson"; titles dropped. */
export function normaliseName(name: string): string {
  return labelWords(name)
    .filter((w) => !TITLES.has(w))
    .join(' ');
}

/** True when the raw words needed a typo read as meant for the two labels to match. */
export function matchedByVariant(a: string, b: string): boolean {
  const plain = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return plain(a) !== plain(b);
}
