import { gunzipSync, gzipSync } from 'node:zlib';
import type { PlanBundle } from '@peopleplan/core';
import { conflict, DomainError, notFound } from '@peopleplan/core';
import { actionIndexAttributes } from './actions.js';
import { boardShardItems } from './boards.js';
import { nowIso } from './ids.js';
import { planIndexAttributes, sk } from './keys.js';
import { milestoneIndexAttributes } from './milestones.js';
import { MAX_TRANSACTION_ITEMS, type TenantStore } from './store.js';

export interface ImportRecord {
  id: string;
  status: 'preview' | 'committed';
  filename?: string;
  createdBy: string;
  createdAt: string;
  planId?: string;
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
    const item = await this.store.getRaw(sk.importPreview(id));
    if (!item) throw notFound('Import');
    const { payload, PK: _pk, SK: _sk, type: _t, expiresAt: _e, ...record } = item;
    const bytes = payload instanceof Uint8Array ? payload : undefined;
    return {
      record: record as unknown as ImportRecord,
      payload: bytes ? JSON.parse(gunzipSync(bytes).toString('utf8')) : undefined,
    };
  }

  async commit(importId: string, bundle: PlanBundle): Promise<ImportRecord> {
    const { record } = await this.get(importId);
    if (record.status === 'committed') return record;
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
    const chunk = MAX_TRANSACTION_ITEMS - 1;
    for (let i = 0; i < items.length; i += chunk) {
      await this.store.transact(items.slice(i, i + chunk), [], 'import');
    }
    const committed: ImportRecord = { ...record, status: 'committed', planId, committedAt: nowIso() };
    try {
      await this.store.transact(
        [
          imported(sk.plan(planId), 'plan', bundle.plan, planIndexAttributes(councilId, planId)),
          // The board goes with the header: a plan is visible only once its counts are complete.
          ...boardShardItems(planId, bundle.actions, bundle.milestones).map((b) =>
            imported(b.sortKey, 'board', b.item),
          ),
          {
            Update: {
              TableName: this.store.tableName,
              Key: { PK: this.store.pk, SK: sk.importPreview(importId) },
              UpdateExpression:
                'SET #s = :committed, planId = :plan, committedAt = :at REMOVE payload, expiresAt',
              ConditionExpression: '#s = :preview',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: {
                ':committed': 'committed',
                ':preview': 'preview',
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
}
