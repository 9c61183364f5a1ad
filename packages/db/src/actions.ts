import {
  type Action,
  type ActionCreate,
  type ActionOrder,
  type ActionPatch,
  actionSearchDoc,
  badRequest,
  conflict,
  DomainError,
  isOpen,
  londonToday,
  notFound,
  planArchived,
} from '@peopleplan/core';
import {
  ACTION_STATE_ATTRIBUTES,
  actionEntry,
  type BoardEntry,
  type BoardFacts,
  boardUpdates,
} from './boards.js';
import type { ReadConsistency } from './consistency.js';
import { newId, nowIso } from './ids.js';
import { dueIndexAttributes, sk } from './keys.js';
import {
  type MilestonesFollowing,
  milestonesFollowing,
  tooManyMilestones,
} from './milestones-with-action.js';
import { movedLater, withRebaseline } from './rebaselines.js';
import { assertReferences, crossRefReferences, leadReferences } from './references.js';
import { searchWrites } from './search-index.js';
import type { Page, TenantStore, TransactItem } from './store.js';
import { actionAddedTo, CHILD_MARK, markUnchanged, markWith } from './theme-marks.js';
import { firstVersion, patchedVersion } from './versioning.js';

interface Locator {
  target: string;
  planId: string;
  actionId?: string;
}

/** The ref check loads with the first action written by hand, not at a cold start (docs/architecture.md, §9). */
const refs = () => import('./refs.js');

export function actionIndexAttributes(councilId: string, a: Action): Record<string, string> {
  return dueIndexAttributes(councilId, a.id, a.due?.due, isOpen(a.status));
}

/** Tries of a move to another theme while sub-actions are being added under the action moved. */
const MOVE_ATTEMPTS = 3;

export class ActionsRepo {
  constructor(private readonly store: TenantStore) {}

  async list(
    planId: string,
    opts: ReadConsistency & { cursor?: string; limit?: number } = {},
  ): Promise<Page<Action>> {
    if (!(await this.store.getRaw(sk.plan(planId), opts))) throw notFound('Plan');
    return this.store.queryPage<Action>(`${sk.planChildren(planId)}ACTION#`, { ...opts, types: ['action'] });
  }

  /**
   * Finds an action by id alone through its locator item. Strong unless `read` says otherwise: the
   * action is usually edited next (its version sent back), or changed right here (consistency.ts).
   */
  async get(actionId: string, read?: ReadConsistency): Promise<Action> {
    const loc = await this.store.get<Locator>(sk.locator(actionId), read);
    const action =
      loc && !loc.actionId
        ? await this.store.getInVisiblePlan<Action>(loc.target, loc.planId, read)
        : undefined;
    if (!action) throw notFound('Action');
    return action;
  }

  async create(planId: string, input: ActionCreate): Promise<Action> {
    if (!(await this.store.getRaw(sk.plan(planId)))) throw notFound('Plan');
    const named = await assertReferences(this.store, [
      ...leadReferences(input.leads),
      ...crossRefReferences(input.crossRefs),
    ]);
    const family = input.parentId ? await this.familyOf(planId, input.parentId, input.themeId) : undefined;
    const { themeId: given, ...fields } = input;
    const themeId = family ? family.themeId : given;
    if (themeId) await this.assertThemeOf(planId, themeId);
    const id = newId();
    const claim = await (await refs()).claimActionRef(this.store, planId, input.ref, id);
    // Checked again inside the transaction, in case either is removed (or the plan archived) meanwhile;
    // the theme is marked, so that a removal of it that read its actions before is refused (theme-marks.ts).
    const checks = [this.store.conditionPlanWritable(planId), ...named];
    if (themeId) checks.push(actionAddedTo(this.store, planId, themeId));
    // A parent removed meanwhile (action-removal.ts) leaves no sub-action behind, nor does the top
    // action of the family moving to another theme (`update`): both are marked, and the parent must
    // still be in the theme read (a move that wrote first has moved it).
    if (family)
      checks.push(
        ...family.marked.map((pid, i) => this.childAdded(planId, pid, id, i ? undefined : { themeId })),
      );
    const action: Action = {
      ...fields,
      ...(themeId ? { themeId } : {}),
      id,
      planId,
      // Seconds since epoch: added actions sort after imported ones (0..n) without reading siblings.
      order: Math.floor(Date.now() / 1000),
      unplaced: [],
      ...firstVersion(),
    };
    await this.store.transact(
      [...checks, ...claim, ...this.createItems(action)],
      [{ operation: 'create', entityType: 'action', entityId: action.id, planId, after: action }],
      family ? 'plan, theme or parent action' : 'plan or theme',
    );
    return action;
  }

