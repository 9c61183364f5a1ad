import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../lib/api.js';
import { focusMessage } from '../lib/focus.js';

let firstPage = true;

export interface Crumb {
  href: string;
  text: string;
}

const NOT_FOUND = 'Page not found';

/**
 * Whose page it is, for its title: the council around every council page (app.tsx), or a partnership's
 * name, which its pages give (`place`) once it has loaded.
 */
export const PagePlace = createContext<string | undefined>(undefined);

/** Whether any of a page's loads was answered "not found" (404): its subject is not there for them. */
export const isNotFound = (...errors: unknown[]) =>
  errors.some((e) => e instanceof ApiError && e.status === 404);

/**
 * A page: breadcrumbs, one h1 and the content. On every client-side route change focus moves to the h1,
 * so screen reader and keyboard users start at the new page's heading (not on the first load). A page
 * whose steps share one address (the import wizard) passes `step`: each new step is a new page to them.
 * Its title says the page, then whose it is (the council or partnership), then the service: "My actions
 * – London Borough of Harrow – PeoplePlan" (WCAG 2.4.2). A page whose subject cannot be found
 * (`notFound`, usually `isNotFound` of its loads) is the one not-found page, whatever its address: that
 * title and heading, with no place, and what to do next.
 */
export function Page({
  title,
  heading,
  caption,
  crumbs,
  children,
  wide,
  step,
  notFound = false,
  place,
}: {
  /** Document title (without the council's or partnership's name, nor the service's). */
  title: string;
  /** The h1 when it differs from the title. */
  heading?: ReactNode;
  caption?: ReactNode;
  crumbs?: Crumb[];
  children?: ReactNode;
  wide?: boolean;
  /** Changes when the page moves to another step at the same address: the h1 takes focus again. */
  step?: unknown;
  /** Its subject does not exist, or not for this person: the page says "Page not found" instead. */
  notFound?: boolean;
  /** Whose page it is, when not a council's (`PagePlace`): a partnership's name. */
  place?: string | undefined;
}) {
  const h1 = useRef<HTMLHeadingElement>(null);
  const [location] = useLocation();
  const around = useContext(PagePlace);
  const fullTitle = notFound
    ? `${NOT_FOUND} – PeoplePlan`
    : [title, place ?? around, 'PeoplePlan'].filter(Boolean).join(' – ');
  useEffect(() => {
    document.title = fullTitle;
  }, [fullTitle]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on route (or step) change only
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    h1.current?.focus({ preventScroll: false });
  }, [location, step]);
  return (
    <>
      {crumbs?.length ? <Breadcrumbs crumbs={crumbs} /> : null}
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className={wide ? 'govuk-grid-column-full' : 'govuk-grid-column-full app-page'}>
            {caption && !notFound ? <span className="govuk-caption-l">{caption}</span> : null}
            <h1 className="govuk-heading-l app-h1" tabIndex={-1} ref={h1}>
              {notFound ? NOT_FOUND : (heading ?? title)}
            </h1>
            {notFound ? <NotFoundAdvice /> : children}
          </div>
        </div>
      </main>
    </>
  );
}

/** What a person can do about a page that is not there. */
function NotFoundAdvice() {
  return (
    <>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">
        If you followed a link, what it points to may have been removed, or you may not have access to it. Ask
        your council’s PeoplePlan administrator.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" href="/">
          Go to your councils
        </Link>
      </p>
    </>
  );
}

export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav className="govuk-breadcrumbs app-no-print" aria-label="Breadcrumb">
      <ol className="govuk-breadcrumbs__list">
        {crumbs.map((c) => (
          <li className="govuk-breadcrumbs__list-item" key={c.href}>
            <Link className="govuk-breadcrumbs__link" href={c.href}>
              {c.text}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Shown while a page's data loads: announced politely, no layout jump. */
export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="govuk-body app-loading" role="status">
      {what}…
    </p>
  );
}

/** A failed load, in words a person can act on. */
export function LoadError({ error, retry }: { error: Error; retry?: () => void }) {
  const status = error instanceof ApiError ? error.status : 0;
  const title =
    status === 404
      ? 'Page not found'
      : status === 403
        ? 'You do not have access to this'
        : 'Sorry, there is a problem';
  return (
    <div className="govuk-error-summary" role="alert">
      <h2 className="govuk-error-summary__title">{title}</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">{error.message}</p>
        {retry && status !== 404 && status !== 403 ? (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={retry}>
            Try again
          </button>
        ) : null}
      </div>
    </div>
  );
}

export function Banner({
  type = 'important',
  title,
  children,
}: {
  type?: 'success' | 'important';
  title?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A success banner follows an action the person took: move them to it, wherever they were.
    if (type === 'success') focusMessage(ref.current);
  }, [type]);
  const id = `banner-${type}`;
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is alert or region (GOV.UK markup); both take a label
    <div
      ref={ref}
      className={`govuk-notification-banner${type === 'success' ? ' govuk-notification-banner--success' : ''}`}
      role={type === 'success' ? 'alert' : 'region'}
      aria-labelledby={id}
      tabIndex={-1}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={id}>
          {title ?? (type === 'success' ? 'Success' : 'Important')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}

/** What a page's last save did, numbered: each save is a new message, even in the same words. */
export interface Saved {
  text: string;
  n: number;
}

/**
 * A page's success message and the function that sets it (undefined clears it). Each save makes a new
 * banner (`SavedBanner`), which takes focus and scrolls into view, even when one is already showing.
 */
export function useSaved(first?: string): [Saved | undefined, (text?: string) => void] {
  const [saved, setSaved] = useState<Saved | undefined>(first ? { text: first, n: 0 } : undefined);
  const say = useCallback(
    (text?: string) => setSaved((s) => (text ? { text, n: (s?.n ?? 0) + 1 } : undefined)),
    [],
  );
  return [saved, say];
}

/** The success banner of `useSaved`: drawn afresh for each save, so it takes focus each time. */
export function SavedBanner({ saved }: { saved: Saved | undefined }) {
  return saved ? (
    <Banner type="success" key={saved.n}>
      <p className="govuk-notification-banner__heading">{saved.text}</p>
    </Banner>
  ) : null;
}

export function SummaryList({
  rows,
  noBorder,
}: {
  rows: Array<{ key: ReactNode; value: ReactNode; id?: string } | false | null | undefined | '' | 0>;
  noBorder?: boolean;
}) {
  return (
    <dl className={`govuk-summary-list${noBorder ? ' govuk-summary-list--no-border' : ''}`}>
      {rows
        .filter((r): r is { key: ReactNode; value: ReactNode; id?: string } => Boolean(r))
        .map((r, i) => (
          <div className="govuk-summary-list__row" key={r.id ?? i}>
            <dt className="govuk-summary-list__key">{r.key}</dt>
            <dd className="govuk-summary-list__value">{r.value}</dd>
          </div>
        ))}
    </dl>
  );
}

/**
 * A wide table that scrolls sideways on a narrow screen. The region is focusable and named so that
 * keyboard users can scroll it too (WCAG 2.1.1; axe `scrollable-region-focusable`).
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="app-table-scroll" aria-label={`${label} (table)`} tabIndex={0}>
      {children}
    </section>
  );
}

/** Multi-line text as written by a council: paragraphs kept. */
export function Prose({ text }: { text: string | undefined }) {
  if (!text) return null;
  const paras = text.split(/\n{2,}/);
  return (
    <>
      {paras.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of static text
        <p className="govuk-body app-prose" key={i}>
          {p}
        </p>
      ))}
    </>
  );
}
