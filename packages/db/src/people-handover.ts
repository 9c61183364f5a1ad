/**
 * A person's open work, and handing it over to someone else when they leave (docs/architecture.md,
 * "Handing over and leavers"): the actions they lead in the council's plans that are not archived and
 * not completed or cancelled, and the plans they own. Loaded with the first request that needs it
 * (docs/architecture.md, section 9).
 */
import {
  type Action,
  actionSearchDoc,
  conflict,
  daysBetween,
  notFound,
  type Person,
  type Plan,
  planSearchDoc,
  plural,
  type Status,
  unprocessable,
} from '@peopleplan/core';
import { importNaming } from './import-status.js';
import { sk } from './keys.js';
import {
  change,
  changedDoc,
  labelFor,
  leadsMoved,
  MAX_MOVED_REFERENCES,
  MOVED_ITEM_ATTRIBUTES,
  type MovedReference,
  referenceBatches,
  sendBatch,
  stillHere,
} from './moved-references.js';
import type { PeopleRepo } from './people.js';
import { NAMED_MARK } from './references.js';
import type { TenantStore, TransactItem } from './store.js';

/** A council's store and directory (CouncilData's): passed in, so this module loads none of them itself. */
type Council = { store: TenantStore; people: Pick<PeopleRepo, 'get'> };

/** Work that is over: a lead of it is history, not something to hand over. Deferred work is still to do. */
const DONE: readonly Status[] = ['completed', 'cancelled'];

/** An open action the person leads, as their page lists it. */
export interface LedAction {
  planId: string;
  planTitle: string;
  id: string;
  ref: string;
  title: string;
  status: Status;
  /** The deadline as the plan wrote it. */
  due?: string;
}

/** A plan the person owns, as their page lists it. */
export interface OwnedPlan {
  id: string;
  title: string;
  status: Plan['status'];
}

export interface PersonLeads {
  actions: LedAction[];
  plans: OwnedPlan[];
}

export interface HandOver {
  /** The person who takes the work over. */
  to: string;
  /** The version of the person handing over, as the caller last saw it. */
  version: number;
  /** The actions to hand over (all the open ones they lead when absent). */
  actionIds?: string[] | undefined;
  /** The plans to hand over (all they own when absent). */
  planIds?: string[] | undefined;
}

export interface HandOverResult {
  moved: { actions: number; plans: number };
}

type PlanItem = Pick<Action, 'id' | 'planId' | 'ref' | 'title' | 'leads' | 'due' | 'version'> &
  Pick<Plan, 'ownerPersonId' | 'ownerLabel'> & { status: string; type: string };

/** The plan items that name the person: open actions they lead and plans they own, not archived ones. */
async function openWork(store: TenantStore, personId: string) {
  const items = await store.queryAll<PlanItem>('PLAN#', {
    types: ['plan', 'action'],
    // And its deadline, which the person page lists beside each action.
    attributes: [...MOVED_ITEM_ATTRIBUTES, 'due'],
  });
  // Archived plans are the council's record (docs/architecture.md, section 6); a plan an import is still
  // writing has no header yet (imports.ts), so its actions are not there yet either.
  const plans = new Map(
    items.filter((i) => i.type === 'plan' && i.status !== 'archived').map((i) => [i.id, i]),
  );
  const actions = items.filter(
    (i) =>
      i.type === 'action' &&
      plans.has(i.planId) &&
      !DONE.includes(i.status as Status) &&
      (i.leads ?? []).some((l) => l.personId === personId),
  );
  return {
    /** Every action and plan of the council, to tell an id that is not the council's (404). */
    known: {
      Action: new Set(items.filter((i) => i.type === 'action').map((i) => i.id)),
      Plan: new Set(items.filter((i) => i.type === 'plan').map((i) => i.id)),
    },
    actions,
    plans: [...plans.values()].filter((p) => p.ownerPersonId === personId),
    planTitle: (id: string) => plans.get(id)?.title ?? '',
  };
}

