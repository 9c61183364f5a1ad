import { useCallback, useEffect, useRef, useState } from 'react';
import { partnershipHref } from '../lib/partnerships.js';
import { useSession } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';
import type { Crumb } from './page.js';

/**
 * The combined overview, read afresh on every page (consent is checked on every request, so a council
 * that revoked is gone from the next page: nothing here is cached).
 */
export function useOverview(p: string) {
  return useApi('/api/v1/partnerships/{p}/overview', { path: { p } });
}

/**
 * Breadcrumbs for the partnership pages: "Your councils" when the person has somewhere else to go,
 * then the partnership's overview (not on the overview itself).
 */
export function usePartnershipCrumbs(p: string, name: string | undefined, onOverview = false): Crumb[] {
  const { me } = useSession();
  const crumbs: Crumb[] = [];
  if (me && me.councils.length + me.partnerships.length > 1)
    crumbs.push({ href: '/', text: 'Your councils' });
  if (!onOverview) crumbs.push({ href: partnershipHref(p), text: name ?? 'Partnership overview' });
  return crumbs;
}

/** Words for a list of counts in a table cell: one per line, "None" when there are none. */
export function WordList({ items, none = 'None' }: { items: string[]; none?: string }) {
  if (!items.length) return <span className="app-muted">{none}</span>;
  return (
    <ul className="govuk-list app-count-list">
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
}

/** wouter's `useSearch` answers the query through `decodeURI`: compare like with like. */
function asSearch(query: string): string {
  try {
    return query.includes('%') ? decodeURI(query) : query;
  } catch {
    return query;
  }
}

/**
 * A key for a form that mirrors the address's query. It changes (so the form starts again from the
 * address) when the query changes from outside the form, such as the back button or a "Clear filters"
 * link, but not when the form itself set it: then the form stays, and keyboard focus with it.
 */
export function useQueryFormKey(search: string) {
  const own = useRef<string | undefined>(undefined);
  const last = useRef(search);
  const [key, setKey] = useState(0);
  useEffect(() => {
    if (search === last.current) return;
    last.current = search;
    if (search !== own.current) setKey((k) => k + 1);
    own.current = undefined;
  }, [search]);
  /** Call with the query (no leading `?`) just before the form navigates to it. */
  const submitting = useCallback((query: string) => {
    own.current = asSearch(query);
  }, []);
  return { key, submitting };
}
