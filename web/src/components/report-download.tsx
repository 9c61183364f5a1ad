import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type ApiError, apiFetch } from '../lib/api.js';
import { downloadFromApi } from '../lib/download.js';
import { focusMessage } from '../lib/focus.js';
import { formatDate } from '../lib/format.js';
import type { ReportPeriodChoice } from '../lib/responses.js';
import { ErrorSummary, Radios } from './form.js';

export const FORMATS = [
  { value: 'docx', text: 'Word document (.docx)', hint: 'The committee paper, ready to file' },
  { value: 'html', text: 'Web page', hint: 'Shown on this page; print it from your browser' },
  { value: 'xlsx', text: 'Excel spreadsheet (.xlsx)', hint: 'Every action and milestone, one row each' },
  { value: 'csv', text: 'CSV file (.csv)', hint: 'The same rows, for other systems' },
] as const;

/**
 * What a period's name is followed by in a list of periods: closed (its report is frozen), closed for
 * only some of the plans a list covers (the committee pack), or still in progress.
 */
export const periodNote = (p: { closed: boolean | 'partly'; running: boolean }) =>
  p.closed === 'partly'
    ? ' (closed for some plans)'
    : p.closed
      ? ' (closed)'
      : p.running
        ? ' (in progress)'
        : '';

/** The period chooser, grouped: mid-year and year-end first, then months; a closed period says so. */
export function PeriodSelect({
  periods,
  value,
  onChange,
}: {
  periods: ReportPeriodChoice[];
  value: string;
  onChange: (key: string) => void;
}) {
  const option = (p: ReportPeriodChoice) => (
    <option key={p.key} value={p.key}>
      {p.label}
      {periodNote(p)}
    </option>
  );
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor="period">
        Reporting period
      </label>
      <div className="govuk-hint" id="period-hint">
        A closed period’s report is the one frozen when it closed. Any other is built from today’s data.
      </div>
      <select
        className="govuk-select"
        id="period"
        name="period"
        aria-describedby="period-hint"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <optgroup label="Mid-year and year-end">
          {periods.filter((p) => p.kind === 'mid-year' || p.kind === 'year-end').map(option)}
        </optgroup>
        <optgroup label="Quarters">{periods.filter((p) => p.kind === 'quarter').map(option)}</optgroup>
        <optgroup label="Months">{periods.filter((p) => p.kind === 'month').map(option)}</optgroup>
      </select>
    </div>
  );
}

/** What a report of the chosen period will be: frozen at its close, or built now. */
export function PeriodState({ period }: { period: ReportPeriodChoice }) {
  return period.closed ? (
    <p className="govuk-inset-text" data-testid="period-state">
      {period.label} is closed ({formatDate(period.closedAt)}
      {period.closedBy ? `, by ${period.closedBy}` : ''}). Its report is the one frozen then: later changes do
      not appear in it.
    </p>
  ) : (
    <p className="govuk-inset-text" data-testid="period-state">
      {period.label} ({formatDate(period.start)} to {formatDate(period.end)}) is not closed. Its report is
      built from today’s data and says the date and time it was made.
    </p>
  );
}

/**
 * Choose a format and download the report in one click, or see the web page version here. The button
 * stays focusable while the report is made (a disabled button would drop focus to the page); once made,
 * the message that says so takes focus.
 */
export function ReportDownload({ c, planId, period }: { c: string; planId: string; period: string }) {
  const [format, setFormat] = useState('docx');
  const [busy, setBusy] = useState(false);
  // A new object each time: the same words twice are still a new message to focus.
  const [done, setDone] = useState<{ text: string } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [html, setHtml] = useState<{ key: string; body: string } | undefined>();
  const status = useRef<HTMLParagraphElement>(null);
  const path = `/api/v1/councils/${c}/plans/${planId}/reports`;
  useEffect(() => {
    if (done) focusMessage(status.current);
  }, [done]);
  const say = (text: string) => setDone({ text });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      if (format === 'html') {
        const body = await (await apiFetch(path, { period, format })).text();
        setHtml({ key: period, body });
        say('The report is shown below.');
      } else {
        const name = await downloadFromApi(path, { period, format }, `report.${format}`);
        say(`Downloaded ${name}`);
      }
    } catch (err) {
      setError((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <form onSubmit={submit} noValidate className="app-no-print">
        <ErrorSummary errors={error ? [{ text: error }] : []} />
        <Radios
          id="format"
          legend="Format"
          options={[...FORMATS]}
          value={format}
          onChange={setFormat}
          small
        />
        <button type="submit" className="govuk-button" aria-disabled={busy}>
          {format === 'html' ? 'Show the report' : 'Download the report'}
        </button>
        <p className="govuk-body" role="status" data-testid="download-status" tabIndex={-1} ref={status}>
          {busy ? 'Preparing the report…' : (done?.text ?? '')}
        </p>
      </form>
      {html && html.key === period ? (
        <section aria-labelledby="report-view">
          <h2 className="govuk-heading-m" id="report-view">
            The report as a web page
          </h2>
          {/* The report carries council text: a sandbox with no scripts, no same origin, nothing run. */}
          <iframe className="app-report-frame" title="The report" sandbox="" srcDoc={html.body} />
        </section>
      ) : null}
    </>
  );
}
