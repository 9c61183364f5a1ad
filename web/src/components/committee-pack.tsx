import { type FormEvent, useState } from 'react';
import type { ApiError } from '../lib/api.js';
import { downloadFromApi } from '../lib/download.js';
import { useApi } from '../lib/use-api.js';
import { LoadError, Loading } from './page.js';
import { periodNote } from './report-download.js';

/**
 * Every active plan's report for one period in one Word document, from the dashboard. Each period says
 * whether it is closed, as the reports page's list does.
 */
export function CommitteePack({ c }: { c: string }) {
  // One read for the list, however many plans: each period says how many active plans closed it.
  const periods = useApi('/api/v1/councils/{c}/committee-pack/periods', { path: { c } });
  const options = periods.data?.items ?? [];
  // By default the mid-year or year-end that ended most recently: what a committee asks for next.
  const fallback =
    options.find((o) => !o.running && (o.kind === 'mid-year' || o.kind === 'year-end')) ?? options[0];
  const [chosen, setPeriod] = useState<string | undefined>();
  const period = chosen ?? fallback?.key ?? '';
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
      {periods.error ? <LoadError error={periods.error} retry={periods.reload} /> : null}
      {periods.loading ? <Loading what="Loading the periods" /> : null}
      {/* Offered once the periods are read: a pack is always asked for one of them. */}
      {options.length ? (
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
                <option key={o.key} value={o.key}>
                  {o.label}
                  {periodNote({
                    closed: o.closedPlans === 0 ? false : o.closedPlans === o.activePlans ? true : 'partly',
                    running: o.running,
                  })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="govuk-button">
            Download the committee pack (Word)
          </button>
        </form>
      ) : null}
      <p className="govuk-body" role="status" data-testid="pack-status">
        {status}
      </p>
    </section>
  );
}
