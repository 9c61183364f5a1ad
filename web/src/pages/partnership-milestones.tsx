import { isCalendarDate, nounAtStart, nounInSentence, themeNounOf, withArticle } from '@peopleplan/core';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import {
  COMBINED_LIST_TITLE,
  CombinedMilestoneTable,
  combinedCount,
} from '../components/combined-milestones.js';
import { DateField } from '../components/date-field.js';
import { ErrorSummary, type FieldErrors, summaryFrom, TextInput } from '../components/form.js';
import { isNotFound, LoadError, Loading, Page } from '../components/page.js';
import { useOverview, usePartnershipCrumbs, useQueryFormKey } from '../components/partnership-page.js';
import { formatDate } from '../lib/format.js';
import { partnershipHref } from '../lib/partnerships.js';
import type { DateParts } from '../lib/plan-draft.js';
import type { CombinedMilestone } from '../lib/responses.js';
import { useApi } from '../lib/use-api.js';

/** The filters as the address keeps them: `?council=a,b&theme=…&lead=…&from=YYYY-MM-DD&to=YYYY-MM-DD`. */
interface Filters {
  council: string[];
  theme: string;
  lead: string;
  from: string;
  to: string;
}

const MAX_TEXT = 200;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function filtersOf(search: string): Filters {
  const q = new URLSearchParams(search);
  return {
    council: q
      .getAll('council')
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean),
    theme: q.get('theme')?.trim() ?? '',
    lead: q.get('lead')?.trim() ?? '',
    from: q.get('from')?.trim() ?? '',
    to: q.get('to')?.trim() ?? '',
  };
}

/** The query string for the address (council ids comma-separated, as the API takes them too). */
function queryOf(f: Filters): string {
  const parts: string[] = [];
  if (f.council.length) parts.push(`council=${f.council.map(encodeURIComponent).join(',')}`);
  for (const k of ['theme', 'lead', 'from', 'to'] as const) {
    if (f[k]) parts.push(`${k}=${encodeURIComponent(f[k])}`);
  }
  return parts.join('&');
}

/** The same filters as the API's query parameters; empty ones are left out. */
function apiQueryOf(f: Filters) {
  const given = (v: string) => v || undefined;
  return {
    council: given(f.council.join(',')),
    theme: given(f.theme),
    lead: given(f.lead),
    from: given(f.from),
    to: given(f.to),
  };
}

const LABELS = { from: 'Due from', to: 'Due to' } as const;

/**
 * What the milestones' plans call their groups, each word once ("Key priority", "Heading"), in the order
 * the list first names them.
 */
function nounsOf(items: CombinedMilestone[]): string[] {
  const nouns = new Map<string, string>();
  for (const i of items) {
    const noun = themeNounOf({ kind: i.planKind, themeNoun: i.themeNoun });
    if (!nouns.has(noun.toLowerCase())) nouns.set(noun.toLowerCase(), noun);
  }
  return [...nouns.values()];
}

/** "a, b or c" */
const orList = (words: string[]) =>
  words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : (words[0] ?? '');

/**
 * The theme filter's label and hint: the plans' own word when every plan listed uses the same one ("Key
 * priority"), else "Group", the word the app uses for what a plan groups its actions under, with the
 * plans' words in the hint.
 */
function themeFilterWords(nouns: string[]): { label: string; hint: string } {
  const how = 'a number, such as 2, or words from its title';
  const [first, ...rest] = nouns;
  if (first && !rest.length) return { label: first, hint: nounAtStart(how) };
  if (!first)
    return { label: 'Group', hint: `What a plan groups its actions under, such as a priority: ${how}` };
  const words = orList([withArticle(first), ...rest.map(nounInSentence)]);
  return { label: 'Group', hint: `${nounAtStart(words)}, as each plan calls it: ${how}` };
}

/** What is wrong with filters that came in the address (a bookmark or an edited link). */
function addressErrors(f: Filters, themeLabel: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const k of ['from', 'to'] as const) {
    if (!f[k]) continue;
    if (!isCalendarDate(f[k])) errors[k] = `${LABELS[k]} must be a real date`;
  }
  if (!errors.from && !errors.to && f.from && f.to && f.from > f.to)
    errors.to = 'Due to must be the same as or after due from';
  if (f.theme.length > MAX_TEXT) errors.theme = `${themeLabel} must be ${MAX_TEXT} characters or fewer`;
  if (f.lead.length > MAX_TEXT) errors.lead = `Lead must be ${MAX_TEXT} characters or fewer`;
  return errors;
}

const DATE_HINT = 'For example, 31 3 2027';

