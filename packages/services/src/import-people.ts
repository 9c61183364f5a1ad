import { badRequest, type Person } from '@peopleplan/core';
import {
  type DuplicateReason,
  duplicateGroups,
  type LeadChoice,
  normaliseLabel,
  type ParsedAction,
  type ParsedPlan,
} from '@peopleplan/importer';

/** How a lead of the plan was matched to the directory at preview. */
export interface PreviewLead {
  /** The label as the plan first writes it. */
  label: string;
  /** How many actions name it. */
  actions: number;
  /** The person it will point at; absent: a new person will be added for it. */
  person?: { id: string; name: string; roleLabel?: string | undefined; via: 'directory' | 'merged' };
  /**
   * Someone in the directory by that name or role who has left the council: not matched (they lead
   * nothing new), so the officer can say who leads instead; otherwise a person to check is added.
   */
  left?: { name: string; leftOn: string };
}

/** Someone a new lead is likely to be: a person in the directory, or another new lead of this plan. */
export interface LeadCandidate {
  label: string;
  personId?: string | undefined;
  reason: DuplicateReason;
  explanation: string;
}

export interface PreviewPeople {
  leads: PreviewLead[];
  /** For each new lead that looks like someone else: who, and why (offered for merging, never merged by itself). */
  suggestions: Array<{ label: string; candidates: LeadCandidate[] }>;
}

/**
 * The directory as an import matches it: by normalised name and role label (normaliseRoleLabel), with
 * the labels of people merged into others pointing at the person they were merged into. Someone who
 * has left leads nothing new (docs/architecture.md, "Handing over and leavers"): they match no label
 * and may not be chosen, as the commit's own matching (importer to-entities.ts) has it; `left` says
 * who they were, so the preview can tell the officer why a familiar name is new.
 */
export function directoryOf(all: Person[]) {
  /** Everyone not merged away: names the reader may know as leads, whether here or gone. */
  const kept = all.filter((p) => !p.mergedInto);
  const active = kept.filter((p) => !p.leftOn);
  const byId = new Map(active.map((p) => [p.id, p]));
  const byKey = new Map<string, { person: Person; via: 'directory' | 'merged' }>();
  const left = new Map<string, Person>();
  for (const p of kept) {
    for (const l of [p.name, p.roleLabel])
      if (l) {
        if (p.leftOn) left.set(normaliseLabel(l), p);
        else byKey.set(normaliseLabel(l), { person: p, via: 'directory' });
      }
  }
  const aliases: Array<{ label: string; personId: string }> = [];
  for (const m of all.filter((p) => p.mergedInto)) {
    const survivor = survivorOf(m, all);
    if (!survivor) continue;
    for (const l of [m.name, m.roleLabel]) {
      if (!l) continue;
      if (survivor.leftOn) {
        if (!left.has(normaliseLabel(l))) left.set(normaliseLabel(l), survivor);
        continue;
      }
      aliases.push({ label: l, personId: survivor.id });
      if (!byKey.has(normaliseLabel(l))) byKey.set(normaliseLabel(l), { person: survivor, via: 'merged' });
    }
  }
  // A label someone here also answers to is theirs, not the leaver's.
  for (const key of byKey.keys()) left.delete(key);
  return { kept, active, byId, byKey, left, aliases, known: [...byKey.keys()] };
}
export type Directory = ReturnType<typeof directoryOf>;

/** The person a merged one ends at (a merge into someone later merged again), a few steps at most. */
function survivorOf(p: Person, all: Person[]): Person | undefined {
  let at: Person | undefined = p;
  for (let i = 0; at?.mergedInto && i < 5; i++) {
    const next: string = at.mergedInto;
    at = all.find((x) => x.id === next);
  }
  return at && !at.mergedInto ? at : undefined;
}

/** Each lead label of the plan once (by its matching key), in document order, with how many actions name it. */
export function planLeads(plan: ParsedPlan): Array<{ label: string; actions: number }> {
  const out = new Map<string, { label: string; actions: number }>();
  const visit = (a: ParsedAction) => {
    for (const l of a.leads) {
      const key = normaliseLabel(l.label);
      const seen = out.get(key);
      if (seen) seen.actions++;
      else out.set(key, { label: l.label, actions: 1 });
    }
    a.subActions.forEach(visit);
  };
  for (const t of plan.themes) t.actions.forEach(visit);
  return [...out.values()];
}

