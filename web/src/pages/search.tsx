import { type FormEvent, Fragment, type ReactNode } from 'react';
import { Link, useSearchParams } from 'wouter';
import { LoadError, Loading, Page } from '../components/page.js';
import { formatDate, plural } from '../lib/format.js';
import type { SearchHit } from '../lib/responses.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

const KIND_WORDS: Record<SearchHit['kind'], string> = {
  plan: 'Plan',
  theme: 'Theme',
  action: 'Action',
  milestone: 'Milestone',
  person: 'Person',
  update: 'Progress update',
};

/** Where a hit opens in the app. */
export function hitHref(c: string, h: SearchHit): string {
  const base = `/councils/${c}`;
  switch (h.kind) {
    case 'plan':
      return `${base}/plans/${h.id}`;
    case 'theme':
      return `${base}/plans/${h.planId}#theme-${h.id}`;
    case 'action':
      return `${base}/actions/${h.id}`;
    case 'milestone':
      return `${base}/actions/${h.actionId}#milestone-${h.id}`;
    case 'update':
      return `${base}/actions/${h.actionId}#update-${h.id}`;
    default:
      return `${base}/people/${h.id}`;
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with each matched word marked (`<mark>`), whole words only, any case. */
export function Marked({ text, words }: { text: string; words: string[] }) {
  const usable = words.filter((w) => w.trim());
  if (!usable.length) return <>{text}</>;
  const re = new RegExp(`(${usable.map(escapeRe).join('|')})`, 'gi');
  const lower = new Set(usable.map((w) => w.toLowerCase()));
  return (
    <>
      {text.split(re).map((part, i) =>
        lower.has(part.toLowerCase()) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one static string
          <mark key={i}>{part}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one static string
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export function Hit({ c, h }: { c: string; h: SearchHit }) {
  const where: ReactNode[] = [];
  if (h.planTitle && h.kind !== 'plan') where.push(`in ${h.planTitle}`);
  if (h.actionTitle && (h.kind === 'milestone' || h.kind === 'update'))
    where.push(`action ${h.actionRef ? `${h.actionRef}: ` : ''}${h.actionTitle}`);
  // The link (and heading) alone must say which result it is: many progress updates share a title
  // ("Progress update by …"), so their date and where they are go into its name too (WCAG 2.4.4, 2.4.6).
  const context = [...(h.date ? [formatDate(h.date)] : []), ...where];
  return (
    <li className="app-search-hit">
      <span className="govuk-caption-s">
        {KIND_WORDS[h.kind]}
        {h.date ? `, ${formatDate(h.date)}` : ''}
      </span>
      <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
        <Link className="govuk-link" href={hitHref(c, h)}>
          {h.ref ? `${h.ref} ` : ''}
          <Marked text={h.title} words={h.matched} />
          {context.length ? <span className="govuk-visually-hidden">, {context.join(', ')}</span> : null}
        </Link>
      </h2>
      {where.length ? (
        <p className="govuk-body-s app-muted govuk-!-margin-bottom-1">{where.join(', ')}</p>
      ) : null}
      {h.snippet ? (
        <p className="govuk-body-s govuk-!-margin-bottom-1">
          <Marked text={h.snippet} words={h.matched} />
        </p>
      ) : null}
      <p className="govuk-body-s app-muted">Matched: {h.matched.join(', ')}</p>
    </li>
  );
}

/** Search the council: plans, themes, actions, milestones, people and progress updates, best first. */
export default function SearchPage({ c }: { c: string }) {
  const { council } = useCouncil(c);
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const answer = useApi('/api/v1/councils/{c}/search', q ? { path: { c }, query: { q, limit: 50 } } : null);
  const name = council?.name ?? c;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const next = String(new FormData(e.currentTarget).get('q') ?? '').trim();
    setParams(next ? { q: next } : {});
  };
  const items = answer.data?.items ?? [];
  return (
    <Page
      title={q ? `Search: ${q}` : 'Search'}
      heading="Search"
      caption={name}
      crumbs={[{ href: `/councils/${c}`, text: name }]}
    >
      <search className="app-search-form">
        <form onSubmit={submit} key={q}>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="search-q">
              Search plans, themes, actions, milestones, people and progress updates
            </label>
            <input
              className="govuk-input govuk-!-width-two-thirds"
              id="search-q"
              name="q"
              type="search"
              defaultValue={q}
            />
          </div>
          <button type="submit" className="govuk-button">
            Search
          </button>
        </form>
      </search>
      {answer.error ? <LoadError error={answer.error} retry={answer.reload} /> : null}
      {answer.loading ? <Loading what="Searching" /> : null}
      {answer.data ? (
        <>
          <p className="govuk-body govuk-!-font-weight-bold" role="status" data-testid="search-count">
            {answer.data.total === 0
              ? `Nothing found for “${q}”`
              : `${plural(answer.data.total, 'result')} for “${q}”${answer.data.total > items.length ? `, the best ${items.length} shown` : ''}`}
          </p>
          {answer.data.complete ? null : (
            <p className="govuk-inset-text">
              The search index is still being built: some items may be missing.
            </p>
          )}
          <ol className="govuk-list app-search-results" aria-label={`Results for ${q}, best first`}>
            {items.map((h) => (
              <Hit key={`${h.kind}-${h.id}`} c={c} h={h} />
            ))}
          </ol>
        </>
      ) : null}
    </Page>
  );
}
