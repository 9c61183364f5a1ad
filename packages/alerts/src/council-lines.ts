import {
  type Action,
  AlertSettings,
  atOccurrence,
  CADENCE_DAYS,
  dueOn,
  isOpen,
  lateBy,
  type Plan,
  planClock,
  type Rebaseline,
  staleSince,
} from '@peopleplan/core';
import { CouncilAlertsRepo, type DueItem, type OutboxEntry } from '@peopleplan/db';
import { daysBetween, isMondayDate, longDate, plusDays } from './dates.js';
import type { AlertsCouncil } from './history.js';
import type { AlertLine, DeadlineMove, LineRole, Recipient } from './model.js';
import { adminRecipient, deliveryLeads, planOwner, resolveLeads, strategicLeads } from './recipients.js';
import { dateStage, type Stage } from './stages.js';
import { type Gap, listWords, routedNote } from './wording.js';

const keys = CouncilAlertsRepo.keys;

/** Something owed an alert today, at a stage, before we know who hears of it. */
export interface Candidate {
  item: DueItem;
  stage: Stage;
  keyDate: string;
  note?: string;
  moved?: DeadlineMove;
  outboxSk?: string;
}

export interface CouncilRunInput {
  repo: AlertsCouncil;
  today: string;
  horizonDays: number;
  /** Items the cross-council due index gave for this council. */
  due: DueItem[];
  outbox: OutboxEntry[];
  staleProgress: 'mondays' | 'always' | 'never';
  outboxOnly: boolean;
  /** A per-item failure: reported, and the council's other items go on. */
  onProblem: (itemId: string, problem: string) => void;
}

export interface CouncilLines {
  lines: AlertLine[];
  /** Outbox entries that no longer apply (changed again, completed, deleted): closed as skipped. */
  outboxSkipped: OutboxEntry[];
  staleCheckedActions: number;
  extraDueItems: number;
  unreachable: Array<{ councilId: string; itemId: string; title: string; reason: string }>;
}

/**
 * One council's part of the alert run, read through its own session: which of its items are owed an
 * alert today, and who is told. Everything here concerns this council only.
 */
export async function councilLines(input: CouncilRunInput): Promise<CouncilLines> {
  const { repo, today } = input;
  const out: CouncilLines = {
    lines: [],
    outboxSkipped: [],
    staleCheckedActions: 0,
    extraDueItems: 0,
    unreachable: [],
  };
  await repo.load([keys.council()]);
  const council = repo.council();
  const parsed = AlertSettings.safeParse(council?.alertSettings ?? { enabled: false });
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`alert settings cannot be read: ${why}`);
  }
  const settings = parsed.data;
  if (!council || !settings.enabled) {
    out.outboxSkipped.push(...input.outbox);
    return out;
  }
  const candidates: Candidate[] = [];
  if (!input.outboxOnly) {
    const due = [...input.due];
    // A council wanting a longer due-soon window than the shared horizon reads the rest itself.
    if (settings.dueSoonDays > input.horizonDays) {
      const more = await repo.dueBetween(
        plusDays(today, input.horizonDays),
        plusDays(today, settings.dueSoonDays),
      );
      out.extraDueItems = more.length;
      due.push(...more);
    }
    candidates.push(...dateCandidates(due, today, settings));
  }
  candidates.push(...(await outboxCandidates(repo, input.outbox, out.outboxSkipped)));
  const staleMode = input.staleProgress;
  if (!input.outboxOnly && (staleMode === 'always' || (staleMode === 'mondays' && isMondayDate(today)))) {
    const stale = await staleCandidates(repo, today);
    out.staleCheckedActions = stale.checked;
    candidates.push(...stale.candidates);
  }
  await loadWhatLinesNeed(repo, candidates);
  for (const c of candidates) {
    try {
      await linesFor(repo, c, today, out);
    } catch (e) {
      input.onProblem(c.item.id, e instanceof Error ? e.message : String(e));
    }
  }
  return out;
}

function dateCandidates(due: DueItem[], today: string, settings: AlertSettings): Candidate[] {
  const out: Candidate[] = [];
  for (const item of due) {
    // An item whose stored date is not real was repaired to "unparsed" on reading: no date, no stage.
    const due = dueOn(item.due, today);
    if (!isOpen(item.status) || !due) continue;
    // A repeating deadline is told about each time it comes round: its occurrence is the key date.
    const stage = dateStage(due, today, settings);
    if (stage) out.push({ item, stage, keyDate: due });
  }
  return out;
}

