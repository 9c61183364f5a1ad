import { ROLE_WORDS } from '../layouts/role-words.js';
import { labelWords, normaliseName } from './normalise.js';

/** Labels that name a role or team rather than a person ("Head of HR", "L&D Team"). */
export const isRole = (label: string) => labelWords(label).some((w) => ROLE_WORDS.has(w) && w !== 'cllr');

/**
 * A person's name and the job title written after it: "Mark Bennett (Head of OD)", "Mark Bennett, Head
 * of OD", "Mark Bennett – Head of OD", or before it with the name in brackets ("Head of HR (Jane
 * Smith)"). Only when the title is a role and the name is not; otherwise the label is all name ("Smith,
 * Jones and Partners" is no title).
 */
export function nameAndTitle(label: string): { name: string; title?: string } {
  const m = /^(.+?)\s*(?:\(([^)]+)\)|,\s*(.+)|\s[–—-]\s(.+))$/.exec(label.trim());
  const after = m && (m[2] ?? m[3] ?? m[4])?.trim();
  if (!m || !after) return { name: label.trim() };
  const before = m[1]!.trim();
  if (isRole(after) && !isRole(before)) return { name: before, title: after };
  // The title first, the name in brackets: "Head of HR (Jane Smith)". Only a name of two words or
  // more, each capitalised: "Head of HR (interim)" or "(acting)" names nobody.
  if (m[2] && isRole(before) && !isRole(after) && PERSON_NAME.test(after))
    return { name: after, title: before };
  return { name: label.trim() };
}

/** A person's name as written: two to four capitalised words ("Jane Smith", "Mary-Ann O’Neill"). */
const PERSON_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u;

/** The person a new lead label names, with their title apart: two words of a name or more, else the label. */
export function newPersonName(label: string): { name: string; jobTitle?: string } {
  const { name, title } = nameAndTitle(label);
  return title && normaliseName(name).split(' ').filter(Boolean).length >= 2
    ? { name, jobTitle: title }
    : { name: label.trim() };
}
