import {
  type AuditEvent,
  civilDateAt,
  type IsoDate,
  isOpen,
  londonToday,
  type Rebaseline,
  STATUSES,
  type Status,
  type Timescale,
} from '@peopleplan/core';

/** What the as-at rule reads of an action or a milestone. */
interface Dated {
  status: Status;
  due?: Timescale | undefined;
  rebaselines?: Rebaseline[] | undefined;
  completedOn?: IsoDate | undefined;
}

/** An action or a milestone as it stood at the end of an ended period. */
export type AsAt<T extends Dated> = Omit<T, 'status' | 'completedOn'> & {
  /** Absent: it was open at the period end, but what it was then is not recorded. */
  status?: Status;
  completedOn?: IsoDate;
  /** The day it was completed, after the period end: it was still open then. */
  completedLater?: IsoDate;
};

/**
 * An action or a milestone as it stood at the end of an ended period, so a report closed late shows what
 * was true then, not what happened next (docs/architecture.md, "Historic means historic"). A move of its
 * due later made after the period end is undone with its record: it was still due on its earlier date,
 * not yet re-baselined by that move. Completed after the period end, it was still open: its status is the
 * one its history records before the change (`statusThen`), else none is given (no rating is made up).
 * `statusThen` also stands for an item closed after the period end some other way (an action's status
 * edited). An item that records no completion date keeps its status: when it was completed is not known.
 */
export function asAtPeriodEnd<T extends Dated>(item: T, asOf: IsoDate, statusThen?: Status): AsAt<T> {
  const completedLater =
    item.status === 'completed' && item.completedOn && item.completedOn > asOf ? item.completedOn : undefined;
  // A move is dated by the London day it was made on, as the period's end is.
  const movedLater = item.rebaselines?.findIndex((r) => londonToday(new Date(r.at)) > asOf) ?? -1;
  if (!completedLater && !statusThen && movedLater < 0) return item;
  const { status, completedOn, due, rebaselines, ...rest } = item;
  const before = movedLater >= 0 ? rebaselines![movedLater]!.from : due;
  const statusAt = statusThen ?? (completedLater ? undefined : status);
  return {
    ...rest,
    ...(statusAt && { status: statusAt }),
    ...(completedOn && !completedLater && { completedOn }),
    // Completed at the end already (done, reopened, and done again after it): not open then.
    ...(completedLater && statusAt !== 'completed' && { completedLater }),
    ...(before && { due: before }),
    ...(rebaselines && { rebaselines: movedLater >= 0 ? rebaselines.slice(0, movedLater) : rebaselines }),
  } as AsAt<T>;
}

/** What the history rule reads of an item: an action's `updatedAt` says whether it changed after the end. */
interface Kept {
  id: string;
  status: Status;
  completedOn?: IsoDate | undefined;
  updatedAt?: string | undefined;
}

/**
 * The items of an ended period whose status at its end only their history can tell: milestones completed
 * after it, and actions closed after it with no progress update to say what they were before (the status
 * of an action with updates is the one they report, `reportedStatus`).
 */
export function closedAfterPeriod(
  items: { actions: readonly Kept[]; milestones: readonly Kept[]; updates: readonly { actionId: string }[] },
  asOf: IsoDate,
  timeZone: string,
): string[] {
  const updated = new Set(items.updates.map((u) => u.actionId));
  return [
    ...items.milestones.filter((m) => m.status === 'completed' && m.completedOn && m.completedOn > asOf),
    ...items.actions.filter(
      (a) =>
        !isOpen(a.status) && !updated.has(a.id) && !!a.updatedAt && civilDateAt(a.updatedAt, timeZone) > asOf,
    ),
  ].map((x) => x.id);
}

const statusIn = (v: unknown, key: string): Status | undefined => {
  const s = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return STATUSES.includes(s as Status) ? (s as Status) : undefined;
};

/**
 * An item's status at the period end from its history (audit events, any order): the status before the
 * first change of it made after that day, as the change recorded it (an edit's `before`, a progress
 * update's `statusBefore`); undefined when no such change is recorded.
 */
export function statusBeforeChange(
  events: readonly Pick<AuditEvent, 'at' | 'before' | 'after'>[],
  asOf: IsoDate,
  timeZone: string,
): Status | undefined {
  const changes = events
    .filter((e) => civilDateAt(e.at, timeZone) > asOf)
    .map((e) => ({ at: e.at, was: statusIn(e.before, 'status') ?? statusIn(e.after, 'statusBefore') }))
    .filter((c) => c.was)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return changes[0]?.was;
}