async function outboxCandidates(
  repo: AlertsCouncil,
  outbox: OutboxEntry[],
  skipped: OutboxEntry[],
): Promise<Candidate[]> {
  if (!outbox.length) return [];
  await repo.load(outbox.map((o) => keys.milestone(o.planId, o.actionId, o.milestoneId)));
  const current: Array<{ o: OutboxEntry; m: DueItem }> = [];
  for (const o of outbox) {
    const m = repo.milestone(o.planId, o.actionId, o.milestoneId);
    // Changed again, completed or deleted since: the newer state is what counts.
    if (!m || !isOpen(m.status) || m.due?.due !== o.due) skipped.push(o);
    else current.push({ o, m });
  }
  const history =
    (await repo.rebaselineHistory?.(current.map(({ m }) => m))) ?? new Map<string, Rebaseline[]>();
  return current.map(({ o, m }) => {
    // This move's entry: the latest one to the date the alert is about.
    const entry = history.get(m.id)?.findLast((r) => r.to.due === o.due);
    const moved: DeadlineMove = {
      baseline: o.baselineDue,
      from: o.previousDue ?? entry?.from?.due,
      to: o.due,
      ...(entry ? { recorded: { reason: entry.reason, by: entry.by, at: entry.at } } : {}),
    };
    return { item: m, stage: 'rebaselined', keyDate: o.due, moved, outboxSk: o.sk };
  });
}

/** Open actions of active plans with no progress update within their plan's review cadence. */
async function staleCandidates(
  repo: CouncilAlertsRepo,
  today: string,
): Promise<{ candidates: Candidate[]; checked: number }> {
  const candidates: Candidate[] = [];
  let checked = 0;
  for (const plan of await repo.activePlans()) {
    const actions = await repo.planActions(plan.id);
    checked += actions.length;
    const cadence = plan.reviewCadence ?? 'quarterly';
    // Counted as the dashboard counts (core staleSince): an action never updated waits from the day its
    // plan became active, not from the day it was imported into a draft.
    const clock = planClock(plan);
    for (const a of actions) {
      if (!isOpen(a.status)) continue;
      const last = staleSince(
        { lastUpdate: a.latestUpdate?.at.slice(0, 10), created: a.createdAt.slice(0, 10) },
        clock,
      );
      const since = daysBetween(last, today);
      if (since <= CADENCE_DAYS[cadence]) continue;
      candidates.push({
        item: a,
        stage: 'stale',
        keyDate: last,
        note: `no progress update for ${since} days (since ${longDate(last)}; reviewed ${cadence})`,
      });
    }
  }
  return { candidates, checked };
}

const actionOf = (repo: CouncilAlertsRepo, i: DueItem): Action | undefined =>
  i.type === 'action' ? (i as unknown as Action) : repo.action(i.planId, i.actionId);

/** Plans, parent actions, then the people they name: read by key, each once. */
async function loadWhatLinesNeed(repo: CouncilAlertsRepo, candidates: Candidate[]): Promise<void> {
  // Members marked undeliverable by the bounce handler are not emailed (recipients.ts).
  if (candidates.length) await repo.members();
  await repo.load(
    candidates.flatMap(({ item }) => [
      keys.plan(item.planId),
      ...(item.type === 'milestone' ? [keys.action(item.planId, item.actionId)] : []),
    ]),
  );
  await repo.load(
    candidates.flatMap(({ item }) => {
      const plan = repo.plan(item.planId);
      const ids = [...(actionOf(repo, item)?.leads ?? []).map((l) => l.personId), plan?.ownerPersonId];
      return ids.filter((id): id is string => !!id).map(keys.person);
    }),
  );
}

