import {
  civilDateAt,
  DEFAULT_RAG_RULES,
  directionOfTravel,
  planRatings,
  reportingPointsWithin,
  themeHeadingIn,
} from '@peopleplan/core';
import { compareRefs, formatDate, headed, planLabels } from './format.js';
import { indicatorRow } from './indicators.js';
import type { ActionRow, ReportModel } from './model.js';
import { enclosingPeriods } from './period.js';
import type { ReportData } from './report-data.js';
import { asAtPeriodEnd } from './summarise/as-at.js';
import { buildExceptions, shareActionUpdates, sortExceptions } from './summarise/exceptions.js';
import { actionRow, milestoneRow, type RowContext, reportedStatus } from './summarise/items.js';
import { OTHER_THEME_ID, PlanTree } from './summarise/plan-tree.js';
import { themeSections } from './summarise/sections.js';
import { buildSummary } from './summarise/summary.js';
import { UpdateIndex } from './summarise/updates.js';

export { closedAfterPeriod, statusBeforeChange } from './summarise/as-at.js';
export { forecastYearEnd } from './summarise/forecast.js';
export { directionOfTravel };

export interface SummariseOptions {
  /** Add a forecast year-end status to every action (see `forecastYearEnd`). */
  forecast?: boolean;
}

/**
 * The day an item was added, when that was after an ended period (London date, as the period's end):
 * not for the plan's own items, created with it (an import made after the period is the plan as it was).
 */
function addedAfter(planCreatedAt: string | undefined, asOf: string, timeZone: string) {
  return (createdAt: string | undefined): string | undefined => {
    if (!createdAt || createdAt === planCreatedAt) return undefined;
    const day = civilDateAt(createdAt, timeZone);
    return day > asOf ? formatDate(day) : undefined;
  };
}

/** Builds the report model from plan data. Pure: same data, same model. */
export function summarise(data: ReportData, options: SummariseOptions = {}): ReportModel {
  const { council, plan, period, today } = data;
  const labels = planLabels(plan);
  const periodClosed = today > period.end;
  const asOf = periodClosed ? period.end : today;

  // Themes in plan order; actions without a (known) theme take their parent's, else "Other actions".
  const themes = [...data.themes].sort((a, b) => a.order - b.order || compareRefs(a.ref, b.ref));
  const headingOf = new Map<string, string>(themes.map((t) => [t.id, themeHeadingIn(labels.theme, t)]));
  headingOf.set(OTHER_THEME_ID, 'Other actions');

  // An ended period's report shows actions and milestones as they stood at its end (a period may be
  // closed late): one rule for both.
  const known = data.statusAtEnd ?? {};
  const actionsThen = periodClosed
    ? data.actions.map((a) => {
        const then = asAtPeriodEnd(a, asOf, known[a.id]);
        return { ...then, status: then.status ?? a.status };
      })
    : data.actions;
  const milestonesThen = periodClosed
    ? data.milestones.map((m) => asAtPeriodEnd(m, asOf, known[m.id]))
    : data.milestones;
  const ctx: RowContext = {
    tree: new PlanTree(actionsThen, new Set(themes.map((t) => t.id))),
    updates: new UpdateIndex(
      data.updates,
      period,
      council.timeZone || 'Europe/London',
      reportingPointsWithin(plan.reportingPoints, period.start, period.end, plan.period.start),
      // A month's quarter goes by the plan's own "Q3" too: a December report counts an update filed
      // there. Never a half-year's or year's points: a late "Q2" return written in October is not Q3's.
      enclosingPeriods(period).map((p) => ({
        names: [
          ...p.names,
          ...(p.kind === 'quarter'
            ? reportingPointsWithin(plan.reportingPoints, p.start, p.end, plan.period.start)
            : []),
        ],
        end: p.end,
      })),
    ),
    periodClosed,
    asOf,
    rules: council.ragRules ?? DEFAULT_RAG_RULES,
    snapshots: data.snapshots,
    ...(options.forecast && { forecastTo: period.financialYear.end }),
    ...(periodClosed && {
      addedAfter: addedAfter(plan.createdAt, asOf, council.timeZone || 'Europe/London'),
    }),
  };
  // Ratings roll up from milestones and sub-actions as every page shows them, from the statuses reported.
  ctx.ratings = planRatings(
    actionsThen.map((a) => ({ ...a, status: reportedStatus(a, ctx) })),
    // One open then with no status recorded is rated by its dates alone: an on-track milestone raises
    // nothing (core rag.ts, roll-up).
    milestonesThen.map((m) => ({ ...m, status: m.status ?? 'on-track' })),
    asOf,
    ctx.rules,
  ).actions;
  const rows = new Map<string, ActionRow>(actionsThen.map((a) => [a.id, actionRow(a, ctx)]));
  const actions = [...actionsThen]
    .sort((x, y) => x.order - y.order || compareRefs(x.ref, y.ref))
    .map((a) => rows.get(a.id)!);
  const milestones = [...milestonesThen]
    .sort((x, y) => compareRefs(x.ref, y.ref))
    .map((m) => milestoneRow(m, ctx, rows));

  const exceptions = buildExceptions(actions, milestones, asOf, period, headingOf);
  sortExceptions(
    exceptions,
    new Map([...themes.map((t, i) => [t.id, i] as const), [OTHER_THEME_ID, themes.length]]),
  );
  shareActionUpdates(exceptions);
  const sections = themeSections(themes, headingOf, actions, milestones);

  return {
    title: headed(plan.title, `progress report, ${period.label}`),
    council: { id: council.id, name: council.name },
    plan: {
      id: plan.id,
      title: plan.title,
      kind: plan.kind,
      labels,
      ...(plan.period.label && { periodLabel: plan.period.label }),
      ...(plan.ownerLabel && { ownerLabel: plan.ownerLabel }),
      ...(plan.directorate && { directorate: plan.directorate }),
      ...(plan.division && { division: plan.division }),
    },
    period,
    asOf,
    generatedOn: today,
    summary: buildSummary(actions, milestones, exceptions, sections),
    exceptions,
    themes: sections,
    indicators: data.indicators.map((i) => indicatorRow(i, period)),
    risks: data.risks.map((r) => ({
      id: r.id,
      description: r.description,
      ...(r.ref && { ref: r.ref }),
      ...(r.likelihood && { likelihood: r.likelihood }),
      ...(r.impact && { impact: r.impact }),
      ...(r.mitigation && { mitigation: r.mitigation }),
      ...(r.ownerLabel && { ownerLabel: r.ownerLabel }),
    })),
    hasForecast: options.forecast === true,
    ...(data.comparedWith && { comparedWith: data.comparedWith }),
  };
}