const partsOf = (iso: string): DateParts => {
  const m = ISO.exec(iso);
  return m
    ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! }
    : { day: '', month: '', year: '' };
};

/** GOV.UK date input rules: all three parts or none; a real date; a four-digit year. */
function dateOf(label: string, p: DateParts): { iso?: string; error?: string; field?: keyof DateParts } {
  const day = p.day.trim();
  const month = p.month.trim();
  const year = p.year.trim();
  if (!day && !month && !year) return {};
  const missing = (['day', 'month', 'year'] as const).filter((k) => !p[k].trim());
  if (missing.length) return { error: `${label} must include a ${missing.join(' and ')}`, field: missing[0] };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year))
    return { error: `${label} must be a real date`, field: 'day' };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  // Real dates in the years a plan can name, as the API checks them (core's dates.ts).
  if (!isCalendarDate(iso)) return { error: `${label} must be a real date`, field: 'day' };
  return { iso };
}

/**
 * Overdue and re-baselined actions and milestones across the consenting councils (issue
 * 7), filterable by council, theme, lead and due window. The filters live in the address, so a filtered view can be bookmarked and
 * the weekly digest's link lands here.
 */
export default function PartnershipMilestonesPage({ p }: { p: string }) {
  const overview = useOverview(p);
  const search = useSearch();
  const form = useQueryFormKey(search);
  const filters = filtersOf(search);
  // Whether the address can be used does not depend on the words its errors are told in.
  const valid = !Object.values(addressErrors(filters, '')).some(Boolean);
  const query = queryOf(filters);
  const filtering = query !== '';
  const list = useApi(
    '/api/v1/partnerships/{p}/milestones',
    valid ? { path: { p }, query: apiQueryOf(filters) } : null,
  );
  const name = overview.data?.partnership.name;
  const crumbs = usePartnershipCrumbs(p, name);
  const items = list.data?.items;
  // The plans' word for their groups, from the milestones listed; while a new list loads, or when a filter
  // matches nothing, the words last shown stay, so the label does not change under the person's eyes.
  const seen = useRef<string[] | undefined>(undefined);
  const listed = items?.length ? nounsOf(items) : undefined;
  const nouns = listed ?? seen.current ?? (items || list.error || !valid ? [] : undefined);
  useEffect(() => {
    if (nouns?.length) seen.current = nouns;
  });
  const themeWords = themeFilterWords(nouns ?? []);
  const badAddress = addressErrors(filters, themeWords.label);
  const count = items ? combinedCount(items, filtering) : list.loading ? 'Loading…' : '';

  return (
    <Page
      title={COMBINED_LIST_TITLE}
      place={name}
      caption={name ?? 'Partnership'}
      crumbs={crumbs}
      wide
      notFound={isNotFound(overview.error, list.error)}
    >
      {overview.error ? <LoadError error={overview.error} retry={overview.reload} /> : null}
      {overview.loading ? <Loading what="Loading the partnership" /> : null}
      {/* Shown once the plans' word for their groups is known, so its label does not change as it loads. */}
      {(overview.data || overview.error) && nouns ? (
        // The overview only names the councils to filter by: without it the list still shows.
        <FilterForm
          key={form.key}
          p={p}
          onSubmit={form.submitting}
          filters={filters}
          themeWords={themeWords}
          addressErrors={badAddress}
          councils={(overview.data?.councils ?? []).map((c) => ({ id: c.councilId, name: c.councilName }))}
          filtering={filtering}
          intro={
            <p className="govuk-body">
              Open actions and milestones past their due date, and milestones now due later than first agreed,
              across every council that shares its plans with the partnership.
              {overview.data ? ` Figures as at ${formatDate(overview.data.today)}.` : ''}
            </p>
          }
        />
      ) : null}
      <p className="govuk-body govuk-!-font-weight-bold" role="status" id="result-count">
        {count}
      </p>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {items ? (
        items.length ? (
          <CombinedMilestoneTable p={p} items={items} />
        ) : (
          <p className="govuk-body">
            {filtering
              ? 'No overdue or re-baselined action or milestone matches these filters.'
              : 'No action or milestone is overdue or re-baselined in the shared plans.'}
          </p>
        )
      ) : null}
    </Page>
  );
}

