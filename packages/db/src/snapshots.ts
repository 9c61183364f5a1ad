import {
  DomainError,
  type IsoDate,
  notFound,
  type PeriodFacts,
  RAGS,
  type Rag,
  STATUSES,
  type Status,
} from '@peopleplan/core';
import { ClosedPeriods } from './closed-periods.js';
import type { ReadConsistency } from './consistency.js';
import type { FrozenInfo } from './frozen-reports.js';
import { nowIso } from './ids.js';
import { sk } from './keys.js';
import { MAX_TRANSACTION_ITEMS, type TenantStore } from './store.js';

/**
 * Closed reporting periods. Closing a period freezes every action's status and RAG as reported for
 * it, so later reports can show direction of travel and each action a status timeline.
 *
 * Storage: one header item per plan and period (`PLAN#<p>#SNAP#<periodKey>`) with the counts and,
 * for any plan of ordinary size, the entries themselves in one compact string
 * (`<actionId>:<status>:<rag>,…`, ~45 bytes an action, so ~7,000 actions fit well inside DynamoDB's
 * 400 KB item limit). Larger plans spill into part items under `PLAN#<p>#SNAPPART#<periodKey>#nnn`,
 * written in the same transaction, and so is the report itself, frozen (frozen-reports.ts). Snapshots
 * are never changed once written; an admin may reopen a period (`reopen`), which removes its snapshot
 * and frozen report with the reason in the audit trail.
 */

export interface SnapshotEntry {
  status: Status;
  rag: Rag;
}

export type PeriodKind = 'mid-year' | 'year-end' | 'month' | 'quarter';

/** The period being closed, as `resolvePeriod` in @peopleplan/reports describes it. */
export interface SnapshotPeriod {
  key: string;
  label: string;
  kind: PeriodKind;
  start: IsoDate;
  end: IsoDate;
  /**
   * The plan's own reporting points the period covered when it closed ("Q2"; core `reportingPointsWithin`): updates filed under
   * them speak for its report, so they close with it. Absent when the plan had none.
   */
  points?: string[];
}

export interface PeriodSnapshotMeta extends SnapshotPeriod {
  planId: string;
  /** The date status and RAG were judged at: the period end, or the close date if that came first. */
  asOf: IsoDate;
  closedAt: string;
  closedBy: { sub: string; name: string };
  actionCount: number;
  byStatus: Partial<Record<Status, number>>;
  byRag: Partial<Record<Rag, number>>;
  /** Counts the trends read (overdue, milestones, per theme); absent on periods closed before they were kept. */
  facts?: PeriodFacts;
  /** The frozen report's parts; absent on periods closed before reports were frozen. */
  frozen?: FrozenInfo;
  /** The closed period the frozen report measured direction of travel against, if any. */
  comparedWith?: { key: string; label: string };
  version: number;
}

/** What reopening a period keeps: who, when, why (also in the audit trail). */
export interface PeriodReopened {
  planId: string;
  key: string;
  label: string;
  reopenedAt: string;
  reopenedBy: { sub: string; name: string };
  reason: string;
}

export interface PeriodSnapshot extends PeriodSnapshotMeta {
  entries: Record<string, SnapshotEntry>;
}

/** Entries per item: ~180 KB of text, well inside the 400 KB item limit. */
export const SNAPSHOT_ENTRIES_PER_ITEM = 4000;

const STATUS_SET = new Set<string>(STATUSES);
const RAG_SET = new Set<string>(RAGS);

export function encodeEntries(entries: [string, SnapshotEntry][]): string {
  return entries.map(([id, e]) => `${id}:${e.status}:${e.rag}`).join(',');
}

export function decodeEntries(text: string, into: Record<string, SnapshotEntry> = {}) {
  if (!text) return into;
  for (const part of text.split(',')) {
    const [id, status, rag] = part.split(':');
    // Written only by `encodeEntries`: anything else is corruption, not input to tolerate.
    if (!id || !status || !rag || !STATUS_SET.has(status) || !RAG_SET.has(rag)) {
      throw new Error(`corrupt snapshot entry: ${part.slice(0, 80)}`);
    }
    into[id] = { status: status as Status, rag: rag as Rag };
  }
  return into;
}