/** Leads matched to the directory, and likely duplicates among the directory and the new leads. */
export function previewPeople(plan: ParsedPlan, dir: Directory): PreviewPeople {
  const leads: PreviewLead[] = planLeads(plan).map((l) => {
    const hit = dir.byKey.get(normaliseLabel(l.label));
    if (!hit) {
      const gone = dir.left.get(normaliseLabel(l.label));
      return gone?.leftOn ? { ...l, left: { name: gone.name, leftOn: gone.leftOn } } : l;
    }
    const { id, name, roleLabel } = hit.person;
    return { ...l, person: { id, name, ...(roleLabel ? { roleLabel } : {}), via: hit.via } };
  });
  const fresh = leads.filter((l) => !l.person).map((l) => l.label);
  if (!fresh.length) return { leads, suggestions: [] };
  // Each distinct label once: a person's name and role label, and the new leads.
  const who = new Map<string, string | undefined>();
  for (const p of dir.active) for (const l of [p.name, p.roleLabel]) if (l && !who.has(l)) who.set(l, p.id);
  for (const l of fresh) if (!who.has(l)) who.set(l, undefined);
  const groups = duplicateGroups([...who.keys()]);
  const suggestions = fresh.flatMap((label) => {
    const candidates: LeadCandidate[] = [];
    for (const g of groups.filter((x) => x.labels.includes(label))) {
      for (const other of g.labels) {
        const personId = who.get(other);
        if (other === label || (personId && candidates.some((c) => c.personId === personId))) continue;
        candidates.push({
          label: other,
          ...(personId ? { personId } : {}),
          reason: g.reason,
          explanation: g.explanation,
        });
      }
    }
    return candidates.length ? [{ label, candidates }] : [];
  });
  return { leads, suggestions };
}

/**
 * A person's choices for new leads, checked against this plan and the directory: a label the plan
 * names, pointing at a person in the directory or at another label of the plan.
 */
export function checkLeadChoices(
  plan: ParsedPlan,
  dir: Directory,
  choices: Record<string, LeadChoice>,
): Record<string, LeadChoice> {
  const labels = new Set(planLeads(plan).map((l) => normaliseLabel(l.label)));
  const problems: Array<{ path: string; message: string }> = [];
  // One lead written two ways is one lead: two different answers would lead its actions by one person
  // and give both its label (labelsToRemember).
  const chosen = new Map<string, string>();
  for (const [label, choice] of Object.entries(choices)) {
    const at = `people.${label}`;
    const key = normaliseLabel(label);
    const answer = 'personId' in choice ? `id:${choice.personId}` : `as:${normaliseLabel(choice.sameAs)}`;
    if ((chosen.get(key) ?? answer) !== answer)
      problems.push({ path: at, message: 'another choice names this lead: give one choice for each lead' });
    chosen.set(key, chosen.get(key) ?? answer);
    if (!labels.has(key)) problems.push({ path: at, message: 'no lead of this plan has this label' });
    else if ('personId' in choice && !dir.byId.has(choice.personId))
      problems.push({
        path: `${at}.personId`,
        message: dir.kept.some((p) => p.id === choice.personId)
          ? 'has left the council: choose someone still here'
          : 'not a person in this council’s directory',
      });
    else if ('sameAs' in choice && !labels.has(normaliseLabel(choice.sameAs)))
      problems.push({ path: `${at}.sameAs`, message: 'no lead of this plan has this label' });
  }
  if (problems.length) throw badRequest('Some choices of who leads an action do not fit this plan', problems);
  return choices;
}

/**
 * The leads an officer said are someone in the directory who has no label in plans yet: each such
 * person takes the lead's words as their label (`roleLabel`), once, so that the next plan naming them
 * so ("Head of Talent") finds them by itself instead of asking again. A person who has a label keeps it.
 */
export function labelsToRemember(
  dir: Directory,
  choices: Record<string, LeadChoice>,
): Array<{ person: Person; label: string }> {
  const out = new Map<string, { person: Person; label: string }>();
  // Someone's own name is never another's label: not a leaver's either (the officer chose who leads
  // instead of them), whose role label ("Head of Talent") passes on.
  const names = new Set(dir.kept.map((p) => normaliseLabel(p.name)));
  for (const [label, choice] of Object.entries(choices)) {
    if (!('personId' in choice)) continue;
    const person = dir.byId.get(choice.personId);
    const key = normaliseLabel(label);
    if (!person || person.roleLabel || out.has(person.id)) continue;
    if (names.has(key) || dir.byKey.has(key)) continue;
    // Their own name written another way ("J. Turner-Robinson") is offered again by itself: no label.
    if (duplicateGroups([label, person.name]).length) continue;
    out.set(person.id, { person, label: label.trim() });
  }
  return [...out.values()];
}
