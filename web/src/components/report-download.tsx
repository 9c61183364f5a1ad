import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type ApiError, apiFetch } from '../lib/api.js';
import { downloadFromApi } from '../lib/download.js';
import { focusMessage } from '../lib/focus.js';
import { formatDate } from '../lib/format.js';
import { openReportTab, showReport } from '../lib/report-tab.js';
import type { ReportPeriodChoice } from '../lib/responses.js';
import { ErrorSummary, Radios } from './form.js';

export const FORMATS = [
  { value: 'docx', text: 'Word document (.docx)', hint: 'The committee paper, ready to file' },
  {
    value: 'html',
    text: 'Web page',
    hint: 'Opens in a new tab as a page of its own, to read, print or save whole',
  },
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
 * Choose a format and download the report in one click, or open the web page version in a new tab
 * (lib/report-tab.ts says why a tab of its own). The button stays focusable while the report is made (a
 * disabled button would drop focus to the page); once made, the message that says so takes focus.
 */
export function ReportDownload({ c, planId, period }: { c: string; planId: string; period: string }) {
  const [format, setFormat] = useState('docx');
  const [busy, setBusy] = useState(false);
  // A new object each time: the same words twice are still a new message to focus.
  const [done, setDone] = useState<{ text: string; report?: boolean } | undefined>();
  const [error, setError] = useState<string | undefined>();
  // The last web page report's address, for the link that opens it again; let go when replaced.
  const [html, setHtml] = useState<{ key: string; url: string; opened: boolean } | undefined>();
  const status = useRef<HTMLParagraphElement>(null);
  const path = `/api/v1/councils/${c}/plans/${planId}/reports`;
  useEffect(() => {
    if (done) focusMessage(status.current);
  }, [done]);
  useEffect(() => {
    const url = html?.url;
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [html?.url]);
  const say = (text: string, report = false) => setDone({ text, report });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    const tab = format === 'html' ? openReportTab() : null;
    try {
      if (format === 'html') {
        const body = await (await apiFetch(path, { period, format })).text();
        const opened = Boolean(tab && !tab.closed);
        setHtml({ key: period, url: showReport(tab, body), opened });
        say(opened ? 'The report opened in a new tab.' : 'The report is ready.', true);
      } else {
        const name = await downloadFromApi(path, { period, format }, `report.${format}`);
        say(`Downloaded ${name}`);
      }
    } catch (err) {
      tab?.close();
      setError((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="app-no-print">
      <ErrorSummary errors={error ? [{ text: error }] : []} />
      <Radios id="format" legend="Format" options={[...FORMATS]} value={format} onChange={setFormat} small />
      <button type="submit" className="govuk-button" aria-disabled={busy}>
        {format === 'html' ? 'Open the report in a new tab' : 'Download the report'}
      </button>
      <p className="govuk-body" role="status" data-testid="download-status" tabIndex={-1} ref={status}>
        {busy ? 'Preparing the report…' : (done?.text ?? '')}
        {!busy && done?.report && html?.key === period ? (
          <>
            {' '}
            <a className="govuk-link" href={html.url} target="_blank" rel="noopener">
              {html.opened ? 'Open it again' : 'Open it'} (opens in a new tab)
            </a>
          </>
        ) : null}
      </p>
    </form>
  );
}
