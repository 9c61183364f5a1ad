/**
 * Removing an action entered by mistake (a duplicate, say): it goes from its plan, its counts, its
 * reports, search and the alert job's view, in one transaction, and the audit trail keeps every item it
 * held (docs/architecture.md, "Removing an action"). Only an action that carries no record a committee
 * may have seen can go: no progress update, in no closed period's report, no sub-action, no milestone
 * marked done. Any other is cancelled instead (a progress update), so that its history stays.
 *
 * Loaded by the API with the first request that needs it, never at a cold start (section 9).
 */
import { type Action, conflict, type Milestone, planArchived } from '@peopleplan/core';
import type { ActionsRepo } from './actions.js';
import type { BoardsRepo } from './boards.js';
import { boardShard, sk } from './keys.js';
import { releasedClaim } from './refs.js';
import { searchChanges } from './search-index.js';
import type { SnapshotsRepo } from './snapshots.js';
import type { AuditInput, TenantStore, TransactItem } from './store.js';
import { CHILD_MARK, markUnchanged } from './theme-marks.js';

/**
 * What removing needs of a council's data (CouncilData has each). The repositories are handed in, and
 * nothing else the API loads at a cold start is imported here beyond keys and search: a module this
 * lazy chunk imported would be split out of the chunk it shares, and every route would pay for the
 * extra imports at a cold start (docs/architecture.md, section 9).
 */
export interface RemovalData {
  store: TenantStore;
  actions: ActionsRepo;
  boards: BoardsRepo;
  snapshots: SnapshotsRepo;
}

/** DynamoDB's limit on a transaction's items (store.ts `MAX_TRANSACTION_ITEMS`, not imported: above). */
const MAX_TRANSACTION_ITEMS = 100;

/** An entry's attribute in its board shard (boards.ts `entryName`; the API test sees none left behind). */
const boardEntryName = (kind: 'action' | 'milestone', id: string) => (kind === 'action' ? 'a_' : 'm_') + id;

/** Whether an action can be removed and, when it cannot, why, in words to show beside it. */
export type Removability = { removable: true } | { removable: false; reason: string };

/**
 * A close reads the plan before it stamps `closedAt`, so a closed period can hold an action only if it
 * closed after the action was added; this much is allowed for clocks that disagree.
 */
const CLOCK_MARGIN_MS = 5 * 60_000;

/** Everything the removal writes, read as it stands now. */
interface Removal {
  action: Action;
  milestones: Milestone[];
  /** Re-baseline alerts saved for these items and not yet delivered (the due index's outbox). */
  outbox: string[];
  /** The plan's closed-period record's counter as read, or none. */
  closedCounter: unknown;
  /** Other actions' cross-references and milestones' links to it, taken out with it. */
  links: Link[];
  /** The delete of its claim on its ref, if it holds one (refs.ts). */
  claim: TransactItem[];
  /** The last child added to it, as read before its children were (actions.ts `childAdded`). */
  childMark: unknown;
}

/** An item of another action that links to the removed one, and its links without it. */
interface Link {
  kind: 'action' | 'milestone';
  SK: string;
  id: string;
  planId: string;
  version: number;
  field: 'crossRefs' | 'linkedActionIds';
  before: unknown[];
  after: unknown[];
}

/**
 * Whether the action can be removed now, and why not (reads only). The action page asks on every view
 * by an editor, and every action of a newly imported plan is removable, so this never reads the other
 * items that link to it (`linksTo` reads every plan's actions): the removal itself finds and unlinks them.
 */
export async function actionRemovability(data: RemovalData, actionId: string): Promise<Removability> {
  const action = await data.actions.get(actionId);
  const read = await readRemoval(data, action, { links: false });
  if ('reason' in read) return { removable: false, reason: read.reason };
  return { removable: true };
}

/**
 * Removes the action at the version the person saw, with its locator, milestones (and theirs), board and
 * search entries and any re-baseline alert still waiting, each item's audit event holding it whole: one
 * transaction, on condition that the action is still at that version, each milestone as read, the plan
 * writable and no period of it closed meanwhile. 409 saying why (and to cancel it instead) otherwise.
 */
