import { momentWords, type PeriodFacts, type Rag, type Status, travelMove } from '@peopleplan/core';
import { formatDate } from './format.js';
import type { ActionRow, ReportModel, TravelCounts } from './model.js';
import type { ActionSnapshot } from './report-data.js';
import { emptyTravel } from './summarise/summary.js';

/**
 * A report model once it is frozen with a closed period (docs/architecture.md, "Historic means
 * historic"), and the few things done to a model after `summarise`: the facts its snapshot keeps,
 * dropping forecasts, measuring travel against another closed period, and saying "as at" and when it
 * was produced when built from live data. Pure: models in, models out.
 */

/** What a closed period keeps for the trends: overdue counts, milestones, and per theme. */
export function periodFacts(model: ReportModel): PeriodFacts {
  const overdue = model.exceptions.filter((e) => e.reasons.includes('overdue'));
  const overdueOf = (themeId: string | undefined, kind: 'action' | 'milestone') =>
    overdue.filter((e) => e.item.kind === kind && (themeId === undefined || e.item.themeId === themeId))
      .length;
  return {
    overdueActions: overdueOf(undefined, 'action'),
    milestones: {
      total: model.summary.milestones.total,
      completed: model.summary.milestones.completed,
      overdue: model.summary.milestones.overdue,
    },
    exceptions: model.summary.exceptions.total,
    themes: model.summary.byTheme.map((t) => ({
      id: t.id,
      heading: t.heading,
      total: t.total,
      byRag: t.byRag,
      overdueActions: overdueOf(t.id, 'action'),
      overdueMilestones: overdueOf(t.id, 'milestone'),
    })),
  };
}

/** Every action row of the model, wherever it sits (themes and exceptions hold copies). */
function mapActions(model: ReportModel, f: (a: ActionRow) => ActionRow): ReportModel {
  return {
    ...model,
    themes: model.themes.map((t) => ({ ...t, actions: t.actions.map(f) })),
    exceptions: model.exceptions.map((e) => (e.item.kind === 'action' ? { ...e, item: f(e.item) } : e)),
  };
}

/** The model without its forecast column (a frozen model keeps forecasts; a request may not want them). */
export function withoutForecast(model: ReportModel): ReportModel {
  if (!model.hasForecast) return model;
  const out = mapActions(model, ({ forecast: _f, ...a }) => a);
  return { ...out, hasForecast: false };
}

/**
 * Direction of travel measured again, against another closed period's status and RAG (an action
 * missing there is new): for a frozen report asked to compare with a period other than its own.
 */
export function compareWithPeriod(
  model: ReportModel,
  entries: Record<string, { status: Status; rag: Rag }>,
  label: string,
): ReportModel {
  return { ...measureTravel(model, (a) => entries[a.id]), comparedWith: label };
}

/** Each action's travel from `previousOf` (none: new), and the counts again. */
function measureTravel(
  model: ReportModel,
  previousOf: (a: ActionRow) => ActionSnapshot | undefined,
): ReportModel {
  const out = mapActions(model, (row) => {
    const previous = previousOf(row);
    const { previous: _p, ...a } = row;
    return { ...a, travel: travelMove(previous?.rag, a.rag), ...(previous && { previous }) };
  });
  const travel = emptyTravel();
  const byTheme = new Map<string, TravelCounts>();
  for (const t of out.themes) {
    const counts = emptyTravel();
    for (const a of t.actions) {
      counts[a.travel]++;
      travel[a.travel]++;
    }
    byTheme.set(t.id, counts);
  }
  return {
    ...out,
    summary: {
      ...out.summary,
      travel,
      byTheme: out.summary.byTheme.map((t) => ({ ...t, travel: byTheme.get(t.id) ?? emptyTravel() })),
    },
  };
}

/**
 * A report built from live data (its period is not closed) says so in its title, which every format
 * shows first, as at the one day it judges (the period's end, or today while it runs): `…: progress
 * report, Mid-year 2026-27 (as at 30 Sep 2026)`. When it was produced is said apart, plainly ("Produced
 * 7 December 2026 at 3:15am"), never as a second "as at".
 */
export function markLive(model: ReportModel, now: Date, timeZone: string): ReportModel {
  return {
    ...model,
    title: `${model.title} (as at ${formatDate(model.asOf)})`,
    produced: momentWords(now, timeZone),
  };
}

/**
 * A frozen model read back: refuse anything that is not one (it was written by `summarise`). One frozen
 * before starts and stops were told apart from no change has its travel measured again from what it
 * froze (each action's RAG then and before), so its words and counts say the same as a new report's.
 */
export function asReportModel(value: unknown): ReportModel {
  const m = value as Partial<ReportModel> | null;
  if (!m || typeof m.title !== 'string' || !Array.isArray(m.themes) || !m.summary || !m.period) {
    throw new Error('not a frozen report model');
  }
  const model = m as ReportModel;
  return model.summary.travel.started === undefined ? measureTravel(model, (a) => a.previous) : model;
}
