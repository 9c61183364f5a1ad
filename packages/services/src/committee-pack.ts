import type { IsoDate } from '@peopleplan/core';
import type { CouncilData } from '@peopleplan/db';
import { CONTENT_TYPES, slugify } from '@peopleplan/reports';
import { periodReport } from './report-document.js';
import { periodOf } from './reporting.js';

export interface CommitteePack {
  body: Buffer;
  contentType: string;
  filename: string;
  /** Each plan's report as its own report would be: all frozen, all live, or some of each. */
  source: 'frozen' | 'live' | 'mixed';
}

/**
 * The council's committee pack for a period: every active plan's report (frozen where the plan's period
 * is closed, else built now, saying "as at" and when it was produced), titles in order, in one Word document. Loaded with
 * the first pack asked for, with the Word writer.
 */
export async function committeePack(data: CouncilData, spec: string, today: IsoDate): Promise<CommitteePack> {
  const council = await data.council.get();
  const label = periodOf(spec, today, council).label;
  const plans = (await data.plans.listAll())
    .filter((x) => x.status === 'active')
    .sort((a, b) => a.title.localeCompare(b.title));
  const built = [];
  // One moment for the whole pack: its papers say they were produced when its cover does.
  const now = new Date();
  for (const plan of plans) built.push(await periodReport(data, plan.id, spec, today, { now }));
  const { renderCommitteePackDocx } = await import('@peopleplan/reports/docx');
  const body = await renderCommitteePackDocx(
    { councilName: council.name, periodLabel: label, produced: built.find((b) => b.produced)?.produced },
    built.map((b) => b.model),
  );
  const sources = new Set(built.map((b) => b.source));
  return {
    body,
    contentType: CONTENT_TYPES.docx,
    filename: `${slugify(`${council.name} committee pack ${label}`)}.docx`,
    source: sources.size > 1 ? 'mixed' : (built[0]?.source ?? 'live'),
  };
}

export interface PackPeriod {
  key: string;
  label: string;
  kind: 'mid-year' | 'year-end' | 'quarter' | 'month';
  /** Under way today (its report says "as at"). */
  running: boolean;
  /** Of the active plans that report on it (it is one of their periods), how many have closed it. */
  closedPlans: number;
  activePlans: number;
}

/**
 * The periods a committee pack can be asked for, newest first: mid-year and year-end of this financial year
 * and the last, their quarters, and the last six months, each saying how many of the council's active plans
 * have closed it. Two reads whatever the number of plans: the plans, and every plan's closed periods.
 */
export async function packPeriods(data: CouncilData, today: IsoDate): Promise<PackPeriod[]> {
  const [council, plans, closedByPlan] = await Promise.all([
    data.council.get(),
    data.plans.listAll(),
    data.snapshots.closedByPlan(),
  ]);
  const { periodChoices, financialYearOf } = await import('@peopleplan/reports/period-choices');
  const fyStart = council.financialYearStartMonth;
  const active = plans.filter((p) => p.status === 'active');
  // From last financial year, or from the year the earliest active plan began if later: a council whose
  // plans start this April has no earlier period to report.
  const begins = active.map((p) => p.period.start ?? p.createdAt.slice(0, 10)).sort()[0];
  const firstYear = Math.max(
    financialYearOf(today, fyStart).startYear - 1,
    begins && begins <= today ? financialYearOf(begins, fyStart).startYear : Number.NEGATIVE_INFINITY,
  );
  const start = `${firstYear}-${String(fyStart).padStart(2, '0')}-01`;
  // A plan counts for a period it can be closed for (its own periods: plan-periods.ts), so a pack period
  // is "closed" once every plan that reports on it has closed it; a plan of 2004-08 never holds it open.
  const { planPeriods } = await import('./plan-periods.js');
  const offers = new Map(
    active.map((plan) => [plan.id, new Set(planPeriods(plan, council, today).periods.map((x) => x.key))]),
  );
  return periodChoices({ start, end: today }, today, { financialYearStartMonth: fyStart, maxMonths: 6 }).map(
    (p) => {
      const reporting = active.filter((plan) => offers.get(plan.id)?.has(p.key));
      return {
        key: p.key,
        label: p.label,
        kind: p.kind,
        running: p.start <= today && today <= p.end,
        closedPlans: reporting.filter((plan) => closedByPlan.get(plan.id)?.(p.key)).length,
        activePlans: reporting.length,
      };
    },
  );
}