type Header = PeriodSnapshotMeta & { parts: number; data?: string };

const metaOf = ({ parts: _p, data: _d, ...meta }: Header): PeriodSnapshotMeta => meta;

const byEnd = (a: SnapshotPeriod, b: SnapshotPeriod) =>
  a.end.localeCompare(b.end) || a.start.localeCompare(b.start) || a.key.localeCompare(b.key);

/**
 * Frozen reports are closed, reopened and read by the documents function: their code loads with the first
 * of those, not with every function's cold start (docs/architecture.md, section 9).
 */
const frozen = () => import('./frozen-reports.js');

export class SnapshotsRepo {
  private readonly closedPeriods: ClosedPeriods;

  constructor(
    private readonly store: TenantStore,
    private readonly entriesPerItem = SNAPSHOT_ENTRIES_PER_ITEM,
  ) {
    this.closedPeriods = new ClosedPeriods(store);
  }

  /** Every plan's closed periods, by plan id: one query (closed-periods.ts `byPlan`). */
  closedByPlan(): Promise<Map<string, (name: string) => boolean>> {
    return this.closedPeriods.byPlan();
  }

  /** Whether a period of the plan is closed, by any of its names: one small read (closed-periods.ts). */
  closedTest(planId: string): Promise<(name: string) => boolean> {
    return this.closedPeriods.closedTest(planId);
  }

  /** Closed periods of a plan, oldest first (by period end; a longer period first on the same end). */
  async list(planId: string, read?: ReadConsistency): Promise<PeriodSnapshotMeta[]> {
    const headers = await this.store.queryAll<Header>(sk.snapshotPrefix(planId), {
      types: ['snapshot'],
      ...read,
    });
    return headers.map(({ type: _t, ...h }) => metaOf(h as Header)).sort(byEnd);
  }

  async get(planId: string, periodKey: string, read?: ReadConsistency): Promise<PeriodSnapshot | undefined> {
    const header = await this.store.get<Header>(sk.snapshot(planId, periodKey), read);
    return header && this.withEntries(planId, header, read);
  }

  private async withEntries(planId: string, header: Header, read?: ReadConsistency): Promise<PeriodSnapshot> {
    const entries = decodeEntries(header.data ?? '');
    if (header.parts > 0) {
      const prefix = sk.snapshotPartPrefix(planId, header.key);
      let parts = await this.store.queryAll<{ data: string }>(prefix, read);
      // Parts land with their header in one transaction: an eventual read just after the close may
      // see the header and not yet every part, so it reads them again, strongly.
      if (parts.length < header.parts) parts = await this.store.queryAll<{ data: string }>(prefix);
      for (const p of parts) decodeEntries(p.data, entries);
    }
    return { ...metaOf(header), entries };
  }

  /** Every snapshot of a plan with its entries, oldest first: one query over headers and parts. */
  async history(planId: string, read?: ReadConsistency): Promise<PeriodSnapshot[]> {
    const items = await this.store.queryAll<Header & { periodKey?: string; data?: string }>(
      sk.snapshotsAll(planId),
      { types: ['snapshot', 'snapshot-part'], ...read },
    );
    const byKey = new Map<string, PeriodSnapshot>();
    for (const i of items) {
      if (i.type !== 'snapshot') continue;
      const { type: _t, ...h } = i;
      byKey.set(h.key, { ...metaOf(h as Header), entries: decodeEntries(h.data ?? '') });
    }
    for (const i of items) {
      const s = i.type === 'snapshot-part' && i.periodKey ? byKey.get(i.periodKey) : undefined;
      if (s) decodeEntries(i.data ?? '', s.entries);
    }
    return [...byKey.values()].sort(byEnd);
  }

