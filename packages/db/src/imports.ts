import { gunzipSync, gzipSync } from 'node:zlib';
import {
  actionSearchDoc,
  closedWithActions,
  conflict,
  DomainError,
  londonToday,
  milestoneSearchDoc,
  notFound,
  type PlanBundle,
  personSearchDoc,
  planSearchDoc,
  themeSearchDoc,
  updateSearchDoc,
} from '@peopleplan/core';
import { actionIndexAttributes } from './actions.js';
import { boardShardItems } from './boards.js';
import { nowIso } from './ids.js';
import { abandonedCommit, importMark } from './import-status.js';
import { inTransactions, itemSize, MAX_ITEM_BYTES } from './item-size.js';
import { planIndexAttributes, sk } from './keys.js';
import { milestoneIndexAttributes } from './milestones.js';
import { headerOf } from './plans.js';
import { markNamed } from './references.js';
import { SearchIndexRepo, searchWrites } from './search-index.js';
import { type Item, MAX_TRANSACTION_ITEMS, type TenantStore, type TransactItem } from './store.js';

export interface ImportRecord {
  id: string;
  /**
   * `committing`: items are being written; none of them is visible until the plan header lands with
   * the record marked `committed` (the last transaction). A commit abandoned part way is cleaned up
   * and the record goes back to `preview`, so a retry still completes it.
   */
  status: 'preview' | 'committing' | 'committed';
  /** Set when committing starts: what a clean-up of an abandoned commit must remove. */
  planId?: string;
  personIds?: string[];
  startedAt?: string;
  filename?: string;
  createdBy: string;
  createdAt: string;
  committedAt?: string;
}

/** Previews expire after a week; a committed import's record stays (it is what makes retries safe). */
const PREVIEW_TTL_SECONDS = 7 * 24 * 3600;
/** Stay well under DynamoDB's 400 KB item limit. */
const MAX_PREVIEW_BYTES = 350_000;

/**
 * Import previews and commits. A commit writes in several transactions (DynamoDB takes 100 items
 * each), so it is made safe to retry instead: ids are derived from the import id, every item may be
 * re-put only by the same import, and the plan header — which makes the plan visible — goes last,
 * with the import marked committed in the same transaction.
 */
export class ImportsRepo {
  constructor(private readonly store: TenantStore) {}

