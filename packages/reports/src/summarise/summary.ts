import { RAG_LABELS, RAGS, STATUS_LABELS, STATUSES } from '@peopleplan/core';
import type {
  ActionRow,
  ExceptionRow,
  MilestoneRow,
  Summary,
  ThemeSection,
  ThemeSummary,
  TravelCounts,
} from '../model.js';

export const emptyTravel = (): TravelCounts => ({
  improved: 0,
  started: 0,
  same: 0,
  stopped: 0,
  worse: 0,
  new: 0,
});
const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function themeSummary(s: ThemeSection, exceptions: ExceptionRow[]): ThemeSummary {
  const t: ThemeSummary = {
    id: s.id,
    heading: s.heading,
    total: s.actions.length,
    byStatus: zeroes(STATUSES),
    byRag: zeroes(RAGS),
    travel: emptyTravel(),
    exceptions: exceptions.filter((e) => e.item.themeId === s.id).length,
  };
  for (const a of s.actions) {
    t.byStatus[a.status]++;
    t.byRag[a.rag]++;
    t.travel[a.travel]++;
  }
  return t;
}

/** The counts at the top of the report: by status, RAG, direction of travel, theme and exception. */
export function buildSummary(
  actions: ActionRow[],
  milestones: MilestoneRow[],
  exceptions: ExceptionRow[],
  sections: ThemeSection[],
): Summary {
  const travel = emptyTravel();
  const byStatus = zeroes(STATUSES);
  const byRag = zeroes(RAGS);
  for (const a of actions) {
    travel[a.travel]++;
    byStatus[a.status]++;
    byRag[a.rag]++;
  }
  const exceptionCounts = { ...zeroes(['off-track', 'overdue', 're-baselined', 'stale'] as const), total: 0 };
  for (const e of exceptions) {
    exceptionCounts.total++;
    for (const r of e.reasons) exceptionCounts[r]++;
  }
  return {
    totalActions: actions.length,
    byStatus: STATUSES.map((s) => ({ key: s, label: STATUS_LABELS[s], count: byStatus[s] })),
    byRag: RAGS.map((r) => ({ key: r, label: RAG_LABELS[r], count: byRag[r] })),
    travel,
    byTheme: sections.map((s) => themeSummary(s, exceptions)),
    milestones: {
      total: milestones.length,
      completed: milestones.filter((m) => m.status === 'completed').length,
      overdue: milestones.filter((m) => m.overdue).length,
      rebaselined: milestones.filter((m) => m.rebaselined).length,
    },
    exceptions: exceptionCounts,
  };
}
