import { type IsoDate, isOpen, latenessWords, RAG_SEVERITY } from '@peopleplan/core';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { compareRefs, formatDate, type TimescaleView } from '../format.js';
import {
  type ActionRow,
  EXCEPTION_REASON_LABELS,
  type ExceptionReason,
  type ExceptionRow,
  type MilestoneRow,
} from '../model.js';
import type { ReportPeriod } from '../period.js';

/** What the committee needs to discuss: open actions off track, overdue or not updated; slipped milestones. */
export function buildExceptions(
  actions: ActionRow[],
  milestones: MilestoneRow[],
  asOf: IsoDate,
  period: ReportPeriod,
  headingOf: Map<string, string>,
): ExceptionRow[] {
  // Lateness as the dashboard and the partnership views say it (core latenessWords): "3 years late",
  // never "1096 days late".
  const overdueText = (due: TimescaleView | undefined) => {
    const days = differenceInCalendarDays(parseISO(asOf), parseISO(due!.parsed!));
    return `Overdue: due ${formatDate(due!.parsed!)}, ${latenessWords(days)}`;
  };
  /** "Re-baselined: from 30 Jun 2027 to 30 Sep 2027, because: …", for an action or a milestone. */
  const movedText = (x: ActionRow | MilestoneRow) =>
    `${EXCEPTION_REASON_LABELS['re-baselined']}: from ${formatDate(x.baselineDue!.parsed!)} to ${formatDate(x.due!.parsed!)}` +
    (x.rebaselineReason ? `, because: ${x.rebaselineReason}` : '');
  const out: ExceptionRow[] = [];
  const push = (item: ActionRow | MilestoneRow, found: [ExceptionReason, string][]) => {
    if (!found.length) return;
    out.push({
      item,
      themeHeading: headingOf.get(item.themeId) ?? '',
      reasons: found.map(([r]) => r),
      reasonText: found.map(([, t]) => t).join('; '),
    });
  };

  for (const a of actions) {
    if (!isOpen(a.status)) continue;
    const found: [ExceptionReason, string][] = [];
    if (a.status === 'off-track' || (a.overridden && a.rag === 'red')) {
      found.push([
        'off-track',
        a.status === 'off-track' ? 'Off track' : `Rated red: ${a.ragReasons.join('; ')}`,
      ]);
    }
    if (a.due?.parsed && a.due.parsed < asOf) found.push(['overdue', overdueText(a.due)]);
    if (a.baselineDue?.parsed && a.due?.parsed) found.push(['re-baselined', movedText(a)]);
    const notYetStarted = a.start?.parsed !== undefined && a.start.parsed > period.end;
    if (!a.updatedInPeriod && !notYetStarted) {
      found.push([
        'stale',
        a.latest ? `No update this period (last ${formatDate(a.latest.date)})` : 'No update yet',
      ]);
    }
    push(a, found);
  }
  for (const m of milestones) {
    const found: [ExceptionReason, string][] = [];
    if (m.overdue) found.push(['overdue', overdueText(m.due)]);
    if (m.rebaselined) {
      found.push(['re-baselined', movedText(m)]);
    }
    push(m, found);
  }
  return out;
}

/**
 * Worst first (by RAG), then in plan order: theme, the action's ref (a milestone sits with its action),
 * the action before its milestones, milestones by ref.
 */
export function sortExceptions(exceptions: ExceptionRow[], themeOrder: Map<string, number>): void {
  exceptions.sort(
    (x, y) =>
      RAG_SEVERITY[y.item.rag] - RAG_SEVERITY[x.item.rag] ||
      themeOrder.get(x.item.themeId)! - themeOrder.get(y.item.themeId)! ||
      compareRefs(
        x.item.kind === 'milestone' ? x.item.actionRef : x.item.ref,
        y.item.kind === 'milestone' ? y.item.actionRef : y.item.ref,
      ) ||
      (x.item.kind === y.item.kind ? compareRefs(x.item.ref, y.item.ref) : x.item.kind === 'action' ? -1 : 1),
  );
}

/**
 * Each action's latest update once in the (sorted) exceptions: on the action's own row if it is one,
 * else on the first of its milestones' rows; its other milestone rows say where to read it ("See action
 * 2.1"; the action's row in its theme's table carries it too). A long update repeated for every overdue
 * milestone bloated committee papers.
 */
export function shareActionUpdates(exceptions: ExceptionRow[]): void {
  const shownBy = new Map<string, ExceptionRow>();
  for (const e of exceptions) if (e.item.kind === 'action') shownBy.set(e.item.id, e);
  for (const e of exceptions) {
    const m = e.item;
    if (m.kind !== 'milestone' || !m.latest) continue;
    const first = shownBy.get(m.actionId);
    if (!first) shownBy.set(m.actionId, e);
    else if (first !== e) e.latestNote = `See action ${m.actionRef || `“${m.actionTitle}”`}`;
  }
}