export async function removeAction(data: RemovalData, actionId: string, version: number): Promise<void> {
  const action = await data.actions.get(actionId);
  const read = await readRemoval(data, action, { links: true });
  if ('archived' in read) throw planArchived();
  if (version !== action.version) {
    throw conflict('The action was changed by someone else, or no longer exists. Reload it and try again.');
  }
  if ('reason' in read) throw conflict(`${named(action)} cannot be removed. ${read.reason}`);
  await data.store.transact(read.writes.items, read.writes.audits, 'action');
}

type Refusal = { reason: string; archived?: true };

/**
 * Reads what a removal needs, or why the action cannot go: its plan archived, or a record a committee
 * may have seen on it, or more than one transaction holds.
 */
async function readRemoval(
  data: RemovalData,
  action: Action,
  opts: { links: boolean },
): Promise<(Removal & { writes: ReturnType<typeof writes> }) | Refusal> {
  const { store } = data;
  const planId = action.planId;
  // Read before its milestones and sub-actions: a child added after this read changes the mark, and the
  // removal's condition on it then fails; one added before it is among those read below.
  const childMark = (await store.getRaw(sk.action(planId, action.id)))?.[CHILD_MARK];
  const [header, updates, stored, board, closed, snapshots, claim] = await Promise.all([
    store.getRaw(sk.plan(planId)),
    store.queryPage(sk.updatePrefix(planId, action.id), { limit: 1 }),
    store.queryAll<Milestone>(`${sk.action(planId, action.id)}#MS#`, { types: ['milestone'] }),
    data.boards.states(planId),
    store.getRaw(sk.closedPeriods(planId)),
    store.queryAll<{ key: string; label: string; closedAt?: string }>(sk.snapshotPrefix(planId), {
      types: ['snapshot'],
      attributes: ['key', 'label', 'closedAt'],
    }),
    releasedClaim(store, action),
  ]);
  if (header?.status === 'archived') return { reason: planArchived().message, archived: true };
  const refuse = (why: string): Refusal => ({ reason: `${why}: cancel it instead.` });
  if (updates.items.length || action.latestUpdate) return refuse('It has progress updates');
  const reported = await closedReportWith(data.snapshots, action, snapshots);
  if (reported) return refuse(`It is in the closed report for ${reported}`);
  const below = board.actions.filter((a) => a.parentId === action.id).length;
  if (below) return refuse(below === 1 ? 'It has a sub-action' : `It has ${below} sub-actions`);
  const milestones = stored.map(({ type: _t, ...m }) => m as Milestone);
  const done = milestones.find((m) => m.status === 'completed' || m.completedOn);
  if (done) return refuse(`Its milestone “${done.title}” is marked done`);
  const outbox = await Promise.all(
    [action.id, ...milestones.map((m) => m.id)].map(async (id) =>
      (await store.queryAllRaw(`ALERT#${id}#`, ['alert-outbox']))
        // Delivered or skipped ones have left the due index: they are the alert job's record.
        .filter((r) => r.DUEPK !== undefined)
        .map((r) => String(r.SK)),
    ),
  );
  const links = opts.links ? await linksTo(store, action) : [];
  const removal: Removal = {
    action,
    milestones,
    outbox: outbox.flat(),
    closedCounter: closed?.v,
    links,
    claim,
    childMark,
  };
  // Built once: counted here against a transaction's limit, and sent as they are by `removeAction`.
  const w = writes(store, removal);
  const size = (x: ReturnType<typeof writes>) => x.items.length + x.audits.length;
  if (size(w) > MAX_TRANSACTION_ITEMS) {
    if (size(writes(store, { ...removal, links: [] })) <= MAX_TRANSACTION_ITEMS) {
      return refuse(`It is linked from too many other items to remove in one go (${links.length})`);
    }
    return refuse(`It has too many milestones to remove in one go (${milestones.length})`);
  }
  return { ...removal, writes: w };
}

