import { useEffect, useState } from 'react';
import { api } from '../lib/api.js';
import { useFocusRevealed } from '../lib/focus.js';
import { formatDateTime, plural } from '../lib/format.js';
import { changeLines, eventHeadline, type HistoryNames } from '../lib/history-words.js';
import type { HistoryEventRow } from '../lib/responses.js';
import { useApi } from '../lib/use-api.js';
import { LoadError, Loading } from './page.js';

const PAGE = 20;

type HistoryPath =
  | '/api/v1/councils/{c}/plans/{planId}/history'
  | '/api/v1/councils/{c}/actions/{actionId}/history'
  | '/api/v1/councils/{c}/milestones/{milestoneId}/history'
  | '/api/v1/councils/{c}/audit';
type Page = { items: HistoryEventRow[]; nextCursor?: string | undefined };

/**
 * One change: when, who, what, and each field before and after. `tabIndex` and `ref` when it is the
 * first of those "Show older changes" revealed (it takes focus).
 */
export function ChangeEntry({
  e,
  names,
  ...focus
}: {
  e: HistoryEventRow;
  names?: HistoryNames | undefined;
  tabIndex?: number;
  ref?: (el: HTMLElement | null) => void;
}) {
  const lines = changeLines(e, names);
  return (
    <li className="app-change" {...focus}>
      <p className="govuk-body govuk-!-margin-bottom-1">
        <span className="govuk-!-font-weight-bold">{eventHeadline(e, names)}</span>
      </p>
      <p className="govuk-body-s app-muted govuk-!-margin-bottom-1">
        {formatDateTime(e.at)} by {e.actorName ?? 'someone no longer named'}
      </p>
      {lines.length ? (
        <dl className="app-change__fields">
          {lines.map((l) => (
            <div key={l.field} className="app-change__field">
              <dt>{l.field}</dt>
              <dd>
                <span className="govuk-visually-hidden">was </span>
                <del>{l.before}</del>
                <span aria-hidden="true"> → </span>
                <span className="govuk-visually-hidden">, now </span>
                <ins>{l.after}</ins>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}

/**
 * Every change to an item, newest first, twenty at a time with "Show older changes". Give it a new
 * `key` after a save so it reads again.
 */
export function ChangeHistory({
  path,
  params,
  label,
  query = {},
  names,
  onShown,
}: {
  path: HistoryPath;
  params: Record<string, string>;
  /** What the list is of, for its accessible name: "Changes to this action". */
  label: string;
  query?: Record<string, string>;
  /** The plans' own words for their groups, and the groups' names. */
  names?: HistoryNames | undefined;
  /** Told the changes on show, each time more are shown: the page can then read what they name. */
  onShown?: ((items: HistoryEventRow[]) => void) | undefined;
}) {
  const get = api.get as (p: string, i: object) => Promise<Page>;
  const first = useApi(path as '/api/v1/councils/{c}/audit', {
    path: params as { c: string },
    query: { ...query, limit: PAGE },
  });
  const [older, setOlder] = useState<Page[]>([]);
  const [error, setError] = useState<Error | undefined>();
  const [busy, setBusy] = useState(false);
  const { reveal, revealed } = useFocusRevealed();
  const shown = first.data ? [first.data as Page, ...older].flatMap((p) => p.items) : [];
  const shownKey = shown.map((e) => e.id).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the ids stand for the changes on show
  useEffect(() => {
    if (shown.length) onShown?.(shown);
  }, [shownKey]);
  if (first.error) return <LoadError error={first.error} retry={first.reload} />;
  if (!first.data) return <Loading what="Loading the changes" />;
  const pages = [first.data as Page, ...older];
  const items = pages.flatMap((p) => p.items);
  const cursor = pages.at(-1)?.nextCursor;
  const more = async () => {
    // The button stays enabled (a disabled one would drop focus to the page) but does nothing twice.
    if (busy) return;
    reveal(items.length);
    setBusy(true);
    try {
      const next = await get(path, { params: { path: params, query: { ...query, limit: PAGE, cursor } } });
      setOlder((o) => [...o, next]);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {items.length ? (
        <ol className="app-changes" aria-label={label}>
          {items.map((e, i) => (
            <ChangeEntry key={e.id} e={e} names={names} {...revealed(i)} />
          ))}
        </ol>
      ) : (
        <p className="govuk-body">No changes recorded.</p>
      )}
      {error ? <LoadError error={error} /> : null}
      <p className="govuk-body" role="status">
        {items.length ? `Showing ${plural(items.length, 'change')}, newest first.` : ''}
      </p>
      {cursor ? (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={more}
          aria-disabled={busy}
        >
          Show older changes
        </button>
      ) : null}
    </>
  );
}
