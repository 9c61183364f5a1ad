import {
  type Action,
  actionSearchDoc,
  conflict,
  DomainError,
  type Membership,
  type Person,
  type Plan,
  personSearchDoc,
  planSearchDoc,
  unprocessable,
} from '@peopleplan/core';
import { nowIso } from './ids.js';
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
import { PeopleRepo } from './people.js';
import { NAMED_MARK } from './references.js';
import { searchChanges } from './search-index.js';
import type { TenantStore, TransactItem } from './store.js';
import { markUnchanged } from './theme-marks.js';
import { nextVersion } from './versioning.js';

/**
 * Changes per transaction at most: each is the item and its audit event; every transaction also checks
 * the merge's guard on the person being merged away, that the survivor is still here, and that each plan
 * it changes is not archived: 2 × 48 + 2 + 1 = 99 when they are all in one plan (`mergeBatches` packs
 * fewer when they span plans).
 */
export const MERGE_CHUNK = 48;
/** The checks every merge transaction holds besides its changes: `guard` and `stillHere`. */
const MERGE_GUARDS = 2;
/** References one merge moves at most (about 40 transactions): above this the merge is refused whole. */
export const MAX_MERGE_REFERENCES = MAX_MOVED_REFERENCES;
/** Passes over the references: one that appeared while the first pass ran is moved by the next. */
const PASSES = 3;

export interface MergeResult {
  /** The person who stays, with blanks filled from the one merged into them. */
  person: Person;
  /** The person merged away: kept as a record pointing at `person`. */
  merged: Person;
  moved: { actions: number; plans: number; members: number };
}

/** What a merge reads of a plan header or an action. */
type PlanItem = Pick<Action, 'id' | 'version' | 'leads' | 'planId' | 'ref' | 'title'> &
  Pick<Plan, 'ownerPersonId' | 'ownerLabel'> & { status?: string };

type Reference = MovedReference;

/**
 * Merge one person of the directory into another (docs/architecture.md, "Merging people"). Every
 * reference moves to the survivor — action leads (the label kept as written), plan owners, member links;
 * milestones name no person — each change with its audit event. The person merged away is kept with
 * `mergedInto`, so the history still reads and an import still matches their labels.
 *
 * More references than one transaction takes are moved in transactions of 99 items, made safe to stop
 * part way: the person is first marked `mergingInto` (a version-checked write), every later transaction
 * checks that mark and each item's version, and only the last one sets `mergedInto`. A merge stopped
 * part way is finished by sending it again; a changed item (409) or another merge is never overwritten.
 */
export async function mergePerson(
  store: TenantStore,
  fromId: string,
  intoId: string,
  expectedVersion: number,
): Promise<MergeResult> {
  if (fromId === intoId)
    throw unprocessable('A person cannot be merged into themselves: choose someone else.');
  const people = new PeopleRepo(store);
  // Read before their references: a plan's import naming them is not visible until it is in, and the
  // mark its commit leaves says so (import-status.ts); marking them as merging requires it unchanged.
  const namedMark = (await store.getRaw(sk.person(fromId)))?.[NAMED_MARK] as string | undefined;
  const [from, into] = await Promise.all([people.get(fromId), people.get(intoId)]);
  if (into.mergedInto || into.mergingInto) {
    throw conflict(`${into.name} has been merged into someone else: merge into that person instead.`);
  }
  const done = from.mergedInto === intoId;
  if ((from.mergedInto && !done) || (from.mergingInto && from.mergingInto !== intoId)) {
    throw conflict(`${from.name} has already been merged into someone else.`);
  }
  // Their open work would pass to someone nobody can chase (as a hand-over to a leaver would).
  if (into.leftOn && !done) {
    throw unprocessable(`${into.name} has left the council: merge into someone who is still here.`, [
      { path: 'into', message: 'has left the council' },
    ]);
  }
  const resuming = done || from.mergingInto === intoId;
  if (!resuming && from.version !== expectedVersion) {
    throw conflict(
      `${from.name} was changed by someone else since you opened the page. Reload and try again.`,
    );
  }
  let refs = await references(store, from, into);
  if (refs.length > MAX_MERGE_REFERENCES) {
    throw unprocessable(
      `${from.name} is named in ${refs.length} places, more than the ${MAX_MERGE_REFERENCES} one merge moves: ` +
        'reassign some of their actions first.',
    );
  }
  let marked = from;
  if (!resuming) {
    const importing = await importNaming(store, namedMark);
    if (importing) {
      throw conflict(
        `${from.name} is named in a plan being imported right now${importing.filename ? ` (${importing.filename})` : ''}: ` +
          'merge them once it is in, and its actions move too.',
      );
    }
    marked = nextVersion(from, { mergingInto: intoId });
    await store.transact(
      [
        markUnchanged(
          store.putVersioned(sk.person(fromId), 'person', marked, from.version),
          NAMED_MARK,
          namedMark,
        ),
      ],
      [{ operation: 'update', entityType: 'person', entityId: fromId, before: from, after: marked }],
      'person',
    );
  }
  const moved = { actions: 0, plans: 0, members: 0 };
  for (let pass = 0; pass < PASSES && refs.length; pass++) {
    for (const batch of mergeBatches(refs)) {
      try {
        const guards = [guard(store, fromId, intoId), stillHere(store, intoId)];
        await sendBatch(store, guards, batch, 'person’s plans and actions');
      } catch (e) {
        // A plan was archived since the references were read: nothing of this batch was written. The
        // next pass reads them again, without that plan (archived plans keep their references).
        if (e instanceof DomainError && e.code === 'plan-archived') break;
        throw e;
      }
      for (const r of batch.refs) moved[r.kind]++;
    }
    refs = await references(store, from, into);
  }
  if (done) return { person: into, merged: from, moved };
  return finish(store, marked, into, moved);
}

