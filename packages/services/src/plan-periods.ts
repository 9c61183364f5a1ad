import type { Council, IsoDate, Plan } from '@peopleplan/core';
import { periodChoices } from '@peopleplan/reports/period-choices';

const shown = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * The periods a plan can be reported on and closed, newest first (`periodChoices`: each mid-year and
 * year-end of the years its period touches, then quarters, then months, all begun by `today`), and the
 * span they come from. One list for the reports page (`GET …/report-periods`) and for closing a period
 * (services/periods.ts), so no period the plan does not offer can be closed (docs/architecture.md, §7).
 */
export function planPeriods(
  plan: Pick<Plan, 'period' | 'createdAt'>,
  council: Pick<Council, 'financialYearStartMonth'>,
  today: IsoDate,
) {
  // A plan without dates is reported on from the year before it was made, up to today (or before today,
  // on a clock set back, as tests set it: the periods of the day it is are still the plan's).
  const created = plan.createdAt.slice(0, 10);
  const made = created < today ? created : today;
  const span = {
    start: plan.period.start ?? `${Number(made.slice(0, 4)) - 1}${made.slice(4)}`,
    end: plan.period.end ?? today,
  };
  const periods = periodChoices(span, today, { financialYearStartMonth: council.financialYearStartMonth });
  const day = (iso: IsoDate) => shown.format(new Date(`${iso}T00:00:00Z`));
  return { periods, span, spanText: `${day(span.start)} to ${plan.period.end ? day(span.end) : 'today'}` };
}
