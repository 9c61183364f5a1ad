import { ROLE_WORDS } from '../layouts/role-words.js';
import { labelWords, normaliseName } from './normalise.js';

/** Labels that name a role or team rather than a person ("Head of HR", "L&D Team"). */
export const isRole = (label: string) => labelWords(label).some((w) => ROLE_WORDS.has(w) && w !== 'cllr');

/**
 * A person's name and the job title written after it: "Mark Bennett (Head of OD)", "Mark Bennett, Head
 * of OD", "Mark Bennett – Head of OD". Only when what follows is a role and what comes first is not;
 * otherwise the label is all name ("Smith, Jones and Partners" is no title).
 */
export function nameAndTitle(label: string): { name: string; title?: string } {
  const m = /^(.+?)\s*(?:\(([^)]+)\)|,\s*(.+)|\s[–—-]\s(.+))$/.exec(label.trim());
  const title = m && (m[2] ?? m[3] ?? m[4])?.trim();
  if (!m || !title || !isRole(title) || isRole(m[1]!)) return { name: label.trim() };
  return { name: m[1]!.trim(), title };
}

/** The person a new lead label names, with their title apart: two words of a name or more, else the label. */
export function newPersonName(label: string): { name: string; jobTitle?: string } {
  const { name, title } = nameAndTitle(label);
  return title && normaliseName(name).split(' ').filter(Boolean).length >= 2
    ? { name, jobTitle: title }
    : { name: label.trim() };
}
