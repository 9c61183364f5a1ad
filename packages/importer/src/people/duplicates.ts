import { isRole, nameAndTitle } from './name-title.js';
import { matchedByVariant, normaliseName, normaliseRoleLabel } from './normalise.js';
import { DUPLICATE_REASONS, type DuplicateReason } from './reasons.js';

/**
 * Likely duplicates among the people a council's plans name, offered for merging (never merged by
 * themselves): labels that differ only in case, spaces, hyphens or full stops ("HOP OS", "HOPOS"); a
 * known typo ("Clir Jackson", "Cllr Jackson"); a first name given as an initial ("J. Turner-Robinson",
 * "Jackie Turner Robinson"); a surname alone that names exactly one person ("Turner-Robinson"); or
 * initials that fit exactly one person's name ("JS", "Jane Smith").
 */
export interface PersonLabel {
  id?: string;
  name: string;
  roleLabel?: string;
}

export type { DuplicateReason } from './reasons.js';

export interface DuplicateGroup {
  /** The labels as written, in the order given. */
  labels: string[];
  /** Ids of the people in the group, where they were given. */
  ids: string[];
  reason: DuplicateReason;
  /** Why, in words a person reads in the preview. */
  explanation: string;
}

const EXPLAIN: Record<DuplicateReason, string> = {
  spelling: 'written the same apart from case, spaces, hyphens or full stops',
  typo: 'the same once a common typo is read as meant (e.g. "Clir" for "Cllr")',
  role: 'the same name, once with the job title beside it (e.g. "Mark Bennett (Head of OD)", "Head of HR (Jane Smith)")',
  'first-name': 'the same surname, with first names a letter apart (e.g. "Jon" and "John")',
  initial: 'the same surname, with the first name given as its initial',
  surname: 'a surname on its own that matches only this one person',
  initials: 'initials that fit only this one person named in the plans (e.g. "JS" and "Jane Smith")',
};

const personWords = (label: string) => normaliseName(label).split(' ').filter(Boolean);

/** The name before a job title written after it: "Mark Bennett (Head of OD)", "Mark Bennett, Head of OD". */
const nameBeforeRole = (label: string) => {
  const { name, title } = nameAndTitle(label);
  return title ? name : label;
};

/** Two first names that can be one person's: the same, or one the other's initial. */
const sameFirst = (a: string, b: string) => a === b || ((a.length === 1 || b.length === 1) && a[0] === b[0]);

/**
 * Two first names one letter apart, inside the name: "Jon" and "John", "Philip" and "Phillip", "Rachel"
 * and "Rachael". Not a letter at the end ("Paul" and "Paula", "Louis" and "Louise" are two people), nor
 * one letter for another ("Mark" and "Mary"). A name misspelt once in a plan, or typed by someone else.
 */
function oneLetterApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) !== 1 || Math.min(a.length, b.length) < 3) return false;
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return i > 0 && i < s.length && s.slice(i) === l.slice(i + 1);
}

/** The title after a name, normalised ("" without one): two names with different titles may be two people. */
const titleAfter = (label: string, name: string) => normaliseRoleLabel(label.trim().slice(name.length));

/** Full first names written with this surname, among every label given. */
function firstNamesWith(rest: string, all: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const x of all) {
    const w = personWords(x);
    if (w.length >= 2 && w.slice(1).join(' ') === rest && w[0]!.length > 1) out.add(w[0]!);
  }
  return out;
}

/** The letters of a label written as initials only: "JS", "J.S.", "J S", "JTR"; else undefined. */
function writtenInitials(label: string): string | undefined {
  const t = label.trim();
  return /^(?:\p{Lu}\.?\s?){2,3}$/u.test(t) && !isRole(t) ? t.replace(/[.\s]/g, '').toLowerCase() : undefined;
}

/**
 * The initials a person's name can be written as: every word's ("JTR" for Jackie Turner-Robinson) and
 * first and last ("JR"). A role, or a name of one word, has none.
 */
function nameInitials(label: string): string[] {
  const name = nameBeforeRole(label);
  if (isRole(name) || writtenInitials(name)) return [];
  const w = personWords(name);
  if (w.length < 2) return [];
  return [...new Set([w.map((x) => x[0]).join(''), `${w[0]![0]}${w.at(-1)![0]}`])];
}

/**
 * "JS" beside "Jane Smith": plans often name leads by their initials. Only when the initials fit exactly
 * one person named anywhere in the labels (a "John Smith" too, and "JS" could be either).
 */
function initialsFit(short: string, name: string, all: readonly string[]): boolean {
  const fits = (l: string) => nameInitials(l).includes(short);
  if (!fits(name)) return false;
  const people = new Set(all.filter(fits).map((l) => normaliseName(nameBeforeRole(l))));
  return people.size === 1;
}