  /**
   * The plan's most recently ended closed period (the longer one when two end on the same day, e.g.
   * a year-end over its March): what dashboards measure direction of travel against.
   */
  async latest(planId: string, read?: ReadConsistency): Promise<PeriodSnapshot | undefined> {
    // Headers only as far as choosing needs (a plan closed monthly for years has many, each holding
    // its entries); the entries are read for the one chosen.
    const headers = await this.store.queryAll<Pick<Header, 'key' | 'start' | 'end'>>(
      sk.snapshotPrefix(planId),
      {
        types: ['snapshot'],
        attributes: ['key', 'start', 'end'],
        ...read,
      },
    );
    const pick = headers.reduce<(typeof headers)[number] | undefined>(
      (a, b) => (!a || b.end > a.end || (b.end === a.end && b.start < a.start) ? b : a),
      undefined,
    );
    return pick && this.get(planId, pick.key, read);
  }

  /**
   * The snapshot to compare a report for `period` with: the latest closed period that ends before
   * this one ends (so a year-end report compares with mid-year, a month with the month before),
   * never the period itself.
   */
  async previous(
    planId: string,
    period: SnapshotPeriod,
    read?: ReadConsistency,
  ): Promise<PeriodSnapshot | undefined> {
    const earlier = (await this.list(planId, read)).filter((s) => s.key !== period.key && s.end < period.end);
    // `list` sorts by end, longer period first on a tie: prefer the same kind on the latest end.
    const latestEnd = earlier.at(-1)?.end;
    const candidates = earlier.filter((s) => s.end === latestEnd);
    const pick = candidates.find((s) => s.kind === period.kind) ?? candidates[0];
    return pick ? this.get(planId, pick.key, read) : undefined;
  }