  async savePreview(id: string, payload: unknown, meta: { filename?: string }): Promise<ImportRecord> {
    const zipped = gzipSync(JSON.stringify(payload));
    if (zipped.length > MAX_PREVIEW_BYTES) {
      throw new DomainError(
        'payload-too-large',
        'This plan is too large to preview in one go: split it into parts.',
      );
    }
    const record: ImportRecord = {
      id,
      status: 'preview',
      ...(meta.filename ? { filename: meta.filename } : {}),
      createdBy: this.store.ctx.actor.sub,
      createdAt: nowIso(),
    };
    await this.store.transact(
      [
        {
          Put: {
            TableName: this.store.tableName,
            Item: {
              ...record,
              payload: zipped,
              PK: this.store.pk,
              SK: sk.importPreview(id),
              type: 'import',
              expiresAt: Math.floor(Date.now() / 1000) + PREVIEW_TTL_SECONDS,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ],
      [],
      'import',
    );
    return record;
  }

  async get(id: string): Promise<{ record: ImportRecord; payload: unknown }> {
    const item = await this.stored(id);
    const bytes = item.payload instanceof Uint8Array ? item.payload : undefined;
    return {
      record: recordOf(item),
      payload: bytes ? JSON.parse(gunzipSync(bytes).toString('utf8')) : undefined,
    };
  }

  /** The import's item as stored, its preview still packed. */
  private async stored(id: string): Promise<Item> {
    const item = await this.store.getRaw(sk.importPreview(id));
    if (!item) throw notFound('Import');
    return item;
  }

  async commit(importId: string, given: PlanBundle): Promise<ImportRecord> {
    // The record alone: the commit is given the plan, so the stored preview is not unpacked.
    const stored = await this.stored(importId);
    const record = recordOf(stored);
    if (record.status === 'committed') return record;
    // An action imported as closed brings no open milestone (core milestones-with-action.ts).
    const bundle = {
      ...given,
      milestones: closedWithActions(given.actions, given.milestones, londonToday()),
    };
    const startedAt = await this.markCommitting(importId, bundle, stored);
    try {
      return await this.write(importId, bundle, record);
    } catch (e) {
      await this.failed(importId, startedAt);
      throw e;
    }
  }

  /** The commit's writes, once its record says it is committing: the plan's items, then its header. */
  private async write(importId: string, bundle: PlanBundle, record: ImportRecord): Promise<ImportRecord> {
    const councilId = this.store.ctx.councilId;
    const imported = (
      sortKey: string,
      type: string,
      entity: object,
      extra: Record<string, unknown> = {},
    ) => ({
      Put: {
        TableName: this.store.tableName,
        Item: { ...entity, ...extra, importId, PK: this.store.pk, SK: sortKey, type },
        ConditionExpression: 'attribute_not_exists(PK) OR importId = :imp',
        ExpressionAttributeValues: { ':imp': importId },
      },
    });
    const planId = bundle.plan.id;
    const items = [
      ...bundle.people.map((p) => imported(sk.person(p.id), 'person', p)),
      ...bundle.plan.sections.map((section, n) =>
        imported(sk.section(planId, n), 'section', { ...section, n }),
      ),
      ...bundle.themes.map((t) => imported(sk.theme(planId, t.id), 'theme', t)),
      ...bundle.actions.flatMap((a) => [
        imported(sk.action(planId, a.id), 'action', a, actionIndexAttributes(councilId, a)),
        imported(sk.locator(a.id), 'locator', { target: sk.action(planId, a.id), planId }),
      ]),
      ...bundle.milestones.flatMap((m) => [
        imported(
          sk.milestone(planId, m.actionId, m.id),
          'milestone',
          m,
          milestoneIndexAttributes(councilId, m),
        ),
        imported(sk.locator(m.id), 'locator', {
          target: sk.milestone(planId, m.actionId, m.id),
          planId,
          actionId: m.actionId,
        }),
      ]),
      ...bundle.updates.map((u) => imported(sk.update(planId, u.actionId, u.id), 'update', u)),
      ...bundle.indicators.map((x) => imported(sk.planItem(planId, 'PI', x.id), 'indicator', x)),
      ...bundle.risks.map((x) => imported(sk.planItem(planId, 'RISK', x.id), 'risk', x)),
      ...bundle.continuity.map((x) => imported(sk.planItem(planId, 'BC', x.id), 'continuity', x)),
      ...bundle.decisions.map((x) => imported(sk.planItem(planId, 'DEC', x.id), 'decision', x)),
      ...bundle.dependencies.map((x) => imported(sk.planItem(planId, 'DEP', x.id), 'dependency', x)),
    ];
    // A plan with long texts passes a transaction's 4 MB before its 100 items.
    for (const batch of inTransactions(items, MAX_TRANSACTION_ITEMS - 1)) {
      await this.store.transact(batch, [], 'import');
    }
    // Search entries of everything in the plan: found only once the plan's own entry lands, with its header.
    await new SearchIndexRepo(this.store).write([
      ...bundle.people.map((p) => personSearchDoc(p, planId)),
      ...bundle.themes.map(themeSearchDoc),
      ...bundle.actions.map(actionSearchDoc),
      ...bundle.milestones.map(milestoneSearchDoc),
      ...bundle.updates.map(updateSearchDoc),
    ]);
    const { personIds: _ids, ...kept } = record;
    const committed: ImportRecord = { ...kept, status: 'committed', planId, committedAt: nowIso() };
    const last: TransactItem[] = [
      imported(sk.plan(planId), 'plan', headerOf(bundle.plan), planIndexAttributes(councilId, planId)),
      // The board goes with the header: a plan is visible only once its counts are complete.
      ...boardShardItems(planId, bundle.actions, bundle.milestones).map((b) =>
        imported(b.sortKey, 'board', b.item),
      ),
      ...searchWrites(this.store, [planSearchDoc(bundle.plan)]),
    ];
    // People of the directory the plan names are marked as named with its header, the moment its
    // actions become theirs (references.ts): someone marked as left meanwhile refuses the commit (422),
    // and marking someone as left after it finds their new actions. Past one transaction (a plan naming
    // some 85 people of the directory), the rest are marked just before, with a mark naming this import
    // that a leaving waits for (import-status.ts `importNaming`).
    const marks = markNamed(this.store, namedPeople(bundle), importMark(importId));
    const room = MAX_TRANSACTION_ITEMS - last.length - 2;
    for (const batch of inTransactions(marks.slice(room), MAX_TRANSACTION_ITEMS)) {
      await this.store.transact(batch, [], 'import');
    }
    try {
      await this.store.transact(
        [
          ...last,
          ...marks.slice(0, room),
          {
            Update: {
              TableName: this.store.tableName,
              Key: { PK: this.store.pk, SK: sk.importPreview(importId) },
              UpdateExpression:
                'SET #s = :committed, planId = :plan, committedAt = :at REMOVE payload, expiresAt, personIds',
              ConditionExpression: '#s = :committing',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: {
                ':committed': 'committed',
                ':committing': 'committing',
                ':plan': planId,
                ':at': committed.committedAt,
              },
            },
          },
        ],
        [
          {
            operation: 'import',
            entityType: 'plan',
            entityId: planId,
            planId,
            after: {
              title: bundle.plan.title,
              importId,
              counts: {
                themes: bundle.themes.length,
                actions: bundle.actions.length,
                milestones: bundle.milestones.length,
                people: bundle.people.length,
              },
            },
          },
        ],
        'import',
      );
    } catch (e) {
      // A concurrent retry got there first: that commit is the one that counts.
      if (e instanceof DomainError && e.code === 'conflict') {
        const again = await this.get(importId);
        if (again.record.status === 'committed') return again.record;
        throw conflict('The import is being committed by another request. Try again.');
      }
      throw e;
    }
    return committed;
  }

  /**
   * Before the first item is written: the record says what this commit will write (so an abandoned one
   * can be cleaned up) and stops expiring. A retry of a commit in progress passes through.
   */
  private async markCommitting(importId: string, bundle: PlanBundle, stored: Item): Promise<string> {
    // The ids go beside the stored preview: thousands of new people could take the record past an item.
    const personIds = bundle.people.map((p) => p.id);
    if (itemSize({ ...stored, personIds, planId: bundle.plan.id, startedAt: nowIso() }) > MAX_ITEM_BYTES) {
      throw new DomainError(
        'payload-too-large',
        `This plan adds ${personIds.length.toLocaleString('en-GB')} new people, more than one import can: ` +
          'choose people of the directory for more of its leads, or split the plan into parts.',
        [{ path: 'people', message: 'too many new people for one import' }],
      );
    }
    const startedAt = nowIso();
    await this.store
      .update(
        sk.importPreview(importId),
        'SET #s = :committing, planId = :plan, personIds = :people, startedAt = :at REMOVE expiresAt, failedAt',
        { '#s': 'status' },
        {
          ':committing': 'committing',
          ':plan': bundle.plan.id,
          ':people': personIds,
          ':at': startedAt,
        },
        {
          condition: '#s IN (:preview, :committing)',
          values: { ':preview': 'preview' },
        },
      )
      .catch((e: unknown) => {
        if ((e as Error).name === 'ConditionalCheckFailedException') {
          throw conflict('The import was committed by another request meanwhile.');
        }
        throw e;
      });
    return startedAt;
  }

  /**
   * A commit refused or failed part way says so on its record (this attempt's, not a retry's begun since):
   * the people it marked are then not waited for (import-status.ts `importNaming`). Its writes stay for a
   * retry to complete, or for `cleanupAbandoned`. Best effort: the refusal itself is what the caller hears.
   */
  private async failed(importId: string, startedAt: string): Promise<void> {
    await this.store
      .update(
        sk.importPreview(importId),
        'SET failedAt = :failed',
        { '#s': 'status' },
        { ':failed': nowIso() },
        {
          condition: '#s = :committing AND startedAt = :started',
          values: { ':committing': 'committing', ':started': startedAt },
        },
      )
      .catch(() => {});
  }

  /**
   * Remove what commits abandoned part way left behind (written more than ABANDONED_AFTER_MS ago and
   * never finished), and put their records back to `preview` with their expiry, so a retry still
   * completes them. Items are deleted only if the same import wrote them. Returns how many imports
   * were cleaned up.
   */
  async cleanupAbandoned(now = Date.now()): Promise<number> {
    const stale = (await this.store.queryAllRaw('IMPORT#', ['import'])).filter((r) =>
      abandonedCommit(r, now),
    );
    for (const r of stale) {
      const importId = String(r.id);
      const planId = String(r.planId);
      const children = (await this.store.queryAllRaw(sk.planChildren(planId))).filter(
        (i) => i.importId === importId,
      );
      const keys = [
        ...children.map((i) => String(i.SK)),
        ...children
          .filter((i) => i.type === 'action' || i.type === 'milestone')
          .map((i) => sk.locator(String(i.id))),
        ...((r.personIds as string[] | undefined) ?? []).map((id) => sk.person(id)),
      ];
      await this.store.deleteIfImportedBy(keys, importId);
      await this.store.update(
        sk.importPreview(importId),
        'SET #s = :preview, expiresAt = :exp REMOVE startedAt, personIds, failedAt',
        { '#s': 'status' },
        { ':preview': 'preview', ':exp': Math.floor(now / 1000) + PREVIEW_TTL_SECONDS },
        {
          condition: '#s = :committing AND startedAt = :started',
          values: { ':committing': 'committing', ':started': r.startedAt },
        },
      );
    }
    return stale.length;
  }
}

/** The people of the directory a plan names: its actions' leads and its owner, not those it adds. */
function namedPeople(bundle: PlanBundle): string[] {
  const added = new Set(bundle.people.map((p) => p.id));
  return [
    ...bundle.actions.flatMap((a) => (a.leads ?? []).map((l) => l.personId)),
    bundle.plan.ownerPersonId,
  ].filter((id): id is string => !!id && !added.has(id));
}

/** An import's record: its stored item without the packed preview and the storage attributes. */
function recordOf(item: Item): ImportRecord {
  const { payload: _p, PK: _pk, SK: _sk, type: _t, expiresAt: _e, ...record } = item;
  return record as unknown as ImportRecord;
}
