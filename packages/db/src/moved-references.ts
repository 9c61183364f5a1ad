/**
 * What moving a person's references to another person needs, whether a merge (people-merge.ts) or a
 * hand-over (people-handover.ts): each changed item as a version-checked update of only its changed
 * fields with its audit event, packed into transactions that also check their plans are not archived.
 */
import { encodeSearchDoc, type Lead, type Person, type SearchDoc } from '@peopleplan/core';
import { nowIso } from './ids.js';
import { searchShard, sk } from './keys.js';
import { NOT_ARCHIVED } from './plan-archived.js';
import { searchWrites } from './search-index.js';
import { type AuditInput, MAX_TRANSACTION_ITEMS, type TenantStore, type TransactItem } from './store.js';

/** References one merge or hand-over moves at most (about 40 transactions): above this it is refused whole. */
export const MAX_MOVED_REFERENCES = 2_000;

/** One item whose reference to a person changes. */
export interface MovedReference {
  sortKey: string;
  /** The plan the item belongs to (a plan header's own id); none for a member link. */
  planId?: string;
  version: number;
  set: Record<string, unknown>;
  audit: AuditInput;
  kind: 'actions' | 'plans' | 'members';
  /** The item's search entry after the change, when its searchable text changes (a lead's or owner's label). */
  search?: SearchDoc | undefined;
}

/**
 * What search knows of a plan or action (core search-docs.ts) besides the id, plan, ref, title, leads and
 * owner's label a move reads anyway: read with them, so a moved label's entry is written with the move.
 */
export const SEARCHED = ['outcome', 'measureOfSuccess', 'period', 'directorate', 'division'] as const;

/**
 * What a hand-over or merge reads of each plan and action that may name the person: who leads or owns
 * it, its version for the conditional write, and what search knows of it (`SEARCHED`).
 */
export const MOVED_ITEM_ATTRIBUTES = [
  'id',
  'planId',
  'ref',
  'title',
  'leads',
  'status',
  'ownerPersonId',
  'ownerLabel',
  'version',
  ...SEARCHED,
] as const;

/** The item's search entry after the change, if it differs from the one before. */
export const changedDoc = (before: SearchDoc, after: SearchDoc) =>
  encodeSearchDoc(before) === encodeSearchDoc(after) ? undefined : after;

export const change = (
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

/** A person's name, perhaps with their title after a comma: "Jon Smith", "Jon Smith, OD Manager". */
const PERSONS_NAME =
  /^(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z]\.?)(?: (?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z]\.?)){1,3}(?:,.*)?$/;

/**
 * A label that is just `from`'s name, written as a person's name ("Jon Smith"), now names `into`. Any
 * other label ("HOP OS", "Head of HR") stays as the plan wrote it: the role is still the role.
 */
export function labelFor(label: string, from: Pick<Person, 'name'>, into: Pick<Person, 'name'>): string {
  const same =
    label.trim().toLowerCase() === from.name.trim().toLowerCase() && PERSONS_NAME.test(label.trim());
  return same ? into.name.slice(0, 200) : label;
}

/** An action's leads with `from`'s moved to `into`, their labels as `labelFor` says. */
export const leadsMoved = (
  leads: Lead[],
  from: Pick<Person, 'id' | 'name'>,
  into: Pick<Person, 'id' | 'name'>,
) =>
  leads.map((l) =>
    l.personId === from.id ? { ...l, personId: into.id, label: labelFor(l.label, from, into) } : l,
  );

/** One transaction's worth of references, and the plans to check are not archived. */
type Batched = Pick<MovedReference, 'planId' | 'kind' | 'search'>;

export interface ReferenceBatch<R extends Batched = MovedReference> {
  refs: R[];
  /** Plans with changed actions and no change of their own header here (which is checked itself). */
  checks: string[];
}

/**
 * The references packed into transactions of at most MAX_TRANSACTION_ITEMS: `guards` checks of the
 * people concerned, each change and its audit event, one check per plan whose actions change (so
 * that a plan archived meanwhile stops the transaction: archived plans are read-only,
 * docs/architecture.md section 6), and the search shard and stamp of each shard whose entries change.
 */
export function referenceBatches<R extends Batched>(refs: R[], guards: number): ReferenceBatch<R>[] {
  const batches: ReferenceBatch<R>[] = [];
  let refsIn: R[] = [];
  let actionPlans = new Set<string>();
  let headers = new Set<string>();
  let shards = new Set<number>();
  const close = () => {
    if (refsIn.length)
      batches.push({ refs: refsIn, checks: [...actionPlans].filter((id) => !headers.has(id)) });
    refsIn = [];
    actionPlans = new Set();
    headers = new Set();
    shards = new Set();
  };
  const size = (extra: number) =>
    guards +
    2 * (refsIn.length + 1) +
    [...actionPlans].filter((id) => !headers.has(id)).length +
    2 * shards.size +
    extra;
  for (const r of refs) {
    const newCheck = r.kind === 'actions' && r.planId && !actionPlans.has(r.planId) && !headers.has(r.planId);
    // A header joining a batch that already checks its plan replaces that check.
    const dropsCheck = r.kind === 'plans' && r.planId && actionPlans.has(r.planId) && !headers.has(r.planId);
    // A search entry in a shard the batch does not yet write adds that shard and its stamp.
    const shard = r.search ? searchShard(r.search.id) : undefined;
    const newShard = shard !== undefined && !shards.has(shard);
    const extra = (newCheck ? 1 : 0) - (dropsCheck ? 1 : 0) + (newShard ? 2 : 0);
    if (size(extra) > MAX_TRANSACTION_ITEMS) close();
    refsIn.push(r);
    if (r.planId && r.kind === 'actions') actionPlans.add(r.planId);
    if (r.planId && r.kind === 'plans') headers.add(r.planId);
    if (shard !== undefined) shards.add(shard);
  }
  close();
  return batches;
}

/**
 * One batch's transaction: the guards, its plan checks, its changes and the search entries they change
 * (one update per shard), with their audit events.
 */
export function sendBatch(
  store: TenantStore,
  guards: TransactItem[],
  batch: ReferenceBatch,
  what: string,
): Promise<void> {
  return store.transact(
    [...guards, ...batch.checks.map((id) => store.conditionPlanWritable(id))].concat(
      batch.refs.map((r) => versionedSet(store, r)),
      searchWrites(
        store,
        batch.refs.flatMap((r) => (r.search ? [r.search] : [])),
      ),
    ),
    batch.refs.map((r) => r.audit),
    what,
  );
}

/** Only the fields that change, the version and the time: the rest of the item (index keys too) stays. */
function versionedSet(store: TenantStore, r: MovedReference): TransactItem {
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

/**
 * The person taking the references (a hand-over's new person, a merge's survivor) has not left or been
 * merged away meanwhile: checked in every transaction that moves references to them.
 */
export function stillHere(store: TenantStore, toId: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: store.tableName,
      Key: { PK: store.pk, SK: sk.person(toId) },
      ConditionExpression:
        'attribute_exists(PK) AND attribute_not_exists(leftOn) AND attribute_not_exists(mergingInto) AND attribute_not_exists(mergedInto)',
    },
  };
}