  /**
   * Close a period: write its snapshot once. Closing again is not an error (a retried request must be
   * safe): it returns the snapshot already written, unchanged, with `created: false`. A snapshot is a
   * record of what was reported, so it is never overwritten.
   */
  async close(
    planId: string,
    period: SnapshotPeriod & { asOf: IsoDate },
    entries: Record<string, SnapshotEntry>,
    report?: {
      model: unknown;
      facts: PeriodFacts;
      comparedWith?: { key: string; label: string } | undefined;
    },
  ): Promise<{ snapshot: PeriodSnapshot; created: boolean }> {
    const existing = await this.get(planId, period.key);
    if (existing) return { snapshot: existing, created: false };

    const list = Object.entries(entries).sort(([a], [b]) => a.localeCompare(b));
    const byStatus: Partial<Record<Status, number>> = {};
    const byRag: Partial<Record<Rag, number>> = {};
    for (const [, e] of list) {
      byStatus[e.status] = (byStatus[e.status] ?? 0) + 1;
      byRag[e.rag] = (byRag[e.rag] ?? 0) + 1;
    }
    const chunks: string[] = [];
    for (let i = 0; i < list.length; i += this.entriesPerItem) {
      chunks.push(encodeEntries(list.slice(i, i + this.entriesPerItem)));
    }
    const inline = chunks.length <= 1;
    const { freezeModel, frozenPuts } = await frozen();
    const frozenParts = report ? freezeModel(report.model) : [];
    const { actor } = this.store.ctx;
    const meta: PeriodSnapshotMeta = {
      planId,
      key: period.key,
      label: period.label,
      kind: period.kind,
      start: period.start,
      end: period.end,
      ...(period.points?.length && { points: period.points }),
      asOf: period.asOf,
      closedAt: nowIso(),
      closedBy: { sub: actor.sub, name: actor.name },
      actionCount: list.length,
      byStatus,
      byRag,
      ...(report?.comparedWith && { comparedWith: report.comparedWith }),
      ...(report && {
        facts: report.facts,
        frozen: { parts: frozenParts.length, bytes: frozenParts.reduce((n, p) => n + p.length, 0) },
      }),
      version: 1,
    };
    const header: Header = {
      ...meta,
      parts: inline ? 0 : chunks.length,
      ...(inline && { data: chunks[0] ?? '' }),
    };
    const entryParts = inline
      ? []
      : chunks.map((data, n) =>
          this.store.putNew(sk.snapshotPart(planId, period.key, n), 'snapshot-part', {
            planId,
            periodKey: period.key,
            part: n,
            data,
          }),
        );
    const parts = [...entryParts, ...frozenPuts(this.store, planId, period.key, frozenParts)];
    // Plan check + header + closed-period names + parts + audit must fit one transaction.
    if (parts.length + 4 > MAX_TRANSACTION_ITEMS) {
      throw new DomainError('payload-too-large', 'This plan has too many actions to snapshot in one go');
    }
    try {
      await this.store.transact(
        [
          this.store.conditionPlanWritable(planId),
          this.store.putNew(sk.snapshot(planId, period.key), 'snapshot', header),
          await this.closedPeriods.closing(planId, period),
          ...parts,
        ],
        [
          {
            operation: 'create',
            entityType: 'period-snapshot',
            entityId: `${planId}/${period.key}`,
            planId,
            // The audit keeps the counts; the entries and the report are in the snapshot itself.
            after: metaOfAudit(meta),
          },
        ],
        'reporting period',
      );
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'conflict')) throw e;
      // Closed concurrently by someone else (same answer as a retry), or the plan is gone.
      const now = await this.get(planId, period.key);
      if (now) return { snapshot: now, created: false };
      throw notFound('Plan');
    }
    return { snapshot: { ...meta, entries: Object.fromEntries(list) }, created: true };
  }

  /**
   * The plan's record of which periods are closed (closed-periods.ts), made to say what its snapshot
   * headers say: after a council is restored from an export. True when it had to change.
   */
  repairClosedPeriods(planId: string, opts: { dryRun?: boolean } = {}): Promise<boolean> {
    return this.closedPeriods.rebuild(planId, opts);
  }

  /** A closed period's header (counts, facts, frozen report's size), without its entries. */
  async meta(
    planId: string,
    periodKey: string,
    read?: ReadConsistency,
  ): Promise<PeriodSnapshotMeta | undefined> {
    const header = await this.store.get<Header>(sk.snapshot(planId, periodKey), read);
    return header && metaOf(header);
  }

  /** The report a closed period showed, frozen at closing; undefined if none was kept. */
  async frozenModel(
    planId: string,
    meta: PeriodSnapshotMeta,
    read?: ReadConsistency,
  ): Promise<unknown | undefined> {
    return (await frozen()).readFrozenModel(this.store, planId, meta.key, meta.frozen, read);
  }

  /**
   * Reopen a closed period (admins): its snapshot, entry parts and frozen report go in one
   * transaction, with the reason in the audit event. Direction of travel then measures against the
   * closed period before it. 404 if the period is not closed.
   */
  async reopen(planId: string, periodKey: string, reason: string): Promise<PeriodReopened> {
    const header = await this.store.get<Header>(sk.snapshot(planId, periodKey));
    if (!header) throw notFound('Closed period');
    const { actor } = this.store.ctx;
    const reopened: PeriodReopened = {
      planId,
      key: header.key,
      label: header.label,
      reopenedAt: nowIso(),
      reopenedBy: { sub: actor.sub, name: actor.name },
      reason,
    };
    const del = (SK: string) => ({
      Delete: { TableName: this.store.tableName, Key: { PK: this.store.pk, SK } },
    });
    await this.store.transact(
      [
        this.store.conditionPlanWritable(planId),
        this.store.deleteVersioned(sk.snapshot(planId, periodKey), header.version),
        ...Array.from({ length: header.parts }, (_, n) => del(sk.snapshotPart(planId, periodKey, n))),
        ...(await frozen()).frozenDeletes(this.store, planId, periodKey, header.frozen?.parts ?? 0),
        ...(await this.closedPeriods.reopening(planId, header)),
      ],
      [
        {
          operation: 'delete',
          entityType: 'period-snapshot',
          entityId: `${planId}/${periodKey}`,
          planId,
          before: metaOfAudit(metaOf(header)),
          after: reopened,
        },
      ],
      'reporting period',
    );
    return reopened;
  }
}

/** What the audit trail keeps of a snapshot: its counts, not the per-theme facts. */
function metaOfAudit({ facts: _f, ...meta }: PeriodSnapshotMeta) {
  return meta;
}
