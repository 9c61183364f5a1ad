import { badRequest, Id } from '@peopleplan/core';
import { decodeTime } from 'ulid';
import { TABLE } from './table.js';

/**
 * Every value that goes into a key passes here: `#` separates the parts of a sort key, so an id that
 * held one could reach another item of the same council (`<plan>#ACTION#<action>` as a plan id).
 * Routes check ids against one strict pattern per kind before any read; this is the second line.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const UNSAFE = /[#\u0000-\u001f\u007f]/;
export function keyPart(value: string | number): string {
  const text = String(value);
  if (!text || text.length > 320 || UNSAFE.test(text)) {
    throw badRequest('Not a valid id', [{ path: 'id', message: 'contains characters no id has' }]);
  }
  return text;
}
const k = keyPart;

/** Key builders: the only place that knows the single-table layout (docs/architecture.md). */
export const councilPk = (councilId: string) => `C#${k(councilId)}`;
export const partnershipPk = (partnershipId: string) => `P#${k(partnershipId)}`;
/** The council a `C#<council>` partition key belongs to. */
export const councilFromPk = (pk: unknown) => String(pk).replace(/^C#/, '');

export const sk = {
  council: () => 'COUNCIL',
  person: (id: string) => `PERSON#${k(id)}`,
  member: (sub: string) => `MEMBER#${k(sub)}`,
  plan: (planId: string) => `PLAN#${k(planId)}`,
  planChildren: (planId: string) => `PLAN#${k(planId)}#`,
  /** A plan's narrative sections (purpose, findings…), one item each, in the plan's order. */
  section: (planId: string, n: number) => `PLAN#${k(planId)}#SECTION#${k(n).padStart(3, '0')}`,
  sectionPrefix: (planId: string) => `PLAN#${k(planId)}#SECTION#`,
  theme: (planId: string, id: string) => `PLAN#${k(planId)}#THEME#${k(id)}`,
  action: (planId: string, id: string) => `PLAN#${k(planId)}#ACTION#${k(id)}`,
  milestone: (planId: string, actionId: string, id: string) =>
    `PLAN#${k(planId)}#ACTION#${k(actionId)}#MS#${k(id)}`,
  updatePrefix: (planId: string, actionId: string) => `PLAN#${k(planId)}#ACTION#${k(actionId)}#UPD#`,
  update: (planId: string, actionId: string, id: string) =>
    `PLAN#${k(planId)}#ACTION#${k(actionId)}#UPD#${k(id)}`,
  /** Marks an update as corrected (one correction each); under the update prefix, typed `correction`. */
  correctionMark: (planId: string, actionId: string, updateId: string) =>
    `PLAN#${k(planId)}#ACTION#${k(actionId)}#UPD#${k(updateId)}#CORRECTED`,
  planItem: (planId: string, kind: PlanItemKind, id: string) => `PLAN#${k(planId)}#${k(kind)}#${k(id)}`,
  audit: (id: string) => `AUDIT#${k(id)}`,
  alert: (itemId: string, stage: string, due: string) => `ALERT#${k(itemId)}#${k(stage)}#${k(due)}`,
  /** The weekly partner digest's claim, in the lead council's partition. */
  partnerDigest: (partnershipId: string, week: string, to: string) =>
    `ALERT#PARTNER#${k(partnershipId)}#${k(week)}#TO#${k(to.toLowerCase())}`,
  /**
   * A no-sign-in link to a person's alert preferences, keyed by the SHA-256 of its token (the token is
   * never stored); `alertLinkOf` is the pointer older releases kept (with the token itself) and is no
   * longer written.
   */
  alertLink: (tokenHash: string) => `ALERTLINK#${k(tokenHash)}`,
  alertLinkOf: (personId: string) => `ALERTLINKOF#${k(personId)}`,
  /** Locator: finds an action or milestone by id alone (API paths carry no plan id). */
  locator: (id: string) => `LOC#${k(id)}`,
  consent: (partnershipId: string) => `PARTNERSHIP#${k(partnershipId)}`,
  importPreview: (id: string) => `IMPORT#${k(id)}`,
  /** How many invitations the council has sent on a day (Europe/London), for the daily cap (members.ts). */
  invitationsOn: (day: string) => `INVITES#${k(day)}`,
  /** A column mapping a council saved by name, offered on its next import. */
  importMapping: (id: string) => `MAPPING#${k(id)}`,
  /** A closed reporting period of a plan: header with counts (and the entries, when they fit). */
  snapshot: (planId: string, periodKey: string) => `PLAN#${k(planId)}#SNAP#${k(periodKey)}`,
  snapshotPrefix: (planId: string) => `PLAN#${k(planId)}#SNAP#`,
  /** Overflow parts of a large plan's snapshot; outside `snapshotPrefix` so listing periods skips them. */
  snapshotPart: (planId: string, periodKey: string, part: number) =>
    `PLAN#${k(planId)}#SNAPPART#${k(periodKey)}#${k(part).padStart(3, '0')}`,
  snapshotPartPrefix: (planId: string, periodKey: string) => `PLAN#${k(planId)}#SNAPPART#${k(periodKey)}#`,
  /**
   * A closed period's report, frozen: the summarised report model as gzip JSON, in parts. Outside the
   * plan's `PLAN#<p>#` range, so reading a plan (or its snapshots' headers) never reads these bytes.
   */
  frozenReport: (planId: string, periodKey: string, part: number) =>
    `FROZEN#${k(planId)}#${k(periodKey)}#${k(part).padStart(3, '0')}`,
  frozenReportPrefix: (planId: string, periodKey: string) => `FROZEN#${k(planId)}#${k(periodKey)}#`,
  /**
   * The names of a plan's closed periods (closed-periods.ts), checked by every progress update. Outside
   * the plan's `PLAN#<p>#` range, so reading a plan never reads it.
   */
  closedPeriods: (planId: string) => `CLOSED#${k(planId)}`,
  /** Headers and parts of every snapshot of a plan, in one query (`SNAP#` and `SNAPPART#`). */
  snapshotsAll: (planId: string) => `PLAN#${k(planId)}#SNAP`,
  /**
   * One shard of a plan's board: every action's and milestone's counting facts (boards.ts). Outside
   * the plan's `PLAN#<p>#` range, so reading a plan's items never reads its board too.
   */
  board: (planId: string, shard: number) => `BOARD#${k(planId)}#${k(shard)}`,
  boardPrefix: (planId: string) => `BOARD#${k(planId)}#`,
  /** One of the council's search shards: a compact text of each searchable item (search-index.ts). */
  searchShard: (n: number) => `SEARCH#${k(n).padStart(2, '0')}`,
  searchShardPrefix: () => 'SEARCH#',
  /** A shard's stamp: its version, read on every search to see which shards changed. */
  searchStamp: (n: number) => `SEARCHSTAMP#${k(n).padStart(2, '0')}`,
  searchStampPrefix: () => 'SEARCHSTAMP#',
  /**
   * A plan's claim on a ref given by hand (refs.ts), keyed by the ref as `sameRef` compares it. Outside the
   * plan's `PLAN#<p>#` range, so reading a plan never reads its claims.
   */
  refClaim: (planId: string, refKey: string) => `REF#${k(planId)}#${k(refKey)}`,
  /** A calendar feed, keyed by the SHA-256 of its secret token (the token itself is never stored). */
  calendarFeed: (tokenHash: string) => `FEED#${k(tokenHash)}`,
  /** Which feed is current for a person or a plan, so it can be revoked without knowing the token. */
  calendarFeedOf: (scope: 'person' | 'plan', id: string) => `FEEDOF#${k(scope.toUpperCase())}#${k(id)}`,
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
const duePartition = (shard: number) => `DUE#${shard}`;
/** Every partition of the due index that holds due items (the alert job queries each). */
export const duePartitions = (): string[] =>
  Array.from({ length: TABLE.dueShards }, (_, i) => duePartition(i));
/**
 * Re-baseline alerts are saved with the change that causes them (same transaction) and wait in this
 * partition of the sparse due index until the alert job delivers them and removes the index keys.
 */
export const DUE_OUTBOX_PARTITION = 'DUE#outbox';
/** The outbox entry's index sort key: in the order the changes were saved. */
export const outboxSortKey = (savedAt: string, councilId: string, itemId: string) =>
  `${savedAt}#C#${councilId}#${itemId}`;

/**
 * Which set of search shards an item's entry is in: one set of `searchShards` per year the item was made
 * (its ULID's time), from 2027. A shard is one item, at most 400 KB (about 1,200 entries), so one fixed set
 * would fill as a council's progress updates pile up, and every write to a full shard would fail; a set
 * a year keeps room for some 35,000 new searchable items a year with no re-sharding. Items made in 2026
 * or before, and ids that are not ULIDs, are in the first set, where every entry was before sets began.
 */
export function searchShardSet(id: string): number {
  if (!Id.safeParse(id).success) return 0;
  let ms: number;
  try {
    ms = decodeTime(id);
  } catch {
    // Its time is past what a ULID can say: the last set, as the latest time would be.
    return MAX_SEARCH_SETS - 1;
  }
  const year = new Date(ms).getUTCFullYear();
  // Capped, so that no id however odd names an unbounded key.
  return Math.min(Math.max(year - SEARCH_SETS_FROM, 0), MAX_SEARCH_SETS - 1);
}
const SEARCH_SETS_FROM = 2026;
const MAX_SEARCH_SETS = 100;

/** Which of the council's search shards an item's entry is kept in (its year's set, then its hash). */
export const searchShard = (id: string): number =>
  searchShardSet(id) * TABLE.searchShards + shardOf(id, TABLE.searchShards);

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
    DUEPK: duePartition(dueShard(id)),
    DUESK: `${due}#C#${councilId}#${id}`,
    CPK: councilPk(councilId),
    CSK: `DUE#${due}#${id}`,
  };
}

