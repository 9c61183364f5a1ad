import { TABLE } from './table.js';

/** Key builders: the only place that knows the single-table layout (DESIGN.md "Single table"). */
export const councilPk = (councilId: string) => `C#${councilId}`;
export const partnershipPk = (partnershipId: string) => `P#${partnershipId}`;

export const sk = {
  council: () => 'COUNCIL',
  person: (id: string) => `PERSON#${id}`,
  member: (sub: string) => `MEMBER#${sub}`,
  plan: (planId: string) => `PLAN#${planId}`,
  planChildren: (planId: string) => `PLAN#${planId}#`,
  theme: (planId: string, id: string) => `PLAN#${planId}#THEME#${id}`,
  action: (planId: string, id: string) => `PLAN#${planId}#ACTION#${id}`,
  milestone: (planId: string, actionId: string, id: string) => `PLAN#${planId}#ACTION#${actionId}#MS#${id}`,
  updatePrefix: (planId: string, actionId: string) => `PLAN#${planId}#ACTION#${actionId}#UPD#`,
  update: (planId: string, actionId: string, id: string) => `PLAN#${planId}#ACTION#${actionId}#UPD#${id}`,
  planItem: (planId: string, kind: PlanItemKind, id: string) => `PLAN#${planId}#${kind}#${id}`,
  audit: (id: string) => `AUDIT#${id}`,
  alert: (itemId: string, stage: string, due: string) => `ALERT#${itemId}#${stage}#${due}`,
  /** Locator: finds an action or milestone by id alone (API paths carry no plan id). */
  locator: (id: string) => `LOC#${id}`,
  consent: (partnershipId: string) => `PARTNERSHIP#${partnershipId}`,
  importPreview: (id: string) => `IMPORT#${id}`,
  /** A closed reporting period of a plan: header with counts (and the entries, when they fit). */
  snapshot: (planId: string, periodKey: string) => `PLAN#${planId}#SNAP#${periodKey}`,
  snapshotPrefix: (planId: string) => `PLAN#${planId}#SNAP#`,
  /** Overflow parts of a large plan's snapshot; outside `snapshotPrefix` so listing periods skips them. */
  snapshotPart: (planId: string, periodKey: string, part: number) =>
    `PLAN#${planId}#SNAPPART#${periodKey}#${String(part).padStart(3, '0')}`,
  snapshotPartPrefix: (planId: string, periodKey: string) => `PLAN#${planId}#SNAPPART#${periodKey}#`,
  /** Headers and parts of every snapshot of a plan, in one query (`SNAP#` and `SNAPPART#`). */
  snapshotsAll: (planId: string) => `PLAN#${planId}#SNAP`,
  /**
   * One shard of a plan's board: every action's and milestone's counting facts (boards.ts). Outside
   * the plan's `PLAN#<p>#` range, so reading a plan's items never reads its board too.
   */
  board: (planId: string, shard: number) => `BOARD#${planId}#${shard}`,
  boardPrefix: (planId: string) => `BOARD#${planId}#`,
  /** A calendar feed, keyed by the SHA-256 of its secret token (the token itself is never stored). */
  calendarFeed: (tokenHash: string) => `FEED#${tokenHash}`,
  /** Which feed is current for a person or a plan, so it can be revoked without knowing the token. */
  calendarFeedOf: (scope: 'person' | 'plan', id: string) => `FEEDOF#${scope.toUpperCase()}#${id}`,
};

/** Plan-scoped record kinds other than themes, actions and milestones. */
export type PlanItemKind = 'PI' | 'RISK' | 'BC' | 'DEC' | 'DEP';

/** A stable small number from an id (not for security: spreads items evenly over `n` shards). */
function shardOf(id: string, n: number): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % n;
}

/** Stable shard for the due index: spreads one day's items over `dueShards` partitions. */
export const dueShard = (id: string): number => shardOf(id, TABLE.dueShards);

/** Which of its plan's board shards an action or milestone is counted in. */
export const boardShard = (id: string): number => shardOf(id, TABLE.boardShards);

/**
 * Index attributes for an open, dated action or milestone; an empty object otherwise. Items are
 * written whole, so leaving these out on completion is what removes them from the sparse indexes.
 */
export function dueIndexAttributes(
  councilId: string,
  id: string,
  due: string | undefined,
  open: boolean,
): Record<string, string> {
  if (!open || !due) return {};
  return {
    DUEPK: `DUE#${dueShard(id)}`,
    DUESK: `${due}#C#${councilId}#${id}`,
    CPK: councilPk(councilId),
    CSK: `DUE#${due}#${id}`,
  };
}

/** Plan headers are listed through the council index (the base table's PLAN# prefix holds all children). */
export function planIndexAttributes(councilId: string, planId: string): Record<string, string> {
  return { CPK: councilPk(councilId), CSK: `PLAN#${planId}` };
}

/** Attributes that belong to storage, not to the entity. */
export const STORAGE_ATTRIBUTES = [
  'PK',
  'SK',
  'type',
  'DUEPK',
  'DUESK',
  'CPK',
  'CSK',
  'expiresAt',
  'importId',
] as const;
