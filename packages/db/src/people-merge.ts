import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  type Action,
  conflict,
  type Membership,
  type Person,
  type Plan,
  personSearchDoc,
  unprocessable,
} from '@peopleplan/core';
import { nowIso } from './ids.js';
import { sk } from './keys.js';
import { PeopleRepo } from './people.js';
import { searchChanges } from './search-index.js';
import type { AuditInput, TenantStore } from './store.js';
import { nextVersion } from './versioning.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Changes per transaction: each is the item and its audit event, and every transaction also checks the
 * merge's guard on the person being merged away: 2 × 49 + 1 = 99, inside DynamoDB's 100.
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
  let refs = await references(store, fromId, intoId);
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
    for (let i = 0; i < refs.length; i += MERGE_CHUNK) {
      const chunk = refs.slice(i, i + MERGE_CHUNK);
      await store.transact(
        [guard(store, fromId, intoId), ...chunk.map((r) => versionedSet(store, r))],
        chunk.map((r) => r.audit),
        'person’s plans and actions',
      );
      for (const r of chunk) moved[r.kind]++;
    }
    refs = await references(store, fromId, intoId);
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

/** Every item that names the person: action leads, plan owners, member links. */
async function references(store: TenantStore, fromId: string, intoId: string): Promise<Reference[]> {
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
        version: i.version,
        set: { ownerPersonId: intoId },
        audit: change('plan', i.id, i.id, { ownerPersonId: fromId }, { ownerPersonId: intoId }),
      });
    }
    if (i.type !== 'action' || !visiblePlans.has(i.planId)) continue;
    const leads = i.leads ?? [];
    if (!leads.some((l) => l.personId === fromId)) continue;
    const after = leads.map((l) => (l.personId === fromId ? { ...l, personId: intoId } : l));
    out.push({
      kind: 'actions',
      sortKey: sk.action(i.planId, i.id),
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
    },
  };
}