const byRef = (a: { ref: string }, b: { ref: string }) => a.ref.localeCompare(b.ref, 'en', { numeric: true });

/** What the person's page lists: their open actions by plan and ref, and the plans they own by title. */
export async function personLeads({ store, people }: Council, personId: string): Promise<PersonLeads> {
  await people.get(personId);
  const work = await openWork(store, personId);
  return {
    actions: work.actions
      .map((a) => ({
        planId: a.planId,
        planTitle: work.planTitle(a.planId),
        id: a.id,
        ref: a.ref,
        title: a.title,
        status: a.status as Status,
        ...(a.due?.text ? { due: a.due.text } : {}),
      }))
      .sort((a, b) => a.planTitle.localeCompare(b.planTitle) || byRef(a, b)),
    plans: work.plans
      .map((p) => ({ id: p.id, title: p.title, status: p.status as Plan['status'] }))
      .sort((a, b) => a.title.localeCompare(b.title)),
  };
}

/** A leaving date further ahead than this is more likely a mistyped year than notice given. */
const LEAVING_NOTICE_DAYS = 366;

/**
 * Refuses marking a person as having left on `leftOn` (`today`, Europe/London): 422 for a day more than
 * a year ahead (a mistyped year, most likely); 409 while they lead open actions or own a plan still in
 * use (draft or active) that is not archived: those are handed over first, so that nothing in use is
 * left with nobody to chase. Returns the person's named mark as it was before their work was read,
 * for the write that marks them as left (`PeopleRepo.update`'s `namedMark`).
 */
export async function refuseLeavingWhileLeading(
  { store, people }: Council,
  personId: string,
  leftOn: string,
  today: string,
): Promise<{ namedMark: string | undefined }> {
  // Read before their work: the write marking them as left requires it unchanged (references.ts), so a
  // lead named after this read refuses the write instead of going to someone who has left.
  const namedMark = (await store.getRaw(sk.person(personId)))?.[NAMED_MARK] as string | undefined;
  const person = await people.get(personId);
  // Named by a plan whose import is still committing: its actions are not visible yet (import-status.ts).
  const importing = await importNaming(store, namedMark);
  if (importing) {
    throw conflict(
      `${person.name} is named in a plan being imported right now${importing.filename ? ` (${importing.filename})` : ''}: ` +
        'try again once it is in, and hand over what they lead there.',
    );
  }
  if (daysBetween(today, leftOn) > LEAVING_NOTICE_DAYS) {
    throw unprocessable(
      `${person.name} cannot be marked as leaving on ${leftOn}, more than a year from now: check the date.`,
      [{ path: 'leftOn', message: 'more than a year from now' }],
    );
  }
  const work = await openWork(store, personId);
  const open = work.actions.length;
  const owned = work.plans.filter((p) => p.status === 'active' || p.status === 'draft').length;
  if (open || owned) {
    const what = [
      ...(open ? [`leads ${plural(open, 'open action')}`] : []),
      ...(owned ? [`owns ${plural(owned, 'plan')} in use`] : []),
    ].join(' and ');
    throw conflict(
      `${person.name} still ${what}: hand ${open + owned === 1 ? 'it' : 'them'} over to someone else first, ` +
        'then mark them as left.',
    );
  }
  return { namedMark };
}

/**
 * Hand the person's open work over to another person: the lead on each chosen action (all, when none
 * are named) and the ownership of each chosen plan (all, likewise). A lead or owner label that is just
 * the leaver's name takes the new person's; a role ("Head of HR") stays as written. Each item is
 * written conditionally on its version with its audit event, in transactions that also check the leaver
 * is unchanged and the new person has not left or been merged away meanwhile; a transaction refused
 * (409) writes nothing, and sending the hand-over again moves what is left.
 */
