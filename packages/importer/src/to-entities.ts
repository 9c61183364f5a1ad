import { createHash } from 'node:crypto';
import type { Action, Milestone, Person, Plan, PlanBundle, ProgressUpdate, Theme } from '@peopleplan/core';
import type { ParsedAction, ParsedPlan } from './parsed-plan.js';
import { newPersonName } from './people/name-title.js';
import { normaliseRoleLabel } from './people/normalise.js';
import { progressEntries } from './progress-log.js';

/** What committing an import writes: every record with its final id, ready for the database. */
export interface ImportEntities extends PlanBundle {
  /** Lead labels that matched nobody in the directory: created as people without email, flagged. */
  unresolvedLeads: string[];
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Ids derived from the import id and the record's place in the plan: committing the same import
 * twice produces the same ids, which is what makes a retried commit idempotent.
 */
export function deterministicId(importId: string, path: string): string {
  const digest = createHash('sha256').update(`${importId}|${path}`).digest();
  let rand = '';
  for (let i = 0; i < 16; i++) rand += CROCKFORD[digest[i]! % 32];
  return importId.slice(0, 10) + rand;
}

/**
 * Directory matching: case, spaces, hyphens, full stops and common typos do not matter, so a label Word
 * split across a line ("Princi pal HCU") or mistyped ("Clir Jackson") finds the same person as the whole
 * one (people/normalise.ts).
 */
export const normaliseLabel = normaliseRoleLabel;

/** What a person chose in the preview for a lead label the directory did not know. */
export type LeadChoice = { personId: string } | { sameAs: string };

interface EntityContext {
  councilId: string;
  importId: string;
  actor: { sub: string; name: string };
  people: Person[];
  now: string;
  status?: Plan['status'];
  /**
   * Labels that name someone in `people` under another spelling: a person merged into another keeps
   * their labels here, pointing at the one they were merged into (people-merge.ts in packages/db).
   */
  aliases?: ReadonlyArray<{ label: string; personId: string }>;
  /** Per lead label as written: an existing person, or the same person as another new label. */
  leadChoices?: Readonly<Record<string, LeadChoice>>;
}

/** What the steps below share: ids derived from the import, the time stamp, and what they write. */
interface Build {
  ctx: EntityContext;
  id: (path: string) => string;
  stamp: { version: number; createdAt: string; updatedAt: string };
  planId: string;
  personFor: (label: string) => Person;
  actions: Action[];
  milestones: Milestone[];
  updates: ProgressUpdate[];
  actionByRef: Map<string, Action>;
  order: number;
  /** The plan's period: a two-digit year in a progress log is read nearest it. */
  period?: { start?: string; end?: string };
}

export function toEntities(parsed: ParsedPlan, ctx: EntityContext): ImportEntities {
  const id = (path: string) => deterministicId(ctx.importId, path);
  const stamp = { version: 1, createdAt: ctx.now, updatedAt: ctx.now };
  const planId = id('plan');
  const people = directory(ctx, id, stamp);
  const b: Build = {
    ctx,
    id,
    stamp,
    planId,
    personFor: people.personFor,
    actions: [],
    milestones: [],
    updates: [],
    actionByRef: new Map(),
    order: 0,
    ...(parsed.period ? { period: parsed.period } : {}),
  };
  const plan: Plan = {
    id: planId,
    councilId: ctx.councilId,
    title: parsed.title,
    kind: parsed.kind,
    ...(parsed.themeNoun ? { themeNoun: parsed.themeNoun } : {}),
    period: parsed.period ?? {},
    ...(parsed.ownerLabel ? { ownerLabel: parsed.ownerLabel } : {}),
    ...(parsed.directorate ? { directorate: parsed.directorate } : {}),
    ...(parsed.division ? { division: parsed.division } : {}),
    status: ctx.status ?? 'active',
    reviewCadence: 'quarterly',
    reportingPoints: [],
    sections: parsed.sections,
    unplaced: parsed.unplaced,
    ...stamp,
  };
  const themes: Theme[] = parsed.themes.map((t, ti) => {
    const themeId = id(`theme:${ti}`);
    t.actions.forEach((a, ai) => {
      addAction(b, a, themeId, `${ti}.${ai}`);
    });
    return {
      id: themeId,
      planId,
      ref: t.ref,
      title: t.title,
      ...(t.description ? { description: t.description } : {}),
      order: ti,
      ...stamp,
    };
  });
  linkCrossRefs(b, parsed);
  keyMilestones(b, parsed, plan);
  return {
    plan,
    themes,
    actions: b.actions,
    milestones: b.milestones,
    updates: b.updates,
    people: people.newPeople,
    ...planTables(b, parsed),
    unresolvedLeads: people.unresolved,
  };
}

/**
 * The council's directory by normalised name and role label (and the labels of people merged into
 * others); a person's choice in the preview comes first; labels nobody matches become new, unresolved
 * people.
 */
function directory(ctx: EntityContext, id: (path: string) => string, stamp: Build['stamp']) {
  const byLabel = new Map<string, Person>();
  const byId = new Map(ctx.people.map((p) => [p.id, p]));
  // Someone who has left is matched by nobody's label: a plan naming them gets a person to check instead.
  for (const p of ctx.people.filter((x) => !x.leftOn)) {
    byLabel.set(normaliseLabel(p.name), p);
    if (p.roleLabel) byLabel.set(normaliseLabel(p.roleLabel), p);
  }
  for (const a of ctx.aliases ?? []) {
    const p = byId.get(a.personId);
    if (p && !byLabel.has(normaliseLabel(a.label))) byLabel.set(normaliseLabel(a.label), p);
  }
  const choices = new Map(
    Object.entries(ctx.leadChoices ?? {}).map(([label, c]) => [normaliseLabel(label), c]),
  );
  const newPeople: Person[] = [];
  const unresolved: string[] = [];
  const personFor = (label: string, depth = 0): Person => {
    const key = normaliseLabel(label);
    const choice = choices.get(key);
    if (choice && 'personId' in choice) {
      const chosen = byId.get(choice.personId);
      if (chosen) return chosen;
    }
    // "Same person as another new label": followed a few steps at most, so a loop cannot hang.
    if (choice && 'sameAs' in choice && depth < 5 && normaliseLabel(choice.sameAs) !== key) {
      return personFor(choice.sameAs, depth + 1);
    }
    let p = byLabel.get(key);
    if (!p) {
      p = {
        id: id(`person:${key}`),
        councilId: ctx.councilId,
        // "Helen Price, Head of HR": the person is Helen Price, her title apart; the label as written
        // stays her role label, which later imports match.
        ...newPersonName(label),
        roleLabel: label,
        unresolved: true,
        alertPreferences: { frequency: 'immediate', dueSoon: true },
        ...stamp,
      };
      byLabel.set(key, p);
      newPeople.push(p);
      unresolved.push(label);
    }
    return p;
  };
  return { personFor, newPeople, unresolved };
}

function addAction(b: Build, a: ParsedAction, themeId: string, path: string, parentId?: string) {
  const { id, planId, stamp } = b;
  const actionId = id(`action:${path}`);
  const description = [a.description, a.outcome].filter(Boolean).join('\n\n');
  const action: Action = {
    id: actionId,
    planId,
    themeId,
    ...(parentId ? { parentId } : {}),
    ref: a.ref,
    title: a.title,
    ...(description ? { outcome: description } : {}),
    ...(a.currentPosition ? { currentPosition: a.currentPosition } : {}),
    ...(a.constraints ? { constraints: a.constraints } : {}),
    ...(a.measureOfSuccess ? { measureOfSuccess: a.measureOfSuccess } : {}),
    leads: a.leads.map((l) => ({ ...l, personId: b.personFor(l.label).id })),
    ...(a.start ? { start: a.start } : {}),
    ...(a.due ? { due: a.due } : {}),
    status:
      a.status ??
      (a.due?.kind === 'completed' ? 'completed' : a.due?.kind === 'ongoing' ? 'ongoing' : 'not-started'),
    crossRefs: a.crossRefs.map((x) => ({ text: x.text })),
    unplaced: a.unplaced,
    ...(a.extra?.length ? { extra: a.extra.map((x) => ({ label: x.label, text: x.text })) } : {}),
    order: b.order++,
    ...stamp,
  };
  b.actions.push(action);
  if (!b.actionByRef.has(a.ref)) b.actionByRef.set(a.ref, action);
  a.milestones.forEach((m, i) => {
    b.milestones.push({
      id: id(`ms:${path}:${i}`),
      planId,
      actionId,
      linkedActionIds: [],
      ref: m.ref,
      title: m.title,
      due: m.due,
      baselineDue: m.due,
      // An action the plan marks complete has met its milestones, whatever their dates.
      status:
        m.completed || m.due.kind === 'completed' || action.status === 'completed'
          ? 'completed'
          : 'not-started',
      ...stamp,
    });
  });
  if (a.progress) firstUpdate(b, action, a.progress, path);
  a.subActions.forEach((s, i) => {
    addAction(b, s, themeId, `${path}.${i}`, actionId);
  });
}

/**
 * The plan's own progress column becomes the action's imported progress updates: one, on the import
 * day, or one a dated entry when the cell is a dated log (progress-log.ts), each at its own date, so
 * that reports count it under the period its date falls in (an update filed under no period of the
 * plan counts by its date, docs/architecture.md) and the latest entry is the action's latest update.
 */
function firstUpdate(b: Build, action: Action, narrative: string, path: string) {
  const entries = progressEntries(narrative, b.ctx.now.slice(0, 10), b.period);
  const dated = entries.length > 1 || entries[0]!.date !== undefined;
  entries.forEach((entry, i) => {
    const u: ProgressUpdate = {
      id: dated ? orderedId(b.id(`upd:${path}:${i}`), i) : b.id(`upd:${path}`),
      planId: b.planId,
      actionId: action.id,
      authorSub: b.ctx.actor.sub,
      authorName: `${b.ctx.actor.name} (imported)`,
      // Midday UTC: the same day in London whatever the season (reports read an update's day there).
      at: entry.date ? `${entry.date}T12:00:00.000Z` : b.ctx.now,
      period: 'imported',
      narrative: entry.text,
      status: action.status,
    };
    b.updates.push(u);
    action.latestUpdate = {
      id: u.id,
      at: u.at,
      authorName: u.authorName,
      status: u.status,
      narrative: u.narrative,
      // Says it is the plan's own progress, as an update's summary says its period: pages give its day alone.
      period: u.period,
    };
  });
}

/**
 * An action's history is listed in the order of its updates' ids (newest first): a log's entries, written
 * at once, take ids in their dates' order (the import's id first, as every id of the import has).
 */
const orderedId = (id: string, i: number) =>
  id.slice(0, 10) + CROCKFORD[Math.floor(i / 32) % 32]! + CROCKFORD[i % 32]! + id.slice(12);

/** Cross-references ("See Diversity") point at the action they name, where the importer found it. */
function linkCrossRefs(b: Build, parsed: ParsedPlan) {
  const flat = parsed.themes.flatMap((t) => flatten(t.actions));
  flat.forEach((pa, i) => {
    const action = b.actions[i]!;
    action.crossRefs = pa.crossRefs.map((x) => {
      const target = x.targetRef ? b.actionByRef.get(x.targetRef) : undefined;
      return target ? { text: x.text, actionId: target.id } : { text: x.text };
    });
  });
}

/** Key milestones belong to the first action they cite and link the others. */
function keyMilestones(b: Build, parsed: ParsedPlan, plan: Plan) {
  parsed.milestones.forEach((m, i) => {
    const linked = m.actionRefs.map((r) => b.actionByRef.get(r)).filter((a): a is Action => !!a);
    const owner = linked[0];
    if (!owner) {
      plan.unplaced.push(
        `Key milestone ${m.ref}: ${m.title} (${m.due.text}) cites no action found in the plan`,
      );
      return;
    }
    b.milestones.push({
      id: b.id(`keyms:${i}`),
      planId: b.planId,
      actionId: owner.id,
      linkedActionIds: linked.slice(1).map((a) => a.id),
      ref: m.ref,
      title: m.title,
      due: m.due,
      baselineDue: m.due,
      status: m.due.kind === 'completed' ? 'completed' : 'not-started',
      ...b.stamp,
    });
  });
}

/** Indicators, risks, continuity, decisions and dependencies, each with its id. */
function planTables(b: Build, parsed: ParsedPlan) {
  const { id, planId, stamp } = b;
  return {
    indicators: parsed.indicators.map((x, i) => {
      const { frequency: _f, ...rest } = x;
      return { ...rest, id: id(`pi:${i}`), planId, goodDirection: 'up' as const, ...stamp };
    }),
    risks: parsed.risks.map((x, i) => ({ ...x, id: id(`risk:${i}`), planId, ...stamp })),
    continuity: parsed.continuity.map((x, i) => ({ ...x, id: id(`bc:${i}`), planId, ...stamp })),
    decisions: parsed.decisions.map((x, i) => ({
      id: id(`dec:${i}`),
      planId,
      ...(x.ref ? { ref: x.ref } : {}),
      title: x.title,
      ...(x.decisionMaker ? { decisionMaker: x.decisionMaker } : {}),
      ...(x.due ? { due: x.due } : {}),
      ...(x.inForwardPlan ? { description: `In forward plan: ${x.inForwardPlan}` } : {}),
      ...stamp,
    })),
    dependencies: parsed.dependencies.map((x, i) => ({
      id: id(`dep:${i}`),
      planId,
      fromUnit: x.fromUnit,
      description: x.description,
      actionRefs: x.actionRefs,
      ...(x.expected ? { expected: x.expected } : {}),
      ...stamp,
    })),
  };
}

function flatten(actions: ParsedAction[]): ParsedAction[] {
  return actions.flatMap((a) => [a, ...flatten(a.subActions)]);
}
