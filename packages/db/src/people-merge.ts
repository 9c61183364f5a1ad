import {
  type Action,
  conflict,
  DomainError,
  type Membership,
  type Person,
  type Plan,
  personSearchDoc,
  unprocessable,
} from '@peopleplan/core';
import { nowIso } from './ids.js';
import { sk } from './keys.js';
import { PeopleRepo } from './people.js';
import { NOT_ARCHIVED } from './plan-archived.js';
import { searchChanges } from './search-index.js';
import { type AuditInput, MAX_TRANSACTION_ITEMS, type TenantStore, type TransactItem } from './store.js';
import { nextVersion } from './versioning.js';

/**
 * Changes per transaction at most: each is the item and its audit event; every transaction also checks
 * the merge's guard on the person being merged away and that each plan it changes is not archived:
 * 2 × 49 + 1 + 1 = 100 when they are all in one plan (`mergeBatches` packs fewer when they span plans).
 */
export const MERGE_CHUNK = 49;
/** References one merge moves at most (about 40 transactions): above this the merge is refused whole. */
export const MAX_MERGE_REFERENCES = 2_000;
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
type PlanItem = Pick<Action, 'id' | 'version' | 'leads' | 'planId'> &
  Pick<Plan, 'ownerPersonId'> & { status?: string };

