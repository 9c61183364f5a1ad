import type { Action, Milestone, Person, Plan, ProgressUpdate, Theme } from './entities.js';

/**
 * What search knows of each searchable item (docs/architecture.md, "Search"): a compact text per
 * plan, theme, action, milestone, person and progress update, kept in the council's search shards in
 * the same transaction as the item itself. Long texts are kept in part: the start of a narrative is
 * what a person searching remembers, and every shard write is charged by the shard's whole size.
 */
export type SearchKind = 'plan' | 'theme' | 'action' | 'milestone' | 'person' | 'update';

export interface SearchDoc {
  kind: SearchKind;
  id: string;
  /** The plan it belongs to: it is found only while that plan is (a plan being imported is not yet). */
  planId?: string | undefined;
  actionId?: string | undefined;
  ref?: string | undefined;
  title: string;
  text?: string | undefined;
  /** A progress update's date (`YYYY-MM-DD`), for showing. */
  date?: string | undefined;
}

export const SEARCH_TITLE_CHARS = 300;
/**
 * Text kept per item besides its title: the first few lines of a narrative. Building a council's index
 * costs time in proportion to its text (measured: bench/search.bench.ts), and every search in a new
 * process pays it once.
 */
export const SEARCH_TEXT_CHARS = 240;

const KIND_LETTER: Record<SearchKind, string> = {
  plan: 'p',
  theme: 't',
  action: 'a',
  milestone: 'm',
  person: 'h',
  update: 'u',
};
const LETTER_KIND = Object.fromEntries(Object.entries(KIND_LETTER).map(([k, l]) => [l, k])) as Record<
  string,
  SearchKind
>;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);
const joined = (parts: Array<string | undefined>, n = SEARCH_TEXT_CHARS) =>
  clip(squash(parts.filter(Boolean).join(' · ')), n) || undefined;

const doc = (d: SearchDoc): SearchDoc => ({ ...d, title: clip(squash(d.title), SEARCH_TITLE_CHARS) });

export const planSearchDoc = (p: Plan): SearchDoc =>
  doc({
    kind: 'plan',
    id: p.id,
    planId: p.id,
    title: p.title,
    text: joined([p.period?.label, p.ownerLabel, p.directorate, p.division]),
  });

export const themeSearchDoc = (t: Theme): SearchDoc =>
  doc({
    kind: 'theme',
    id: t.id,
    planId: t.planId,
    ref: t.ref,
    title: t.title,
    text: joined([t.description]),
  });

export const actionSearchDoc = (a: Action): SearchDoc =>
  doc({
    kind: 'action',
    id: a.id,
    planId: a.planId,
    ref: a.ref,
    title: a.title,
    text: joined([a.leads.map((l) => l.label).join(', '), a.outcome, a.measureOfSuccess]),
  });

export const milestoneSearchDoc = (m: Milestone): SearchDoc =>
  doc({ kind: 'milestone', id: m.id, planId: m.planId, actionId: m.actionId, ref: m.ref, title: m.title });

/** A person; one an import brings is found once its plan is (`planId`), as the directory shows it then. */
export const personSearchDoc = (p: Person, importedWith?: string): SearchDoc =>
  doc({
    kind: 'person',
    id: p.id,
    ...(importedWith && { planId: importedWith }),
    title: p.name,
    text: joined([p.roleLabel, p.jobTitle, p.email]),
  });

export const updateSearchDoc = (u: ProgressUpdate): SearchDoc =>
  doc({
    kind: 'update',
    id: u.id,
    planId: u.planId,
    actionId: u.actionId,
    title: `Progress update by ${u.authorName}`,
    text: joined([u.narrative]),
    date: u.at.slice(0, 10),
  });

/** The shard attribute name of a doc: its kind's letter and its id. */
export const searchEntryName = (kind: SearchKind, id: string) => `${KIND_LETTER[kind]}${id}`;

/** A doc as stored: `[planId, actionId, ref, title, text, date]`, JSON. */
export function encodeSearchDoc(d: SearchDoc): string {
  return JSON.stringify([d.planId ?? '', d.actionId ?? '', d.ref ?? '', d.title, d.text ?? '', d.date ?? '']);
}

/** A stored entry back into a doc; undefined for anything that is not one (never thrown: search goes on). */
export function decodeSearchEntry(name: string, value: unknown): SearchDoc | undefined {
  const kind = LETTER_KIND[name.charAt(0)];
  if (!kind || typeof value !== 'string') return undefined;
  let parts: unknown;
  try {
    parts = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parts) || parts.length !== 6 || parts.some((p) => typeof p !== 'string'))
    return undefined;
  const [planId, actionId, ref, title, text, date] = parts as string[];
  return {
    kind,
    id: name.slice(1),
    ...(planId && { planId }),
    ...(actionId && { actionId }),
    ...(ref && { ref }),
    title: title!,
    ...(text && { text }),
    ...(date && { date }),
  };
}

/** True for a shard attribute that holds a search entry (not the shard's own bookkeeping). */
export const isSearchEntryName = (name: string) => /^[ptamhu][0-9A-HJKMNP-TV-Z]{26}$/.test(name);