function FilterForm({
  p,
  filters,
  themeWords,
  addressErrors: fromAddress,
  councils,
  filtering,
  intro,
  onSubmit,
}: {
  p: string;
  onSubmit: (query: string) => void;
  filters: Filters;
  /** The theme filter's label and hint (`themeFilterWords`). */
  themeWords: { label: string; hint: string };
  addressErrors: FieldErrors;
  councils: Array<{ id: string; name: string }>;
  filtering: boolean;
  /** Said before the form, after any error summary (which comes first on the page). */
  intro: ReactNode;
}) {
  const [location, navigate] = useLocation();
  const [chosen, setChosen] = useState<string[]>(filters.council);
  const [theme, setTheme] = useState(filters.theme);
  const [lead, setLead] = useState(filters.lead);
  const [from, setFrom] = useState<DateParts>(() => partsOf(filters.from));
  const [to, setTo] = useState<DateParts>(() => partsOf(filters.to));
  const [errors, setErrors] = useState<FieldErrors>(fromAddress);
  const [errorField, setErrorField] = useState<Record<string, keyof DateParts>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f = dateOf(LABELS.from, from);
    const t = dateOf(LABELS.to, to);
    const next: FieldErrors = {
      theme:
        theme.trim().length > MAX_TEXT
          ? `${themeWords.label} must be ${MAX_TEXT} characters or fewer`
          : undefined,
      lead: lead.trim().length > MAX_TEXT ? `Lead must be ${MAX_TEXT} characters or fewer` : undefined,
      from: f.error,
      to:
        t.error ??
        (f.iso && t.iso && f.iso > t.iso ? 'Due to must be the same as or after due from' : undefined),
    };
    setErrors(next);
    setErrorField({ from: f.field ?? 'day', to: t.field ?? 'day' });
    if (Object.values(next).some(Boolean)) return;
    const query = queryOf({
      council: councils.map((c) => c.id).filter((id) => chosen.includes(id)),
      theme: theme.trim(),
      lead: lead.trim(),
      from: f.iso ?? '',
      to: t.iso ?? '',
    });
    onSubmit(query);
    navigate(`${location}${query ? `?${query}` : ''}`);
  };

  const summary = summaryFrom(
    { theme: errors.theme, lead: errors.lead, from: errors.from, to: errors.to },
    {
      theme: 'filter-theme',
      lead: 'filter-lead',
      from: `from-${errorField.from ?? 'day'}`,
      to: `to-${errorField.to ?? 'day'}`,
    },
  );

  return (
    <>
      <ErrorSummary errors={summary} />
      {intro}
      <form className="app-filters-form" onSubmit={submit} noValidate aria-labelledby="filter-heading">
        <h2 className="govuk-heading-m" id="filter-heading">
          Filter the list
        </h2>
        {councils.length > 1 ? (
          <CouncilChoices councils={councils} chosen={chosen} setChosen={setChosen} />
        ) : null}
        <div className="app-filters app-filters--wide">
          <TextInput
            id="filter-theme"
            name="theme"
            label={themeWords.label}
            hint={themeWords.hint}
            value={theme}
            error={errors.theme}
            onChange={(e) => setTheme(e.target.value)}
          />
          <TextInput
            id="filter-lead"
            name="lead"
            label="Lead"
            hint="Words from a lead, such as GM (HR)"
            value={lead}
            error={errors.lead}
            onChange={(e) => setLead(e.target.value)}
          />
        </div>
        <div className="app-date-filters">
          <DateField
            id="from"
            legend={LABELS.from}
            hint={DATE_HINT}
            value={from}
            onChange={setFrom}
            error={errors.from}
          />
          <DateField
            id="to"
            legend={LABELS.to}
            hint={DATE_HINT}
            value={to}
            onChange={setTo}
            error={errors.to}
          />
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button">
            Apply filters
          </button>
          {filtering ? (
            <Link className="govuk-link" href={partnershipHref(p, 'milestones')}>
              Clear filters
            </Link>
          ) : null}
        </div>
      </form>
    </>
  );
}

/** The councils to filter by, as checkboxes; none ticked means all. */
function CouncilChoices({
  councils,
  chosen,
  setChosen,
}: {
  councils: Array<{ id: string; name: string }>;
  chosen: string[];
  setChosen: (update: (ids: string[]) => string[]) => void;
}) {
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset" aria-describedby="council-hint">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Councils</legend>
        <div className="govuk-hint" id="council-hint">
          Leave them all unticked to see every council.
        </div>
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {councils.map((c) => (
            <div className="govuk-checkboxes__item" key={c.id}>
              <input
                className="govuk-checkboxes__input"
                id={`council-${c.id}`}
                name="council"
                type="checkbox"
                value={c.id}
                checked={chosen.includes(c.id)}
                onChange={(e) =>
                  setChosen((x) => (e.target.checked ? [...x, c.id] : x.filter((id) => id !== c.id)))
                }
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={`council-${c.id}`}>
                {c.name}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
