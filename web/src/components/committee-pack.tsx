import { samePeriodName } from '@peopleplan/core';
import { type FormEvent, useEffect, useState } from 'react';
import { type ApiError, api } from '../lib/api.js';
import { downloadFromApi } from '../lib/download.js';
import type { ReportPeriodChoice } from '../lib/responses.js';
import { periodNote } from './report-download.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The periods a committee pack is asked for, newest first: mid-year and year-end of this financial
 * year and the last (April to March, as UK councils keep them; the API reads the council's own year),
 * then the last six months. The period that ended most recently is chosen first.
 */
export function packPeriods(today: string): Array<{ value: string; text: string; ended: boolean }> {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const fy = m >= 4 ? y : y - 1;
  const label = (start: number) => `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
  const points = [fy, fy - 1].flatMap((start) => [
    { value: `year-end:${label(start)}`, text: `Year-end ${label(start)}`, ended: start < fy },
    {
      value: `mid-year:${label(start)}`,
      text: `Mid-year ${label(start)}`,
      ended: start < fy || m >= 10 || m < 4,
    },
  ]);
  const months = Array.from({ length: 6 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    const value = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    return { value, text: `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`, ended: i > 0 };
  });
  return [...points, ...months];
}

/**
 * Whether a pack's period is closed: for every plan in the pack that reports on it (its reports are all
 * frozen), for only some ('partly'), or for none. `plans` holds each plan's report periods.
 */
function packClosed(value: string, plans: ReadonlyArray<readonly ReportPeriodChoice[]>): boolean | 'partly' {
  const closed = plans.flatMap((periods) => {
    const p = periods.find((x) => samePeriodName(x.key, value));
    return p ? [p.closed] : [];
  });
  const n = closed.filter(Boolean).length;
  return n === 0 ? false : n === closed.length ? true : 'partly';
}

/** Each plan's report periods (whether each is closed), read for the pack's list; none if unreadable. */
function usePlansPeriods(c: string, planIds: readonly string[]): ReportPeriodChoice[][] {
  const [periods, setPeriods] = useState<ReportPeriodChoice[][]>([]);
  const key = planIds.join(' ');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the plans' ids
  useEffect(() => {
    let live = true;
    Promise.all(
      planIds.map((planId) =>
        api.get('/api/v1/councils/{c}/plans/{planId}/report-periods', { params: { path: { c, planId } } }),
      ),
    ).then(
      (all) => live && setPeriods(all.map((x) => x.items)),
      // The list still works without saying which periods are closed.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [c, key]);
  return periods;
}

/**
 * Every active plan's report for one period in one Word document, from the dashboard. Each period says
 * whether it is closed, as the reports page's list does.
 */
export function CommitteePack({ c, today, planIds }: { c: string; today: string; planIds: string[] }) {
  const options = packPeriods(today);
  const plansPeriods = usePlansPeriods(c, planIds);
  const [period, setPeriod] = useState(options.find((o) => o.ended)?.value ?? options[0]!.value);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setStatus('Preparing the committee pack…');
    try {
      const name = await downloadFromApi(
        `/api/v1/councils/${c}/committee-pack`,
        { period },
        'committee-pack.docx',
      );
      setStatus(`Downloaded ${name}`);
    } catch (err) {
      setStatus('');
      setError((err as ApiError).message);
    }
  };
  return (
    <section className="app-section-break app-no-print" aria-labelledby="committee-pack">
      <h2 className="govuk-heading-m" id="committee-pack">
        Committee pack
      </h2>
      <p className="govuk-body">
        Every active plan’s progress report for one period, in a single Word document. Closed periods give
        their frozen reports; any other is built from today’s data.
      </p>
      {error ? (
        <div className="govuk-error-summary" role="alert">
          <h3 className="govuk-error-summary__title">The pack could not be made</h3>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{error}</p>
          </div>
        </div>
      ) : null}
      <form className="app-inline-form" onSubmit={submit}>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="pack-period">
            Period
          </label>
          <select
            className="govuk-select"
            id="pack-period"
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
          >
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.text}
                {periodNote({ closed: packClosed(o.value, plansPeriods), running: !o.ended })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="govuk-button">
          Download the committee pack (Word)
        </button>
      </form>
      <p className="govuk-body" role="status" data-testid="pack-status">
        {status}
      </p>
    </section>
  );
}
