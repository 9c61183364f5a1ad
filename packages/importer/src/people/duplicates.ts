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

/** What a pair's reasons ask of one label, worked out once per label rather than once per pair. */
interface Facts {
  /** Its role-label key ("HOP OS" → "hopos"). */
  key: string;
  /** The name before a job title written after it, else the label. */
  name: string;
  /** A job title was written with the name. */
  titled: boolean;
  nameIsRole: boolean;
  nameWords: string[];
  /** The name normalised ("cllr j turner robinson"). */
  normName: string;
  /** The job title after the name, normalised ("" without one). */
  title: string;
  /** The label as initials only ("js"), else undefined. */
  initials: string | undefined;
  isRole: boolean;
  words: string[];
  nameInitials: string[];
}

function factsOf(label: string): Facts {
  const name = nameBeforeRole(label);
  return {
    key: normaliseRoleLabel(label),
    name,
    titled: name !== label,
    nameIsRole: isRole(name),
    nameWords: personWords(name),
    normName: normaliseName(name),
    title: titleAfter(label, name),
    initials: writtenInitials(label),
    isRole: isRole(label),
    words: personWords(label),
    nameInitials: nameInitials(label),
  };
}

/**
 * Every label of one comparison with its facts, and what some reasons ask of all the labels at once (who
 * else has this surname; whom these initials fit) as lookups: a council's directory is compared pair by
 * pair, and scanning every label again for each pair made hundreds of people take seconds.
 */
class Labels {
  private readonly facts = new Map<string, Facts>();
  /** The first word of every label of two words or more, by the words after it. */
  private readonly firstsByRest = new Map<string, string[]>();
  /** The people (normalised names) each set of initials fits. */
  private readonly namesByInitials = new Map<string, Set<string>>();

  constructor(all: readonly string[]) {
    for (const label of all) {
      const f = this.of(label);
      if (f.words.length >= 2) {
        const rest = f.words.slice(1).join(' ');
        this.firstsByRest.set(rest, [...(this.firstsByRest.get(rest) ?? []), f.words[0]!]);
      }
      for (const i of f.nameInitials) {
        const names = this.namesByInitials.get(i) ?? new Set<string>();
        this.namesByInitials.set(i, names.add(f.normName));
      }
    }
  }

  of(label: string): Facts {
    const known = this.facts.get(label);
    if (known) return known;
    const f = factsOf(label);
    this.facts.set(label, f);
    return f;
  }

  /** First words written before these words, among every label ("turner robinson" → "jackie", "j"). */
  firstsWith(rest: string): readonly string[] {
    return this.firstsByRest.get(rest) ?? [];
  }

  /**
   * "JS" beside "Jane Smith": plans often name leads by their initials. Only when the initials fit
   * exactly one person named anywhere in the labels (a "John Smith" too, and "JS" could be either).
   */
  initialsFit(short: string, name: Facts): boolean {
    return name.nameInitials.includes(short) && this.namesByInitials.get(short)?.size === 1;
  }
}

/** Why two labels are likely the same person, or undefined. Earlier reasons are the surer ones. */
function pairReason(a: string, b: string, labels: Labels): DuplicateReason | undefined {
  const [fa, fb] = [labels.of(a), labels.of(b)];
  if (fa.key === fb.key) return matchedByVariant(a, b) ? 'typo' : 'spelling';
  // "Mark Bennett (Head of OD)" or "Mark Bennett, Head of OD" beside "Mark Bennett": one person, once
  // with the job title the plan wrote after the name.
  // Only when one of the two has no title: "David Jones (Head of Highways)" and "David Jones (HR Business
  // Partner)" may well be two people.
  const names = fa.name && fb.name && !fa.nameIsRole && !fb.nameIsRole;
  if (fa.titled !== fb.titled && names) {
    if (fa.nameWords.length >= 2 && fa.normName === fb.normName) return 'role';
  }
  // "Jon Smith, OD Manager" and "John Smith, OD Manager": the same surname (and title, or one without),
  // first names a letter apart.
  if (names && (fa.title === fb.title || !fa.title || !fb.title)) {
    const [pa, pb] = [fa.nameWords, fb.nameWords];
    if (
      pa.length >= 2 &&
      pa.length === pb.length &&
      pa.slice(1).join(' ') === pb.slice(1).join(' ') &&
      oneLetterApart(pa[0]!, pb[0]!)
    )
      return 'first-name';
  }
  const [ia, ib] = [fa.initials, fb.initials];
  if (ia && !ib) return labels.initialsFit(ia, fb) ? 'initials' : undefined;
  if (ib && !ia) return labels.initialsFit(ib, fa) ? 'initials' : undefined;
  if (fa.isRole || fb.isRole) return undefined;
  const [wa, wb] = [fa.words, fb.words];
  // "J. Turner-Robinson" and "Jackie Turner Robinson", unless a Jo Turner-Robinson is named too.
  if (wa.length >= 2 && wa.length === wb.length && wa.slice(1).join(' ') === wb.slice(1).join(' ')) {
    const [firstA, firstB] = [wa[0]!, wb[0]!];
    const rest = wa.slice(1).join(' ');
    const full = new Set(labels.firstsWith(rest).filter((f) => f.length > 1));
    const candidates = [...full].filter((f) => f[0] === firstA[0]);
    if (firstA !== firstB && sameFirst(firstA, firstB) && candidates.length === 1) return 'initial';
    return undefined;
  }
  // "Turner-Robinson" beside "Jackie Turner Robinson": only when everyone with that surname is one person.
  const [short, long] = wa.length < wb.length ? [wa, wb] : [wb, wa];
  if (short.length === 0 || long.length <= short.length) return undefined;
  const surname = short.join(' ');
  if (long.slice(long.length - short.length).join(' ') !== surname) return undefined;
  const firsts = labels.firstsWith(surname);
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
  const known = new Labels(labels);
  const ORDER: readonly DuplicateReason[] = DUPLICATE_REASONS;
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const r = pairReason(labels[i]!, labels[j]!, known);
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