/** Plan headers are listed through the council index (the base table's PLAN# prefix holds all children). */
export function planIndexAttributes(councilId: string, planId: string): Record<string, string> {
  return { CPK: councilPk(councilId), CSK: `PLAN#${planId}` };
}

/**
 * An audit event's place in the council index: every event about one item (its subject, see
 * history.ts) under `HIST#<subject>#<event id>`, so an item's history is one query, newest first.
 */
export function historyIndexAttributes(
  councilId: string,
  subjectId: string,
  eventId: string,
): Record<string, string> {
  return { CPK: councilPk(councilId), CSK: `HIST#${k(subjectId)}#${k(eventId)}` };
}
export const historyPrefix = (subjectId: string) => `HIST#${k(subjectId)}#`;

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
  // The id of the last milestone or sub-action added to an action (and, on the top action of a family,
  // anywhere below it: actions.ts `childAdded`).
  'lastChildAdded',
  // A fresh id, each time an action is added to a theme or moved into it (theme-marks.ts).
  'lastActionAdded',
  // A person's mark, each time a write newly names them as a lead or owner (references.ts `namedMarks`).
  'lastNamed',
] as const;

/**
 * A calendar-feed or alert-link secret's lookup record, `S#<sha256 of the token>`: the council (and
 * subject) it belongs to, so a route takes the council from the secret, never from the URL. Outside every
 * council's partition: written and read with the functions' own roles (docs/architecture.md).
 */
export const secretLinkKey = (tokenHash: string) => ({ PK: `S#${k(tokenHash)}`, SK: 'LINK' });

/**
 * The service's own partitions (no council's): the council directory, operators and their audit
 * trail. Only the functions' own roles reach them; operators see these and nothing of any council.
 */
export const directory = {
  councilsPk: 'D#councils',
  councilPrefix: 'COUNCIL#',
  councilKey: (councilId: string) => ({ PK: 'D#councils', SK: `COUNCIL#${k(councilId)}` }),
  operatorKey: (sub: string) => ({ PK: 'D#operators', SK: `OPERATOR#${k(sub)}` }),
  auditPk: 'D#audit',
  auditKey: (id: string) => ({ PK: 'D#audit', SK: `AUDIT#${k(id)}` }),
};