/** The removal's transaction: conditions, deletes, board and search updates, and an audit event per item. */
function writes(store: TenantStore, r: Removal): { items: TransactItem[]; audits: AuditInput[] } {
  const { action, milestones } = r;
  const planId = action.planId;
  const gone = [
    { kind: 'action' as const, id: action.id },
    ...milestones.map((m) => ({ kind: 'milestone' as const, id: m.id })),
  ];
  return {
    items: [
      store.conditionPlanWritable(planId),
      closedUnchanged(store, planId, r.closedCounter),
      // At the version read, and with no milestone or sub-action added since (its mark as read).
      markUnchanged(
        store.deleteVersioned(sk.action(planId, action.id), action.version),
        CHILD_MARK,
        r.childMark,
      ),
      deleteItem(store, sk.locator(action.id)),
      ...r.claim,
      ...milestones.flatMap((m) => [
        store.deleteVersioned(sk.milestone(planId, action.id, m.id), m.version),
        deleteItem(store, sk.locator(m.id)),
      ]),
      ...boardRemovals(store, planId, gone),
      ...searchChanges(store, { set: [], remove: gone }),
      ...r.outbox.map((key) => deleteItem(store, key)),
      // Another plan's items change too: it must still be writable (archived plans keep theirs).
      ...[...new Set(r.links.map((l) => l.planId))]
        .filter((id) => id !== planId)
        .map((id) => store.conditionPlanWritable(id)),
      ...r.links.map((l) => unlinked(store, l)),
    ],
    audits: [
      { operation: 'delete', entityType: 'action', entityId: action.id, planId, before: action },
      ...milestones.map(
        (m): AuditInput => ({
          operation: 'delete',
          entityType: 'milestone',
          entityId: m.id,
          planId,
          before: m,
        }),
      ),
      ...r.links.map(
        (l): AuditInput => ({
          operation: 'update',
          entityType: l.kind,
          entityId: l.id,
          planId: l.planId,
          before: { [l.field]: l.before },
          after: { [l.field]: l.after },
        }),
      ),
    ],
  };
}

/** What the removal reads of each action and milestone that may link to it. */
type Linking = Pick<Action, 'id' | 'planId' | 'version' | 'crossRefs'> &
  Partial<Pick<Milestone, 'actionId' | 'linkedActionIds'>> & { type: string };

/**
 * The items that link to the action: cross-references of other actions and links of milestones of
 * other actions. A link may name an action of any plan of the council (references.ts checks only the
 * council's locator) and nothing indexes links, so every plan's actions and milestones are read: plans
 * listed by the council index (plan headers only), one key range each under `PLAN#<p>#ACTION#` (no
 * sections, themes or closed periods), archived plans left out (read-only: their links stay, the record).
 */
async function linksTo(store: TenantStore, action: Action): Promise<Link[]> {
  const plans = (await store.queryCouncilIndexAll('PLAN#', 'PLAN#~')).filter(
    (p) => p.type === 'plan' && p.status !== 'archived' && typeof p.id === 'string',
  );
  const items = await Promise.all(
    plans.map((p) =>
      store.queryAll<Linking>(`${sk.planChildren(String(p.id))}ACTION#`, {
        types: ['action', 'milestone'],
        attributes: ['id', 'planId', 'actionId', 'version', 'crossRefs', 'linkedActionIds'],
      }),
    ),
  );
  const gone = action.id;
  return items.flat().flatMap((i): Link[] => {
    const base = { id: i.id, planId: i.planId, version: i.version };
    if (i.type === 'action' && i.id !== gone && i.crossRefs?.some((c) => c.actionId === gone)) {
      // The cross-reference keeps its words ("see 1.1"); only its link goes.
      const after = i.crossRefs.map(({ actionId, ...c }) => (actionId === gone ? c : { ...c, actionId }));
      const SK = sk.action(i.planId, i.id);
      return [{ ...base, kind: 'action', SK, field: 'crossRefs', before: i.crossRefs, after }];
    }
    if (i.type === 'milestone' && i.actionId && i.actionId !== gone && i.linkedActionIds?.includes(gone)) {
      const after = i.linkedActionIds.filter((id) => id !== gone);
      const SK = sk.milestone(i.planId, i.actionId, i.id);
      return [{ ...base, kind: 'milestone', SK, field: 'linkedActionIds', before: i.linkedActionIds, after }];
    }
    return [];
  });
}

