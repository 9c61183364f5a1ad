import { type PlanKind, THEME_NOUN } from '@peopleplan/core';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ErrorSummary, Radios } from '../components/form.js';
import { isNotFound, LoadError, Loading, Page, ScrollTable } from '../components/page.js';
import {
  useOverview,
  usePartnershipCrumbs,
  useQueryFormKey,
  WordList,
} from '../components/partnership-page.js';
import { TableHead } from '../components/table-head.js';
import { formatDate, formatDateTime, plural } from '../lib/format.js';
import { PLAN_KIND_LABELS, PLAN_STATUS_LABELS } from '../lib/labels.js';
import { ragWords, sharedPlanHref, statusWords } from '../lib/partnerships.js';
import type { ComparedPlan, ComparedTheme, Comparison } from '../lib/responses.js';
import { useApi } from '../lib/use-api.js';

const KINDS = Object.keys(PLAN_KIND_LABELS) as PlanKind[];
const isKind = (k: string | null): k is PlanKind => k !== null && (KINDS as string[]).includes(k);

const num = 'govuk-table__cell govuk-table__cell--numeric';

/**
 * Side by side (issue 7): every consenting council's shared plans of one kind (say each member's peer
 * review action plan), summarised the same way, then theme by theme.
 */
export default function PartnershipComparePage({ p }: { p: string }) {
  const overview = useOverview(p);
  const search = useSearch();
  const [location, navigate] = useLocation();
  const form = useQueryFormKey(search);
  const asked = new URLSearchParams(search).get('kind');
  const kind = isKind(asked) ? asked : undefined;
  const comparison = useApi(
    '/api/v1/partnerships/{p}/compare',
    kind ? { path: { p }, query: { kind } } : null,
  );
  const name = overview.data?.partnership.name;
  const crumbs = usePartnershipCrumbs(p, name);

  // Kinds among the shared plans, with how many councils share one of each.
  const present = KINDS.map((k) => ({
    kind: k,
    councils: (overview.data?.councils ?? []).filter((c) => c.sharedPlans.some((s) => s.kind === k)).length,
  })).filter((k) => k.councils > 0);

  const title = kind ? `Side by side: ${PLAN_KIND_LABELS[kind]}` : 'Side by side';
  return (
    <Page
      title={title}
      place={name}
      caption={name ?? 'Partnership'}
      crumbs={crumbs}
      wide
      notFound={isNotFound(overview.error, comparison.error)}
    >
      {overview.error ? <LoadError error={overview.error} retry={overview.reload} /> : null}
      {overview.loading ? <Loading what="Loading the partnership" /> : null}
      {overview.data ? (
        present.length ? (
          <KindForm
            key={form.key}
            present={present}
            kind={kind}
            addressError={asked !== null && !kind ? 'Choose a kind of plan from the list' : undefined}
            onChoose={(k) => {
              form.submitting(`kind=${k}`);
              navigate(`${location}?kind=${k}`);
            }}
          />
        ) : (
          <div className="govuk-inset-text">
            No member council shares a plan with the partnership at the moment, so there is nothing to put
            side by side.
          </div>
        )
      ) : null}
      {comparison.loading ? <Loading what="Loading the comparison" /> : null}
      {comparison.error ? <LoadError error={comparison.error} retry={comparison.reload} /> : null}
      {comparison.data && kind ? (
        comparison.data.plans.length ? (
          <>
            <p className="govuk-body app-as-at">Figures as at {formatDate(comparison.data.today)}.</p>
            {/* Each table's heading sits outside its sideways-scrolling region, so that it wraps at 320px
                instead of being cut off; a hidden caption with the same words still names the table. */}
            <h2 className="govuk-heading-m">{plansCaption(comparison.data)}</h2>
            <PlansTable p={p} data={comparison.data} />
            {comparison.data.themeRows.length ? (
              <h2 className="govuk-heading-m">{themesCaption(comparison.data)}</h2>
            ) : null}
            <ThemesTable data={comparison.data} />
          </>
        ) : (
          <p className="govuk-body">
            No council shares a {PLAN_KIND_LABELS[kind].toLowerCase()} with the partnership.
          </p>
        )
      ) : null}
    </Page>
  );
}

