import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../lib/api.js';
import { useFocusOnMount } from '../lib/focus.js';
import { formatDate } from '../lib/format.js';
import { RAG_SHORT, RAGS, STATUS_LABELS, STATUSES } from '../lib/labels.js';
import type { ClosePreview, ReportPeriodChoice } from '../lib/responses.js';
import { ErrorSummary, Textarea } from './form.js';
import { LoadError, SummaryList } from './page.js';

/** Counts in words, largest first: "3 on track, 1 at risk" (never the raw values). */
function countWords(
  counts: Record<string, number>,
  labels: Record<string, string>,
  order: readonly string[],
) {
  const parts = order
    .filter((k) => (counts[k] ?? 0) > 0)
    .map((k) => `${counts[k]} ${labels[k]?.toLowerCase()}`);
  return parts.join(', ') || 'none';
}

/** What closing will freeze, from the preview, as a summary list. */
function PreviewFacts({ preview }: { preview: ClosePreview }) {
  const f = preview.facts;
  return (
    <SummaryList
      rows={[
        {
          key: 'Period',
          value: `${preview.period.label}: ${formatDate(preview.period.start)} to ${formatDate(preview.period.end)}`,
        },
        { key: 'Judged as at', value: formatDate(preview.asOf) },
        { key: 'Actions', value: String(preview.actionCount) },
        { key: 'By status', value: countWords(preview.byStatus, STATUS_LABELS, STATUSES) },
        { key: 'By RAG rating', value: countWords(preview.byRag, RAG_SHORT, RAGS) },
        f && { key: 'Overdue actions', value: String(f.overdueActions) },
        f && {
          key: 'Milestones',
          value: `${f.milestones.completed} of ${f.milestones.total} completed, ${f.milestones.overdue} overdue`,
        },
        preview.travel && {
          key: `Since ${preview.comparedWith?.label ?? 'the last closed period'}`,
          // Counted by rank alone: a start (not started to on track) is among the neither better nor worse.
          value: `${preview.travel.improved} improved, ${preview.travel.same} no better or worse, ${preview.travel.worse} worse, ${preview.travel.new} new`,
        },
      ]}
    />
  );
}

/** The open actions the period's report will list as without an update, by theme, with each theme's round. */
function NotUpdated({ c, planId, preview }: { c: string; planId: string; preview: ClosePreview }) {
  const missing = preview.notUpdated;
  if (!missing) return null;
  const label = preview.period.label;
  if (!missing.length)
    return (
      <p className="govuk-body" data-testid="close-all-updated">
        Every open action has an update for {label}.
      </p>
    );
  const themes = new Map<string, { heading: string; actions: typeof missing }>();
  for (const a of missing) {
    const t = themes.get(a.themeId) ?? { heading: a.themeHeading, actions: [] };
    t.actions.push(a);
    themes.set(a.themeId, t);
  }
  const n = missing.length;
  return (
    <div data-testid="close-not-updated">
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span> {n} open{' '}
          {n === 1 ? 'action has' : 'actions have'} no update for {label}. The report will list{' '}
          {n === 1 ? 'it' : 'them'} as without an update; once the period is closed, no update can be filed
          under it.
        </strong>
      </div>
      {[...themes].map(([themeId, t]) => (
        <div key={themeId}>
          <h4 className="govuk-heading-s govuk-!-margin-bottom-1">{t.heading}</h4>
          <ul className="govuk-list govuk-list--bullet">
            {t.actions.map((a) => (
              <li key={a.actionId}>
                <a className="govuk-link" href={`/councils/${c}/actions/${a.actionId}`}>
                  {a.ref ? `${a.ref} ` : ''}
                  {a.title}
                </a>
              </li>
            ))}
          </ul>
          <p className="govuk-body">
            <a className="govuk-link" href={`/councils/${c}/plans/${planId}/themes/${themeId}/round`}>
              Run the update round for {t.heading}
            </a>
          </p>
        </div>
      ))}
    </div>
  );
}

/**
 * Closing a period (editors and admins): the preview of what will be frozen, a confirmation, then the
 * close. Admins may reopen a closed period, with a reason kept in the audit trail.
 */