  /**
   * A check that a parent action exists which also marks it with the child (milestone or sub-action)
   * added in the same transaction: a removal of the parent that read it before (and so none of the new
   * child) is then refused instead of leaving the child behind (action-removal.ts). The mark is not part
   * of the action (a storage attribute, no new version), so nobody editing the action is refused for it.
   */
  childAdded(
    planId: string,
    parentId: string,
    childId: string,
    /** For a sub-action: the theme it takes, which the parent must still be in. */
    inTheme?: { themeId: string | undefined },
  ): TransactItem {
    const theme = !inTheme
      ? ''
      : inTheme.themeId
        ? ' AND themeId = :theme'
        : ' AND attribute_not_exists(themeId)';
    return markWith(this.store, sk.action(planId, parentId), CHILD_MARK, {
      condition: `attribute_exists(PK)${theme}`,
      mark: childId,
      ...(inTheme?.themeId ? { values: { ':theme': inTheme.themeId } } : {}),
    });
  }

  /**
   * A sub-action's parent (in the same plan) and the action at the top of its family, the ones its
   * creation marks (`childAdded`), and the theme it takes: its parent's. Another theme given is refused
   * (400), as moving a sub-action on its own is: it moves with its parent.
   */
  private async familyOf(
    planId: string,
    parentId: string,
    given: string | undefined,
  ): Promise<{ marked: string[]; themeId: string | undefined }> {
    const parent = await this.get(parentId);
    if (parent.planId !== planId) {
      throw badRequest('The parent action belongs to another plan', [
        { path: 'parentId', message: 'must be an action of the same plan' },
      ]);
    }
    if (given !== undefined && given !== parent.themeId) {
      throw badRequest('A sub-action is in its parent action’s theme', [
        {
          path: 'themeId',
          message: parent.themeId
            ? 'must be the parent action’s theme, or left out'
            : 'must be left out: the parent action has no theme',
        },
      ]);
    }
    // Only an action at the top of a family moves theme (its sub-actions, and theirs, with it).
    let top = parent;
    const seen = new Set([parent.id]);
    while (top.parentId && !seen.has(top.parentId)) {
      seen.add(top.parentId);
      const up = await this.store.get<Action>(sk.action(planId, top.parentId));
      if (!up) break;
      top = up;
    }
    return { marked: top === parent ? [parent.id] : [parent.id, top.id], themeId: parent.themeId };
  }

  private async assertThemeOf(planId: string, themeId: string): Promise<void> {
    if (!(await this.store.getRaw(sk.theme(planId, themeId)))) {
      throw badRequest('The theme is not part of this plan', [
        { path: 'themeId', message: 'not a theme of this plan' },
      ]);
    }
  }

  /** The items that make a new action: the action, its locator and its entry on the plan's board. */
  createItems(action: Action) {
    const target = sk.action(action.planId, action.id);
    return [
      this.store.putNew(target, 'action', action, actionIndexAttributes(this.store.ctx.councilId, action)),
      this.store.putNew(sk.locator(action.id), 'locator', { target, planId: action.planId }),
      ...boardUpdates(this.store, action.planId, [actionEntry(action)]),
      ...searchWrites(this.store, [actionSearchDoc(action)]),
    ];
  }

  /** `today`: the day a completion closing its open milestones is dated (milestones-with-action.ts). */
  async update(actionId: string, patch: ActionPatch, today: string = londonToday()): Promise<Action> {
    for (let attempt = 1; ; attempt++) {
      const after = await this.write(actionId, patch, attempt < MOVE_ATTEMPTS, today);
      if (after) return after;
    }
  }

