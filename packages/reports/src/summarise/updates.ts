import { civilDateAt, type IsoDate, type UpdateFiling, updatesFor } from '@peopleplan/core';
import type { UpdateView } from '../model.js';
import { enclosingPeriods, type ReportPeriod } from '../period.js';
import type { ReportAction, ReportUpdate } from '../report-data.js';

/** Which updates speak for the period, and what the latest one said. */
export class UpdateIndex {
  private readonly byAction = new Map<string, ReportUpdate[]>();
  /** Each action's first update after the period (filed under a later one): it says what came before. */
  private readonly firstAfter = new Map<string, ReportUpdate>();
  /** Core's rule (`updatesFor`): the update round counts by it too. */
  private readonly speaksFor: (u: UpdateFiling) => boolean;

  constructor(
    updates: ReportUpdate[],
    private readonly period: ReportPeriod,
    private readonly timeZone: string,
    /** The plan's own reporting points within the period (core `reportingPointsWithin`). */
    points: readonly string[] = [],
    /** The longer periods that take it in, with their own points' names (`enclosingPeriods`). */
    within: ReadonlyArray<{ names: readonly string[]; end: string }> = enclosingPeriods(period),
  ) {
    // An update filed under this period, or under one of the plan's reporting points within it, counts
    // even when written after it closed (councils collect mid-year updates in October); one filed under
    // another period never does, whatever its date; an unfiled one counts by its date, as does one filed
    // under the half-year or year that takes a quarter or month in (councils with no quarterly points).
    this.speaksFor = updatesFor({
      names: [period.key, period.label, ...(period.kind === 'quarter' ? period.valueKeys : []), ...points],
      days: { start: period.start, end: period.end },
      within,
    });
    // A corrected update is replaced by its correction, which stands where the corrected one stood.
    const corrected = new Set(updates.map((u) => u.corrects).filter(Boolean));
    const atOf = new Map(updates.map((u) => [u.id, u.at]));
    const place = (u: ReportUpdate) => Date.parse((u.corrects && atOf.get(u.corrects)) || u.at);
    for (const u of updates) {
      if (corrected.has(u.id)) continue;
      if (!this.counts(u) && this.dateOf(u.at) > period.end) {
        const first = this.firstAfter.get(u.actionId);
        if (!first || place(u) < place(first)) this.firstAfter.set(u.actionId, u);
        continue;
      }
      const list = this.byAction.get(u.actionId) ?? [];
      list.push(u);
      this.byAction.set(u.actionId, list);
    }
    for (const list of this.byAction.values()) list.sort((a, b) => place(a) - place(b));
  }

  /** Each timestamp is converted once (a correction repeats the time it stands in for). */
  private readonly dates = new Map<string, IsoDate>();

  dateOf(at: string): IsoDate {
    let d = this.dates.get(at);
    if (d === undefined) {
      d = civilDateAt(at, this.timeZone);
      this.dates.set(at, d);
    }
    return d;
  }

  private counts(u: ReportUpdate): boolean {
    return this.speaksFor({ period: u.period, date: this.dateOf(u.at) });
  }

  latest(action: ReportAction): UpdateView | undefined {
    const u = this.byAction.get(action.id)?.at(-1);
    if (u) return this.view(u);
    // No update history given: fall back to the denormalised latest update, if it is not after the period.
    const l = action.latestUpdate;
    if (l && this.dateOf(l.at) <= this.period.end) return this.view({ ...l, actionId: action.id });
    return undefined;
  }

  /**
   * The status an action had at the period's end, when no update in or before the period says it: the
   * one its first later update found (`statusBefore`), else undefined (today's is all there is).
   */
  statusBeforeLater(action: ReportAction): ReportUpdate['status'] | undefined {
    const first = this.firstAfter.get(action.id);
    // An update with nothing before it (the plan's own progress column, imported) says what the status
    // was when it was written: the earliest known, nearer the period than today's.
    return first && (first.statusBefore ?? first.status);
  }

  updatedInPeriod(action: ReportAction): boolean {
    const list = this.byAction.get(action.id);
    if (list) return list.some((u) => this.counts(u));
    // No history given: its recent updates, as the update round reads them (core recent-updates.ts).
    if (action.recentUpdates)
      return Object.values(action.recentUpdates).some((u) =>
        this.speaksFor({ ...u, date: this.dateOf(u.at) }),
      );
    const l = action.latestUpdate;
    return l !== undefined && this.counts({ ...l, actionId: action.id });
  }

  private view(u: ReportUpdate): UpdateView {
    return {
      at: u.at,
      date: this.dateOf(u.at),
      authorName: u.authorName,
      narrative: u.narrative,
      status: u.status,
    };
  }
}