export function PeriodClose({
  c,
  planId,
  period,
  isAdmin,
  onChanged,
}: {
  c: string;
  planId: string;
  period: ReportPeriodChoice;
  isAdmin: boolean;
  onChanged: (message: string) => void;
}) {
  const [preview, setPreview] = useState<ClosePreview | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const [busy, setBusy] = useState(false);
  const path = { c, planId, periodKey: period.key };
  // Cancelling the confirmation puts focus back where it was opened from (WCAG 2.4.3), not on the page.
  const opener = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (!preview && refocus.current) {
      refocus.current = false;
      opener.current?.focus();
    }
  }, [preview]);

  const open = async () => {
    setError(undefined);
    try {
      setPreview(
        await api.get('/api/v1/councils/{c}/plans/{planId}/periods/{periodKey}/close-preview', {
          params: { path },
        }),
      );
    } catch (e) {
      setError(e as Error);
    }
  };
  const close = async () => {
    setBusy(true);
    try {
      await api.post('/api/v1/councils/{c}/plans/{planId}/periods/{periodKey}/close', {
        params: { path },
        body: {},
      });
      setPreview(undefined);
      onChanged(`${period.label} is closed: its report is frozen`);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  if (period.closed)
    return isAdmin ? <PeriodReopen c={c} planId={planId} period={period} onChanged={onChanged} /> : null;
  return (
    <section className="app-section-break app-no-print" aria-labelledby="close-period">
      <h2 className="govuk-heading-m" id="close-period">
        Close {period.label}
      </h2>
      <p className="govuk-body">
        Closing freezes the period’s report and every action’s status and RAG rating as they are now, so later
        reports show the direction of travel. Later changes never reach a closed period’s report.
      </p>
      {error ? <LoadError error={error} /> : null}
      {preview ? (
        <ConfirmClose
          preview={preview}
          busy={busy}
          onConfirm={close}
          onCancel={() => {
            refocus.current = true;
            setPreview(undefined);
          }}
        >
          <NotUpdated c={c} planId={planId} preview={preview} />
        </ConfirmClose>
      ) : (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={open} ref={opener}>
          See what closing {period.label} will freeze
        </button>
      )}
    </section>
  );
}

function ConfirmClose({
  preview,
  busy,
  onConfirm,
  onCancel,
  children,
}: {
  preview: ClosePreview;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** What is still missing, said before the button that freezes it. */
  children?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  return (
    <div className="app-highlight" data-testid="close-preview">
      <h3 className="govuk-heading-s" tabIndex={-1} ref={heading}>
        Close {preview.period.label} and freeze its report?
      </h3>
      <PreviewFacts preview={preview} />
      {children}
      {preview.asOf < preview.period.end ? (
        // Judged as at today, before the period's end: say so before the button that freezes it.
        <div className="govuk-warning-text" data-testid="close-early">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span> {preview.period.label} has not ended.
            Closing it now freezes its report as at {formatDate(preview.asOf)}, and no update can be filed
            under it afterwards.
          </strong>
        </div>
      ) : null}
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span> Only an administrator can reopen a closed
          period, and must say why.
        </strong>
      </div>
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button"
          onClick={onConfirm}
          disabled={busy}
          aria-disabled={busy}
        >
          Yes, close {preview.period.label}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** Admins only: reopen a closed period, saying why (kept in the audit trail). */
function PeriodReopen({
  c,
  planId,
  period,
  onChanged,
}: {
  c: string;
  planId: string;
  period: ReportPeriodChoice;
  onChanged: (message: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(undefined);
    if (reason.trim().length < 3) {
      setFieldError('Say why the period is reopened');
      return;
    }
    setFieldError(undefined);
    try {
      const r = await api.post('/api/v1/councils/{c}/plans/{planId}/periods/{periodKey}/reopen', {
        params: { path: { c, planId, periodKey: period.key } },
        body: { reason: reason.trim() },
      });
      onChanged(
        `${period.label} is open again${r.fallsBackTo ? `: direction of travel now compares with ${r.fallsBackTo.label}` : ''}`,
      );
    } catch (err) {
      if (err instanceof ApiError && err.details?.length) setFieldError(err.details[0]?.message);
      else setFormError((err as Error).message);
    }
  };
  return (
    <section className="app-section-break app-no-print" aria-labelledby="reopen-period">
      <h2 className="govuk-heading-m" id="reopen-period">
        Reopen {period.label}
      </h2>
      <p className="govuk-body">
        Reopening discards the frozen report; the period’s report is built from live data until it is closed
        again. Your reason is kept in the audit trail.
      </p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          errors={[
            ...(formError ? [{ text: formError }] : []),
            ...(fieldError ? [{ href: '#reason', text: fieldError }] : []),
          ]}
        />
        <Textarea
          id="reason"
          label="Why is the period reopened?"
          labelClass="govuk-label--s"
          error={fieldError}
          value={reason}
          rows={3}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="govuk-button govuk-button--warning">
          Reopen {period.label}
        </button>
      </form>
    </section>
  );
}