export async function handOver(
  { store, people }: Council,
  fromId: string,
  input: HandOver,
): Promise<HandOverResult> {
  if (fromId === input.to)
    throw unprocessable('A person cannot hand over to themselves: choose someone else.');
  const [from, to] = await Promise.all([people.get(fromId), people.get(input.to)]);
  if (to.mergedInto || to.mergingInto) {
    throw unprocessable(`${to.name} was merged into another person: hand over to that person instead.`);
  }
  if (to.leftOn)
    throw unprocessable(`${to.name} has left the council: hand over to someone who is still here.`);
  if (from.mergedInto || from.mergingInto) {
    throw conflict(`${from.name} was merged into another person: hand over from that person instead.`);
  }
  if (from.version !== input.version) {
    throw conflict(
      `${from.name} was changed by someone else since you opened the page. Reload and try again.`,
    );
  }
  const work = await openWork(store, fromId);
  const chosen = <T extends { id: string }>(
    items: T[],
    ids: string[] | undefined,
    what: 'Action' | 'Plan',
  ) => {
    if (!ids) return items;
    const byId = new Map(items.map((i) => [i.id, i]));
    for (const id of ids) {
      if (!work.known[what].has(id)) throw notFound(what);
      if (!byId.has(id)) {
        throw conflict(
          `${what === 'Action' ? 'An action' : 'A plan'} you chose is no longer ${from.name}’s to hand over ` +
            '(changed, closed or archived meanwhile). Reload and choose again.',
        );
      }
    }
    return [...new Set(ids)].map((id) => byId.get(id)!);
  };
  const actions = chosen(work.actions, input.actionIds, 'Action');
  const plans = chosen(work.plans, input.planIds, 'Plan');
  const refs: MovedReference[] = [
    ...plans.map((p): MovedReference => {
      const before = { ownerPersonId: fromId, ...(p.ownerLabel && { ownerLabel: p.ownerLabel }) };
      const after = {
        ownerPersonId: to.id,
        ...(p.ownerLabel && { ownerLabel: labelFor(p.ownerLabel, from, to) }),
      };
      return {
        kind: 'plans',
        sortKey: sk.plan(p.id),
        planId: p.id,
        version: p.version,
        set: after,
        audit: change('plan', p.id, p.id, before, after),
        search: changedDoc(planSearchDoc(p as never), planSearchDoc({ ...p, ...after } as never)),
      };
    }),
    ...actions.map((a): MovedReference => {
      const leads = a.leads ?? [];
      const moved = leadsMoved(leads, from, to);
      // The new person already leading the action in the same role is named once.
      const after = moved.filter(
        (l, n) => !l.personId || moved.findIndex((m) => m.personId === l.personId && m.role === l.role) === n,
      );
      return {
        kind: 'actions',
        sortKey: sk.action(a.planId, a.id),
        planId: a.planId,
        version: a.version,
        set: { leads: after },
        audit: change('action', a.id, a.planId, { leads }, { leads: after }),
        search: changedDoc(actionSearchDoc(a as never), actionSearchDoc({ ...a, leads: after } as never)),
      };
    }),
  ];
  if (refs.length > MAX_MOVED_REFERENCES) {
    throw unprocessable(
      `That is ${refs.length} actions and plans, more than the ${MAX_MOVED_REFERENCES} one hand-over moves: ` +
        'choose fewer and hand over the rest after.',
    );
  }
  const guards = [unchanged(store, from), stillHere(store, to.id)];
  const moved = { actions: 0, plans: 0 };
  for (const batch of referenceBatches(refs, guards.length)) {
    await sendBatch(store, guards, batch, 'work being handed over');
    for (const r of batch.refs) moved[r.kind === 'plans' ? 'plans' : 'actions']++;
  }
  return { moved };
}

/** The person handing over is as the caller saw them (and not being merged away): in every transaction. */
function unchanged(store: TenantStore, from: Person): TransactItem {
  return {
    ConditionCheck: {
      TableName: store.tableName,
      Key: { PK: store.pk, SK: sk.person(from.id) },
      ConditionExpression:
        'version = :v AND attribute_not_exists(mergingInto) AND attribute_not_exists(mergedInto)',
      ExpressionAttributeValues: { ':v': from.version },
    },
  };
}