/** Why two labels are likely the same person, or undefined. Earlier reasons are the surer ones. */
function pairReason(a: string, b: string, all: readonly string[]): DuplicateReason | undefined {
  if (normaliseRoleLabel(a) === normaliseRoleLabel(b)) return matchedByVariant(a, b) ? 'typo' : 'spelling';
  // "Mark Bennett (Head of OD)" or "Mark Bennett, Head of OD" beside "Mark Bennett": one person, once
  // with the job title the plan wrote after the name.
  const [na, nb] = [nameBeforeRole(a), nameBeforeRole(b)];
  // Only when one of the two has no title: "David Jones (Head of Highways)" and "David Jones (HR Business
  // Partner)" may well be two people.
  if ((na !== a) !== (nb !== b) && na && nb && !isRole(na) && !isRole(nb)) {
    if (personWords(na).length >= 2 && normaliseName(na) === normaliseName(nb)) return 'role';
  }
  // "Jon Smith, OD Manager" and "John Smith, OD Manager": the same surname (and title, or one without),
  // first names a letter apart.
  const [ta, tb] = [titleAfter(a, na), titleAfter(b, nb)];
  if (na && nb && !isRole(na) && !isRole(nb) && (ta === tb || !ta || !tb)) {
    const [pa, pb] = [personWords(na), personWords(nb)];
    if (
      pa.length >= 2 &&
      pa.length === pb.length &&
      pa.slice(1).join(' ') === pb.slice(1).join(' ') &&
      oneLetterApart(pa[0]!, pb[0]!)
    )
      return 'first-name';
  }
  const [ia, ib] = [writtenInitials(a), writtenInitials(b)];
  if (ia && !ib) return initialsFit(ia, b, all) ? 'initials' : undefined;
  if (ib && !ia) return initialsFit(ib, a, all) ? 'initials' : undefined;
  if (isRole(a) || isRole(b)) return undefined;
  const wa = personWords(a);
  const wb = personWords(b);
  // "J. Turner-Robinson" and "Jackie Turner Robinson", unless a Jo Turner-Robinson is named too.
  if (wa.length >= 2 && wa.length === wb.length && wa.slice(1).join(' ') === wb.slice(1).join(' ')) {
    const [fa, fb] = [wa[0]!, wb[0]!];
    const rest = wa.slice(1).join(' ');
    const candidates = [...firstNamesWith(rest, all)].filter((f) => f[0] === fa[0]);
    if (fa !== fb && sameFirst(fa, fb) && candidates.length === 1) return 'initial';
    return undefined;
  }
  // "Turner-Robinson" beside "Jackie Turner Robinson": only when everyone with that surname is one person.
  const [short, long] = wa.length < wb.length ? [wa, wb] : [wb, wa];
  if (short.length === 0 || long.length <= short.length) return undefined;
  const surname = short.join(' ');
  if (long.slice(long.length - short.length).join(' ') !== surname) return undefined;
  const firsts = all
    .map(personWords)
    .filter((w) => w.length === short.length + 1 && w.slice(1).join(' ') === surname)
    .map((w) => w[0]!);
  return firsts.every((f) => firsts.every((g) => sameFirst(f, g))) ? 'surname' : undefined;
}

export function duplicateGroups(people: readonly (string | PersonLabel)[]): DuplicateGroup[] {
  const items = people.map((p) => (typeof p === 'string' ? { name: p } : p));
  const labels = items.map((p) => p.name);
  // Union-find over the pairs: a group holds everyone linked by any reason; its reason is the surest.
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    return r;
  };
  const reasonOf = new Map<number, DuplicateReason>();
  const ORDER: readonly DuplicateReason[] = DUPLICATE_REASONS;
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const r = pairReason(labels[i]!, labels[j]!, labels);
      if (!r) continue;
      const [ri, rj] = [find(i), find(j)];
      const worst = [reasonOf.get(ri), reasonOf.get(rj), r]
        .filter((x): x is DuplicateReason => !!x)
        .sort((x, y) => ORDER.indexOf(y) - ORDER.indexOf(x))[0]!;
      parent[rj] = ri;
      reasonOf.set(ri, worst);
    }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    groups.set(find(i), [...(groups.get(find(i)) ?? []), i]);
  });
  return [...groups.entries()]
    .filter(([, members]) => members.length > 1)
    .map(([root, members]) => {
      const reason = reasonOf.get(root)!;
      return {
        labels: members.map((i) => labels[i]!),
        ids: members.flatMap((i) => (items[i]!.id ? [items[i]!.id!] : [])),
        reason,
        explanation: EXPLAIN[reason],
      };
    });
}

/**
 * Likely duplicates among a council's directory, as the people page offers them for merging: a person's
 * name and the label plans write for them are both ways of naming them, and a group is of people, each
 * once (a person whose name and label match each other alone is no group).
 */
export function duplicatePeople<P extends { id: string; name: string; roleLabel?: string | undefined }>(
  people: readonly P[],
): Array<{ people: P[]; reason: DuplicateReason; explanation: string }> {
  const labels = people.flatMap((p) => [
    { id: p.id, name: p.name },
    ...(p.roleLabel && p.roleLabel !== p.name ? [{ id: p.id, name: p.roleLabel }] : []),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  return duplicateGroups(labels)
    .map((g) => ({
      people: [...new Set(g.ids)].map((id) => byId.get(id)!),
      reason: g.reason,
      explanation: g.explanation,
    }))
    .filter((g) => g.people.length > 1);
}