/** The linking item's field without the link, conditional on the version read (409 if it changed). */
const unlinked = (store: TenantStore, l: Link): TransactItem => ({
  Update: {
    TableName: store.tableName,
    Key: { PK: store.pk, SK: l.SK },
    UpdateExpression: 'SET #f = :f, #version = :next, #at = :now',
    ConditionExpression: 'attribute_exists(PK) AND #version = :v',
    ExpressionAttributeNames: { '#f': l.field, '#version': 'version', '#at': 'updatedAt' },
    ExpressionAttributeValues: {
      ':f': l.after,
      ':v': l.version,
      ':next': l.version + 1,
      ':now': new Date().toISOString(),
    },
  },
});

/** The label of a closed period whose report holds the action, if any. */
async function closedReportWith(
  repo: SnapshotsRepo,
  action: Action,
  snapshots: ReadonlyArray<{ key: string; label: string; closedAt?: string }>,
): Promise<string | undefined> {
  const since = new Date(Date.parse(action.createdAt) - CLOCK_MARGIN_MS).toISOString();
  // Only a period closed after the action was added can hold it: only their entries are read.
  for (const s of snapshots.filter((x) => !x.closedAt || x.closedAt >= since)) {
    if ((await repo.get(action.planId, s.key))?.entries[action.id]) return s.label;
  }
  return undefined;
}

/** "Action 2.4 “Run a menopause café”". */
const named = (a: Action) => `Action ${a.ref ? `${a.ref} ` : ''}“${a.title}”`;

const deleteItem = (store: TenantStore, SK: string): TransactItem => ({
  Delete: { TableName: store.tableName, Key: { PK: store.pk, SK } },
});

/**
 * A check that no period of the plan was closed or reopened since it was read (closed-periods.ts: every
 * close moves the item's counter on, making the item if need be), so that a close cannot freeze the
 * action into a report while it is being removed.
 */
function closedUnchanged(store: TenantStore, planId: string, counter: unknown): TransactItem {
  return {
    ConditionCheck: {
      TableName: store.tableName,
      Key: { PK: store.pk, SK: sk.closedPeriods(planId) },
      ConditionExpression: counter === undefined ? 'attribute_not_exists(#v)' : '#v = :v',
      ExpressionAttributeNames: { '#v': 'v' },
      ...(counter === undefined ? {} : { ExpressionAttributeValues: { ':v': counter } }),
    },
  };
}

/**
 * The updates that take these entries off their plan's board, one per shard touched; each also sets what
 * every board write sets (boards.ts), so that no shard is left half made.
 */
function boardRemovals(
  store: TenantStore,
  planId: string,
  entries: ReadonlyArray<{ kind: 'action' | 'milestone'; id: string }>,
): TransactItem[] {
  const byShard = new Map<number, string[]>();
  for (const e of entries) {
    const n = boardShard(e.id);
    byShard.set(n, [...(byShard.get(n) ?? []), boardEntryName(e.kind, e.id)]);
  }
  return [...byShard].map(([n, names]) => ({
    Update: {
      TableName: store.tableName,
      Key: { PK: store.pk, SK: sk.board(planId, n) },
      UpdateExpression: `SET #type = :type, #plan = :plan, #shard = :shard REMOVE ${names.map((_, i) => `#e${i}`).join(', ')}`,
      ExpressionAttributeNames: {
        '#type': 'type',
        '#plan': 'planId',
        '#shard': 'shard',
        ...Object.fromEntries(names.map((name, i) => [`#e${i}`, name])),
      },
      ExpressionAttributeValues: { ':type': 'board', ':plan': planId, ':shard': n },
    },
  }));
}