  /**
   * One try of `update`. Answers undefined when a sub-action was added while it moved to another theme,
   * or a milestone was added or changed while it closed or reopened with them, and `mayTryAgain`
   * (nothing was written: read again, the new one moves with it).
   */
  private async write(
    actionId: string,
    patch: ActionPatch,
    mayTryAgain: boolean,
    today: string,
  ): Promise<Action | undefined> {
    const before = await this.get(actionId);
    const named = await assertReferences(this.store, [
      ...leadReferences(patch.leads, before.leads),
      ...crossRefReferences(patch.crossRefs),
    ]);
    const claim =
      patch.ref === undefined
        ? []
        : await (await refs()).claimActionRef(this.store, before.planId, patch.ref, before.id, before);
    const { ragOverride, rebaselineReason, ...rest } = patch;
    let after = patchedVersion(before, rest);
    // A due moved later is kept with the action: the first committed date, and each move with its reason.
    if (movedLater(before, after)) {
      after = withRebaseline(
        before,
        { ...after, baselineDue: before.baselineDue ?? before.due },
        rebaselineReason,
        this.store.ctx.actor.name,
      );
    }
    if (ragOverride === null) {
      const { ragOverride: _dropped, ...without } = after;
      after = without as Action;
    } else if (ragOverride) {
      after.ragOverride = { ...ragOverride, by: this.store.ctx.actor.name, at: nowIso() };
    }
    const moved = patch.themeId !== undefined && (patch.themeId ?? undefined) !== before.themeId;
    if (moved && before.parentId) {
      throw badRequest('A sub-action moves with its parent action', [
        { path: 'themeId', message: 'move the parent action to the other theme instead' },
      ]);
    }
    if (moved && after.themeId) await this.assertThemeOf(before.planId, after.themeId);
    const checks = [this.store.conditionPlanWritable(before.planId), ...named];
    // The theme moved into is marked, as adding an action to it does (theme-marks.ts).
    if (moved && after.themeId) checks.push(actionAddedTo(this.store, before.planId, after.themeId));
    // Its open milestones close with it, and reopen with it (milestones-with-action.ts); the mark is
    // read before them, as for a move.
    const following = await milestonesFollowing(this.store, before, after, today);
    // Its sub-actions (and theirs) go with it, so the plan never shows them under the old theme, and
    // their board entries with them, so dashboards count them under the new one. Its mark is read
    // before them: a sub-action added under it (or theirs: `familyOf`) after this read changes the mark,
    // and the move's condition on it fails; one added before is among those read.
    const marked = moved || following !== undefined;
    const childMark = following
      ? following.mark
      : moved
        ? (await this.store.getRaw(sk.action(before.planId, before.id)))?.[CHILD_MARK]
        : undefined;
    const below = moved ? await this.descendants(before) : [];
    const [put, ...board] = this.versionedWrite(after, patch.version, [
      ...below.map((d) => actionEntry({ ...d, themeId: after.themeId })),
      ...(following?.entries ?? []),
    ]);
    try {
      await this.store.transact(
        [
          ...checks,
          ...claim,
          ...below.map((d) => this.themeMove(d, after.themeId)),
          marked ? markUnchanged(put!, CHILD_MARK, childMark) : put!,
          ...(following?.writes ?? []),
          ...board,
          ...searchWrites(this.store, [actionSearchDoc(after)], [actionSearchDoc(before)]),
        ],
        [
          {
            operation: 'update',
            entityType: 'action',
            entityId: actionId,
            planId: before.planId,
            before,
            after,
          },
          ...(following?.audits ?? []),
        ],
        'action',
        following?.writes.length && !below.length
          ? tooManyMilestones(following.writes.length)
          : `This action has ${below.length} sub-actions, more than can move to another theme with it in one go.`,
      );
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'conflict') || !marked) throw e;
      if (!(await this.childrenChangedSince(before, patch.version, childMark, following))) throw e;
      if (mayTryAgain) return undefined;
      throw conflict(
        moved
          ? 'Sub-actions were being added to this action as it moved: reload it and move it again.'
          : 'Milestones were being added or changed under this action as it changed: reload it and try again.',
      );
    }
    return after;
  }

  /**
   * Whether the action is still at `version` but has a child added since its mark was read, or (its
   * milestones following it) one of them changed meanwhile: the action itself was not.
   */
  private async childrenChangedSince(
    action: Action,
    version: number,
    mark: unknown,
    following: MilestonesFollowing | undefined,
  ): Promise<boolean> {
    const now = await this.store.getRaw(sk.action(action.planId, action.id));
    if (!now || now.version !== version) return false;
    return now[CHILD_MARK] !== mark || ((await following?.changedSince()) ?? false);
  }

  /**
   * Every sub-action under `parent` (at any depth), with what its board entry needs and its version:
   * a strong read, because the move is written on condition that each is still as read here.
   */
  private async descendants(parent: Action): Promise<Array<BoardFacts & { version: number }>> {
    const all = await this.store.queryAll<BoardFacts & { version: number }>(
      `${sk.planChildren(parent.planId)}ACTION#`,
      { types: ['action'], attributes: [...ACTION_STATE_ATTRIBUTES, 'version'] },
    );
    const below: Array<BoardFacts & { version: number }> = [];
    const visit = (id: string) => {
      for (const a of all) {
        if (a.parentId === id && !below.some((b) => b.id === a.id) && a.id !== parent.id) {
          below.push(a);
          visit(a.id);
        }
      }
    };
    visit(parent.id);
    return below;
  }

  /** A sub-action moved to `themeId` (undefined: no theme), only if unchanged since it was read. */
  private themeMove(a: BoardFacts & { version: number }, themeId: string | undefined) {
    return {
      Update: {
        TableName: this.store.tableName,
        Key: { PK: this.store.pk, SK: sk.action(a.planId, a.id) },
        UpdateExpression: themeId
          ? 'SET themeId = :theme, version = version + :one, updatedAt = :at'
          : 'REMOVE themeId SET version = version + :one, updatedAt = :at',
        ConditionExpression: 'attribute_exists(PK) AND version = :v',
        ExpressionAttributeValues: {
          ':one': 1,
          ':at': nowIso(),
          ':v': a.version,
          ...(themeId ? { ':theme': themeId } : {}),
        },
      },
    };
  }

  /**
   * Actions that share a theme and a parent, put in a new order (ActionOrder). The first named sets
   * the group: the others must share its theme and parent.
   */
  async reorder(planId: string, input: ActionOrder): Promise<Action[]> {
    const plan = await this.store.getRaw(sk.plan(planId));
    if (!plan) throw notFound('Plan');
    // Refused alike whether or not the order would change (an order already so writes nothing).
    if (plan.status === 'archived') throw planArchived();
    const all = (
      await this.store.queryAll<Action>(`${sk.planChildren(planId)}ACTION#`, { types: ['action'] })
    ).map(({ type: _t, ...a }) => a as Action);
    const first = all.find((a) => a.id === input.actionIds[0]);
    if (!first) throw notFound('Action');
    const siblings = all.filter((a) => a.themeId === first.themeId && a.parentId === first.parentId);
    // Loaded with the first reorder: putting things in a new order is rare (docs/architecture.md, section 9).
    const { reorderWrites } = await import('./reorder.js');
    const { writes, after } = reorderWrites(this.store, siblings, input.actionIds, (a) =>
      sk.action(planId, a.id),
    );
    if (!writes.length) return after;
    await this.store.transact(
      [this.store.conditionPlanWritable(planId), ...writes],
      [
        {
          operation: 'update',
          entityType: 'plan',
          entityId: planId,
          planId,
          before: {
            actionOrder: [...siblings].sort((x, y) => x.order - y.order).map((a) => a.ref || a.title),
          },
          after: { actionOrder: after.map((a) => a.ref || a.title) },
        },
      ],
      'action',
    );
    return after;
  }

  /**
   * The action moved by a progress update: status, latest update and version, without a version check
   * from the caller, but only if no later update landed and its due date is still the one read (the
   * index keys follow from both). Then its board entry. With the milestones `following` it (closed or
   * reopened with it), their writes too, and only if no milestone was added under it since they were read.
   */
  latestUpdateWrite(before: Action, after: Action, following?: MilestonesFollowing) {
    const index = actionIndexAttributes(this.store.ctx.councilId, after);
    const names: Record<string, string> = { '#status': 'status', '#lu': 'latestUpdate', '#due': 'due' };
    const values: Record<string, unknown> = {
      ':status': after.status,
      ':lu': after.latestUpdate,
      ':one': 1,
      ':at': after.updatedAt,
      ':id': after.latestUpdate!.id,
    };
    const sets = ['#status = :status', '#lu = :lu', 'version = version + :one', 'updatedAt = :at'];
    for (const [k, v] of Object.entries(index)) {
      sets.push(`${k} = :${k}`);
      values[`:${k}`] = v;
    }
    const removes = ['DUEPK', 'DUESK', 'CPK', 'CSK'].filter((k) => !(k in index));
    const dueNow = before.due?.due;
    if (dueNow) values[':due'] = dueNow;
    const write: TransactItem = {
      Update: {
        TableName: this.store.tableName,
        Key: { PK: this.store.pk, SK: sk.action(before.planId, before.id) },
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression:
          'attribute_exists(PK) AND (attribute_not_exists(#lu) OR #lu.id < :id) AND ' +
          (dueNow ? '#due.#due = :due' : 'attribute_not_exists(#due.#due)'),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
    if (!following) return [write, ...boardUpdates(this.store, after.planId, [actionEntry(after)])];
    return [
      markUnchanged(write, CHILD_MARK, following.mark),
      ...following.writes,
      ...boardUpdates(this.store, after.planId, [actionEntry(after), ...following.entries]),
    ];
  }

  /**
   * A new version of an action, if it still has `expectedVersion`, and its board entry (with `others`
   * of the same plan changed in the same transaction: one update per board shard).
   */
  versionedWrite(after: Action, expectedVersion: number, others: readonly BoardEntry[] = []) {
    return [
      this.store.putVersioned(
        sk.action(after.planId, after.id),
        'action',
        after,
        expectedVersion,
        actionIndexAttributes(this.store.ctx.councilId, after),
      ),
      ...boardUpdates(this.store, after.planId, [actionEntry(after), ...others]),
    ];
  }
}

export type { Locator };