interface Reference {
  sortKey: string;
  /** The plan the item belongs to (a plan header's own id); none for a member link. */
  planId?: string;
  version: number;
  set: Record<string, unknown>;
  audit: AuditInput;
  kind: keyof MergeResult['moved'];
}

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
  const [from, into] = await Promise.all([people.get(fromId), people.get(intoId)]);
  if (into.mergedInto || into.mergingInto) {
    throw conflict(`${into.name} has been merged into someone else: merge into that person instead.`);
  }
  const done = from.mergedInto === intoId;
  if ((from.mergedInto && !done) || (from.mergingInto && from.mergingInto !== intoId)) {
    throw conflict(`${from.name} has already been merged into someone else.`);
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
    marked = nextVersion(from, { mergingInto: intoId });
    await store.transact(
      [store.putVersioned(sk.person(fromId), 'person', marked, from.version)],
      [{ operation: 'update', entityType: 'person', entityId: fromId, before: from, after: marked }],
      'person',
    );
  }
  const moved = { actions: 0, plans: 0, members: 0 };
  for (let pass = 0; pass < PASSES && refs.length; pass++) {
    for (const batch of mergeBatches(refs)) {
      try {
        await store.transact(
          [guard(store, fromId, intoId), ...batch.checks.map((id) => store.conditionPlanWritable(id))].concat(
            batch.refs.map((r) => versionedSet(store, r)),
          ),
          batch.refs.map((r) => r.audit),
          'person’s plans and actions',
        );
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

/** A person's name, perhaps with their title after a comma: "Jon Smith", "Jon Smith, OD Manager". */
const PERSONS_NAME =
  /^(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z]\.?)(?: (?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z]\.?)){1,3}(?:,.*)?$/;

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
  const sameName = (label: string) =>
    label.trim().toLowerCase() === from.name.trim().toLowerCase() && PERSONS_NAME.test(label.trim());
  const [planItems, members] = await Promise.all([
    store.queryAll<PlanItem>('PLAN#', {
      types: ['plan', 'action'],
      attributes: ['id', 'planId', 'leads', 'ownerPersonId', 'version', 'status'],
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
      out.push({
        kind: 'plans',
        sortKey: sk.plan(i.id),
        planId: i.id,
        version: i.version,
        set: { ownerPersonId: intoId },
        audit: change('plan', i.id, i.id, { ownerPersonId: fromId }, { ownerPersonId: intoId }),
      });
    }
    if (i.type !== 'action' || !visiblePlans.has(i.planId)) continue;
    const leads = i.leads ?? [];
    if (!leads.some((l) => l.personId === fromId)) continue;
    const after = leads.map((l) =>
      l.personId === fromId
        ? { ...l, personId: intoId, ...(sameName(l.label) && { label: into.name.slice(0, 200) }) }
        : l,
    );
    out.push({
      kind: 'actions',
      sortKey: sk.action(i.planId, i.id),
      planId: i.planId,
      version: i.version,
      set: { leads: after },
      audit: change('action', i.id, i.planId, { leads }, { leads: after }),
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

const change = (
  entityType: string,
  entityId: string,
  planId: string | undefined,
  before: object,
  after: object,
): AuditInput => ({
  operation: 'update',
  entityType,
  entityId,
  ...(planId ? { planId } : {}),
  before,
  after,
});

/** One transaction of a merge: its changes, and the plans to check are not archived. */
export interface MergeBatch<R extends Pick<Reference, 'planId' | 'kind'> = Reference> {
  refs: R[];
  /** Plans with changed actions and no change of their own header here (which is checked itself). */
  checks: string[];
}

/**
 * The references packed into transactions of at most MAX_TRANSACTION_ITEMS: the guard, each change and
 * its audit event, and one check per plan whose actions change (so that a plan archived meanwhile stops
 * the transaction: archived plans are read-only, docs/architecture.md section 6).
 */
export function mergeBatches<R extends Pick<Reference, 'planId' | 'kind'>>(refs: R[]): MergeBatch<R>[] {
  const batches: MergeBatch<R>[] = [];
  let refsIn: R[] = [];
  let actionPlans = new Set<string>();
  let headers = new Set<string>();
  const close = () => {
    if (refsIn.length)
      batches.push({ refs: refsIn, checks: [...actionPlans].filter((id) => !headers.has(id)) });
    refsIn = [];
    actionPlans = new Set();
    headers = new Set();
  };
  const size = (extraPlans: number) =>
    1 + 2 * (refsIn.length + 1) + [...actionPlans].filter((id) => !headers.has(id)).length + extraPlans;
  for (const r of refs) {
    const newCheck = r.kind === 'actions' && r.planId && !actionPlans.has(r.planId) && !headers.has(r.planId);
    // A header joining a batch that already checks its plan replaces that check.
    const dropsCheck = r.kind === 'plans' && r.planId && actionPlans.has(r.planId) && !headers.has(r.planId);
    if (size((newCheck ? 1 : 0) - (dropsCheck ? 1 : 0)) > MAX_TRANSACTION_ITEMS) close();
    refsIn.push(r);
    if (r.planId && r.kind === 'actions') actionPlans.add(r.planId);
    if (r.planId && r.kind === 'plans') headers.add(r.planId);
  }
  close();
  return batches;
}

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

/** Only the fields that change, the version and the time: the rest of the item (index keys too) stays. */
function versionedSet(store: TenantStore, r: Reference): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':v': r.version, ':next': r.version + 1, ':now': nowIso() };
  const sets = Object.entries(r.set).map(([k, v], n) => {
    names[`#f${n}`] = k;
    values[`:f${n}`] = v;
    return `#f${n} = :f${n}`;
  });
  return {
    Update: {
      TableName: store.tableName,
      Key: { PK: store.pk, SK: r.sortKey },
      UpdateExpression: `SET ${sets.join(', ')}, version = :next, updatedAt = :now`,
      ConditionExpression: 'attribute_exists(PK) AND version = :v',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      // A plan's own header: refused once archived, and said so (plan-archived.ts).
      ...(r.kind === 'plans' && {
        ConditionExpression: `attribute_exists(PK) AND version = :v AND ${NOT_ARCHIVED.ConditionExpression}`,
        ExpressionAttributeNames: { ...names, ...NOT_ARCHIVED.ExpressionAttributeNames },
        ExpressionAttributeValues: { ...values, ...NOT_ARCHIVED.ExpressionAttributeValues },
        ReturnValuesOnConditionCheckFailure: NOT_ARCHIVED.ReturnValuesOnConditionCheckFailure,
      }),
    },
  };
}