/** The last transaction: the merged person points at the survivor, who takes what they lacked. */
async function finish(
  store: TenantStore,
  from: Person,
  into: Person,
  moved: MergeResult['moved'],
): Promise<MergeResult> {
  const { mergingInto: _m, ...rest } = from;
  const merged: Person = nextVersion(rest as Person, { mergedInto: into.id, mergedAt: nowIso() });
  const filled: Partial<Person> = {
    ...(!into.email && from.email ? { email: from.email } : {}),
    ...(!into.jobTitle && from.jobTitle ? { jobTitle: from.jobTitle } : {}),
    ...(!into.roleLabel && from.roleLabel ? { roleLabel: from.roleLabel } : {}),
    // Someone checked either one: the survivor counts as known.
    unresolved: into.unresolved && from.unresolved,
  };
  const person = nextVersion(into, filled);
  await store.transact(
    [
      {
        Put: {
          ...store.putVersioned(sk.person(from.id), 'person', merged, from.version).Put!,
          ConditionExpression: 'attribute_exists(PK) AND version = :v AND mergingInto = :into',
          ExpressionAttributeValues: { ':v': from.version, ':into': into.id },
        },
      },
      store.putVersioned(sk.person(into.id), 'person', person, into.version),
      // Search finds the person who stays (with what they took over), not the record merged away.
      ...searchChanges(store, { set: [personSearchDoc(person)], remove: [{ kind: 'person', id: from.id }] }),
    ],
    [
      { operation: 'update', entityType: 'person', entityId: from.id, before: from, after: merged },
      { operation: 'update', entityType: 'person', entityId: into.id, before: into, after: person },
    ],
    'person',
  );
  return { person, merged, moved };
}

/**
 * Every item that names the person: action leads, plan owners, member links. A lead whose label is just
 * the merged person's name, written as a person's name ("Jon Smith"), takes the survivor's ("John
 * Smith"): the merge says which spelling is right. Any other label ("HOP OS", "Head of HR") stays as the
 * plan wrote it.
 */
async function references(
  store: TenantStore,
  from: Pick<Person, 'id' | 'name'>,
  into: Pick<Person, 'id' | 'name'>,
): Promise<Reference[]> {
  const fromId = from.id;
  const intoId = into.id;
  const [planItems, members] = await Promise.all([
    store.queryAll<PlanItem>('PLAN#', {
      types: ['plan', 'action'],
      attributes: [...MOVED_ITEM_ATTRIBUTES],
    }),
    store.queryAll<Membership>('MEMBER#', { types: ['member'] }),
  ]);
  // Items of a plan an import is still writing are not there yet (imports.ts): its header comes last.
  // Archived plans are the council's record and are not changed (docs/architecture.md, section 6):
  // their references stay, and still read, because the person merged away is kept.
  const visiblePlans = new Set(
    planItems.filter((i) => i.type === 'plan' && i.status !== 'archived').map((i) => i.id),
  );
  const out: Reference[] = [];
  for (const i of planItems) {
    if (i.type === 'plan' && i.status !== 'archived' && i.ownerPersonId === fromId) {
      // The owner's label follows the lead labels' rule, as a hand-over's does.
      const label = i.ownerLabel;
      const before = { ownerPersonId: fromId, ...(label && { ownerLabel: label }) };
      const after = { ownerPersonId: intoId, ...(label && { ownerLabel: labelFor(label, from, into) }) };
      out.push({
        kind: 'plans',
        sortKey: sk.plan(i.id),
        planId: i.id,
        version: i.version,
        set: after,
        audit: change('plan', i.id, i.id, before, after),
        search: changedDoc(planSearchDoc(i as never), planSearchDoc({ ...i, ...after } as never)),
      });
    }
    if (i.type !== 'action' || !visiblePlans.has(i.planId)) continue;
    const leads = i.leads ?? [];
    if (!leads.some((l) => l.personId === fromId)) continue;
    const after = leadsMoved(leads, from, into);
    out.push({
      kind: 'actions',
      sortKey: sk.action(i.planId, i.id),
      planId: i.planId,
      version: i.version,
      set: { leads: after },
      audit: change('action', i.id, i.planId, { leads }, { leads: after }),
      search: changedDoc(actionSearchDoc(i as never), actionSearchDoc({ ...i, leads: after } as never)),
    });
  }
  for (const m of members.filter((x) => x.personId === fromId)) {
    out.push({
      kind: 'members',
      sortKey: sk.member(m.userSub),
      version: m.version,
      set: { personId: intoId },
      audit: change('member', m.userSub, undefined, { personId: fromId }, { personId: intoId }),
    });
  }
  return out;
}

/** The references packed into transactions beside the merge's guards (moved-references.ts). */
export const mergeBatches = <R extends Pick<Reference, 'planId' | 'kind'>>(refs: R[]) =>
  referenceBatches(refs, MERGE_GUARDS);

/** The merge is still the one this request is doing (or has done): checked in every transaction. */
function guard(store: TenantStore, fromId: string, intoId: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: store.tableName,
      Key: { PK: store.pk, SK: sk.person(fromId) },
      ConditionExpression: 'mergingInto = :into OR mergedInto = :into',
      ExpressionAttributeValues: { ':into': intoId },
    },
  };
}