/** Who is told about one candidate; when nobody it concerns can be, the owner or the admins are. */
async function linesFor(
  repo: CouncilAlertsRepo,
  c: Candidate,
  today: string,
  out: CouncilLines,
): Promise<void> {
  const { item } = c;
  const plan = repo.plan(item.planId);
  const action = actionOf(repo, item);
  if (!plan || plan.status === 'archived' || plan.status === 'closed' || !action) return;
  const base = baseLine(repo, c, plan, action, today);
  const add = (recipient: Recipient, role: LineRole, note?: string) =>
    out.lines.push({ ...base, recipient, role, ...(note ? { note } : {}) });
  const owner = planOwner(repo, plan);
  let told = false;
  let gaps: Gap[];
  if (c.stage === 'rebaselined') {
    if (owner) add(owner, 'owner');
    told = !!owner;
    gaps = [ownerGap(repo, plan)];
  } else {
    const leads = deliveryLeads(action);
    const { reachable, unreachable, bounced, left } = resolveLeads(repo, leads);
    for (const r of reachable) add(r, 'lead');
    told = reachable.length > 0;
    if (c.stage === 'escalated') {
      const seniors = resolveLeads(repo, strategicLeads(action)).reachable;
      const escalateTo = seniors.length ? seniors : owner ? [owner] : [];
      for (const r of escalateTo) add(r, 'escalation');
      told ||= escalateTo.length > 0;
    }
    gaps = leadGaps(leads.length, unreachable, bounced, left);
  }
  if (told) return;
  if (owner && c.stage !== 'rebaselined') {
    add(owner, 'owner', routedNote(gaps, 'owner'));
    return;
  }
  // The owner cannot be told either: said once, with what would put it right.
  if (c.stage !== 'rebaselined') gaps.push(ownerGap(repo, plan));
  const admins = (await repo.admins()).filter((m) => m.email);
  for (const m of admins) add(adminRecipient(repo.councilId, m), 'admin', routedNote(gaps, 'admin'));
  if (!admins.length) {
    const reason = `No one can be told about this: ${gaps.map((g) => g.missing).join(', and ')}.`;
    out.unreachable.push({ councilId: repo.councilId, itemId: item.id, title: item.title, reason });
  }
}

/** Why the leads of an action cannot be told. */
export function leadGaps(
  named: number,
  unreachable: string[],
  bounced: string[],
  left: string[] = [],
): Gap[] {
  if (!named) return [{ missing: 'no lead is named for this action', fix: 'name a lead for it' }];
  const noEmail = unreachable.filter((l) => !bounced.includes(l) && !left.includes(l));
  const gaps: Gap[] = [];
  if (left.length)
    gaps.push({
      missing: `${listWords(left)} ${left.length === 1 ? 'has' : 'have'} left the council`,
      fix: 'hand their actions over on their page in the people directory',
    });
  if (noEmail.length)
    gaps.push({
      missing: `${listWords(noEmail)} ${noEmail.length === 1 ? 'has' : 'have'} no email address in the people directory`,
      fix: noEmail.length === 1 ? 'add their email address' : 'add their email addresses',
    });
  if (bounced.length)
    gaps.push({
      missing: `email to ${listWords(bounced)} is not being delivered`,
      fix: 'check their email address in the people directory',
    });
  return gaps;
}

/** Why the plan's owner cannot be told. */
export function ownerGap(repo: Pick<CouncilAlertsRepo, 'person'>, plan: Plan): Gap {
  const person = plan.ownerPersonId ? repo.person(plan.ownerPersonId) : undefined;
  const name = plan.ownerLabel || person?.name;
  const who = name ? `the plan's owner (${name})` : "the plan's owner";
  if (person?.leftOn)
    return {
      missing: `${who} has left the council`,
      fix: 'hand their plans over on their page in the people directory',
    };
  if (person?.email)
    return {
      missing: `email to ${who} is not being delivered`,
      fix: 'check their email address in the people directory',
    };
  if (plan.ownerPersonId)
    return { missing: `${who} has no email address in the people directory`, fix: 'add their email address' };
  if (plan.ownerLabel)
    return {
      missing: `${who} is not linked to anyone in the people directory`,
      fix: "choose the plan's owner from the people directory",
    };
  return { missing: 'this plan has no owner', fix: "set the plan's owner" };
}

function baseLine(repo: CouncilAlertsRepo, c: Candidate, plan: Plan, action: Action, today: string) {
  const { item } = c;
  return {
    stage: c.stage,
    councilId: repo.councilId,
    councilName: repo.council()?.name ?? repo.councilId,
    planId: plan.id,
    planTitle: plan.title,
    itemType: item.type,
    itemId: item.id,
    actionId: action.id,
    actionRef: action.ref,
    ref: item.ref,
    title: item.title,
    due: atOccurrence(item.due, today),
    keyDate: c.keyDate,
    daysLate: lateBy(item.due, today),
    status: item.status,
    note: c.note,
    movedFrom: slippedFrom(item, c.stage),
    moved: c.moved,
    outboxSk: c.outboxSk,
  };
}

/** The baseline of a milestone now due later, for reminders (a re-baseline alert says more). */
function slippedFrom(item: DueItem, stage: Stage): string | undefined {
  const baseline = item.baselineDue?.due;
  const due = item.due?.due;
  return stage !== 'rebaselined' && baseline && due && baseline < due ? baseline : undefined;
}