function KindForm({
  present,
  kind,
  addressError,
  onChoose,
}: {
  present: Array<{ kind: PlanKind; councils: number }>;
  kind: PlanKind | undefined;
  addressError: string | undefined;
  onChoose: (k: PlanKind) => void;
}) {
  const [value, setValue] = useState<string>(kind ?? '');
  const [error, setError] = useState<string | undefined>(addressError);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!isKind(value)) {
      setError('Choose a kind of plan to compare');
      return;
    }
    setError(undefined);
    onChoose(value);
  };
  return (
    <>
      <ErrorSummary errors={error ? [{ href: '#kind', text: error }] : []} />
      <form onSubmit={submit} noValidate>
        <Radios
          id="kind"
          legend="Which kind of plan do you want to compare?"
          legendClass="govuk-fieldset__legend--m"
          hint="Only kinds that at least one council shares are listed."
          error={error}
          value={value}
          onChange={setValue}
          small
          options={present.map((k) => ({
            value: k.kind,
            text: PLAN_KIND_LABELS[k.kind],
            hint: `Shared by ${plural(k.councils, 'council')}`,
          }))}
        />
        <button type="submit" className="govuk-button">
          Compare
        </button>
      </form>
    </>
  );
}

const planName = (x: ComparedPlan) => `${x.councilName}: ${x.title}`;
const plansCaption = (data: Comparison) =>
  `${PLAN_KIND_LABELS[data.kind]}: ${plural(data.plans.length, 'plan')} compared`;
const themesCaption = (data: Comparison) => {
  const noun = THEME_NOUN[data.kind];
  return `${noun} by ${noun.toLowerCase()}, side by side`;
};

function PlansTable({ p, data }: { p: string; data: Comparison }) {
  return (
    <ScrollTable label="Plans compared">
      <table className="govuk-table app-table" data-testid="compare-plans">
        <caption className="govuk-table__caption govuk-visually-hidden">{plansCaption(data)}</caption>
        <TableHead
          columns={[
            'Council',
            { label: 'Plan', className: 'app-col-text' },
            { label: 'Actions', numeric: true },
            'By status',
            'By RAG',
            { label: 'Overdue', numeric: true },
            { label: 'Re-baselined (slipping)', numeric: true },
            { label: 'Stale', numeric: true },
            'Last progress update',
          ]}
        />
        <tbody className="govuk-table__body">
          {data.plans.map((x) => (
            <tr className="govuk-table__row" key={`${x.councilId}-${x.planId}`} data-council={x.councilId}>
              <th scope="row" className="govuk-table__header">
                {x.councilName}
              </th>
              <td className="govuk-table__cell app-cell-s">
                <Link className="govuk-link" href={sharedPlanHref(p, x.councilId, x.planId)}>
                  {x.title}
                </Link>
                <span className="app-item-type">
                  {[x.period.label, PLAN_STATUS_LABELS[x.status] ?? x.status].filter(Boolean).join(' · ')}
                </span>
              </td>
              <td className={num}>{x.total}</td>
              <td className="govuk-table__cell app-cell-s">
                <WordList items={statusWords(x.byStatus)} />
              </td>
              <td className="govuk-table__cell app-cell-s">
                <WordList items={ragWords(x.byRag)} />
              </td>
              <td className={num}>{x.overdue}</td>
              <td className={num}>{x.slipping}</td>
              <td className={num}>{x.stale}</td>
              <td className="govuk-table__cell app-cell-s">
                {x.lastUpdateAt ? formatDateTime(x.lastUpdateAt) : 'None yet'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function ThemeCell({ theme }: { theme: ComparedTheme | null }) {
  if (!theme) return <span className="app-muted">Not in this plan</span>;
  return (
    <>
      <span className="app-compare-theme">{theme.title}</span>
      <span className="app-item-type">{plural(theme.total, 'action')}</span>
      {theme.total ? (
        <>
          <span className="app-compare-line">Status: {statusWords(theme.byStatus).join(', ')}</span>
          <span className="app-compare-line">RAG: {ragWords(theme.byRag).join(', ')}</span>
        </>
      ) : null}
    </>
  );
}

function ThemesTable({ data }: { data: Comparison }) {
  if (!data.themeRows.length) return null;
  const noun = THEME_NOUN[data.kind];
  return (
    <ScrollTable label={`${noun} by ${noun.toLowerCase()}`}>
      <table className="govuk-table app-table app-side-by-side" data-testid="compare-themes">
        <caption className="govuk-table__caption govuk-visually-hidden">{themesCaption(data)}</caption>
        <TableHead
          columns={[noun, ...data.plans.map((x) => ({ label: planName(x), className: 'app-col-text' }))]}
        />
        <tbody className="govuk-table__body">
          {data.themeRows.map((row) => (
            <tr className="govuk-table__row" key={row.ref || 'none'}>
              <th scope="row" className="govuk-table__header">
                {row.ref ? `${noun} ${row.ref}` : `No ${noun.toLowerCase()}`}
              </th>
              {row.cells.map((cell, i) => {
                const x = data.plans[i]!;
                return (
                  <td className="govuk-table__cell app-cell-s" key={`${x.councilId}-${x.planId}`}>
                    <ThemeCell theme={cell} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
