import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { Banner, isNotFound, LoadError, Loading, Page, ScrollTable } from '../components/page.js';
import { useOverview, usePartnershipCrumbs, WordList } from '../components/partnership-page.js';
import { TableHead } from '../components/table-head.js';
import { api } from '../lib/api.js';
import { formatDate, plural } from '../lib/format.js';
import { PLAN_KIND_LABELS, PLAN_STATUS_LABELS } from '../lib/labels.js';
import { partnershipHref, ragWords, sharedPlanHref, statusWords, travelWords } from '../lib/partnerships.js';
import type { OverviewCounts, OverviewRow, SharedPlanRef } from '../lib/responses.js';
import { useApi } from '../lib/use-api.js';

const num = 'govuk-table__cell govuk-table__cell--numeric';

/**
 * The partnership's combined view (issue 7), read-only: one row per consenting council with its counts
 * in words, the partnership's totals, and each council's shared plans.
 */
export default function PartnershipPage({ p }: { p: string }) {
  const overview = useOverview(p);
  const data = overview.data;
  const name = data?.partnership.name;
  const crumbs = usePartnershipCrumbs(p, name, true);
  const rows = data?.councils ?? [];
  return (
    <Page
      title="Partnership overview"
      heading={name ?? 'Partnership'}
      place={name}
      caption="Partnership overview"
      crumbs={crumbs}
      wide
      notFound={isNotFound(overview.error)}
    >
      {overview.loading ? <Loading what="Loading the partnership" /> : null}
      {overview.error ? <LoadError error={overview.error} retry={overview.reload} /> : null}
      {data ? (
        <>
          <p className="govuk-body app-as-at">
            Figures as at {formatDate(data.today)}. Only councils that share their plans with the partnership
            appear here: each council chooses what it shares and can stop at any time.
          </p>
          <p className="govuk-body">
            Direction of travel compares each action’s RAG rating now with its rating when its plan’s last
            reporting period was closed.
          </p>
          {rows.length ? (
            <>
              <CouncilTable rows={rows} totals={data.totals} dueSoonDays={data.dueSoonDays} />
              <Definitions dueSoonDays={data.dueSoonDays} />
              <p className="govuk-body">
                <Link className="govuk-link" href={partnershipHref(p, 'milestones')}>
                  See every overdue or re-baselined action and milestone across the councils
                </Link>
              </p>
              <h2 className="govuk-heading-m" id="shared-plans">
                Shared plans
              </h2>
              <p className="govuk-body">Each plan opens read-only, as the council keeps it.</p>
              {rows.map((r) => (
                <SharedPlans key={r.councilId} p={p} row={r} />
              ))}
            </>
          ) : (
            <div className="govuk-inset-text">
              No member council shares its plans with the partnership at the moment. Councils appear here once
              their administrators grant the partnership read access.
            </div>
          )}
          <WeeklyDigest p={p} />
        </>
      ) : null}
    </Page>
  );
}

/** The one thing a partner reader may change: their own Monday email of what slipped. */
function WeeklyDigest({ p }: { p: string }) {
  const digest = useApi('/api/v1/partnerships/{p}/me/digest', { path: { p } });
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ on: boolean; n: number } | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const weeklyDigest = new FormData(e.currentTarget).get('weeklyDigest') === 'yes';
    setSaving(true);
    setError(undefined);
    try {
      digest.setData(
        await api.put('/api/v1/partnerships/{p}/me/digest', {
          params: { path: { p } },
          body: { weeklyDigest },
        }),
      );
      // A new key each time, so the banner takes focus again after a second save.
      setSaved((prev) => ({ on: weeklyDigest, n: (prev?.n ?? 0) + 1 }));
    } catch (err) {
      setError(err as Error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <section aria-labelledby="weekly-digest" className="app-no-print">
      <h2 className="govuk-heading-m" id="weekly-digest">
        Weekly email
      </h2>
      {saved !== undefined ? (
        <Banner type="success" title="Saved" key={saved.n}>
          <p className="govuk-body">
            {saved.on
              ? 'You will get the weekly email on Monday mornings.'
              : 'You will not get the weekly email.'}
          </p>
        </Banner>
      ) : null}
      {error ? <LoadError error={error} /> : null}
      {digest.error ? <LoadError error={digest.error} retry={digest.reload} /> : null}
      {digest.data && !digest.data.registered ? (
        <p className="govuk-body">
          Email from this partnership has not been set up for you. Ask your administrator to add you to its
          mailing list if you would like a weekly email of the milestones that slipped.
        </p>
      ) : null}
      {digest.data?.registered ? (
        <form onSubmit={save} noValidate>
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset" aria-describedby="weekly-digest-hint">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                Email me every Monday the milestones that slipped across the partnership
              </legend>
              <div id="weekly-digest-hint" className="govuk-hint">
                It goes to {digest.data.email ?? 'the address your administrator recorded'}, and only in weeks
                when something slipped.
              </div>
              <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
                {(
                  [
                    ['yes', 'Yes, send me the weekly email', true],
                    ['no', 'No', false],
                  ] as const
                ).map(([value, label, on]) => (
                  <div className="govuk-radios__item" key={value}>
                    <input
                      className="govuk-radios__input"
                      id={`weekly-digest-${value}`}
                      name="weeklyDigest"
                      type="radio"
                      value={value}
                      defaultChecked={digest.data?.weeklyDigest === on}
                    />
                    <label className="govuk-label govuk-radios__label" htmlFor={`weekly-digest-${value}`}>
                      {label}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={saving}>
            Save email setting
          </button>
        </form>
      ) : null}
    </section>
  );
}

function CouncilTable({
  rows,
  totals,
  dueSoonDays,
}: {
  rows: OverviewRow[];
  totals: OverviewCounts;
  dueSoonDays: number;
}) {
  const caption = `Councils sharing their plans (${rows.length})`;
  return (
    <ScrollTable label="Councils sharing their plans">
      <table className="govuk-table app-table app-overview-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <TableHead
          columns={[
            'Council',
            { label: 'Plans shared', numeric: true },
            { label: 'Actions', numeric: true },
            'Actions by status',
            'Actions by RAG',
            { label: 'Overdue', numeric: true },
            { label: 'Re-baselined (slipping)', numeric: true },
            { label: 'Stale', numeric: true },
            { label: <>Due in the next {dueSoonDays} days</>, numeric: true },
            { label: 'Direction of travel', className: 'app-col-travel' },
          ]}
        />
        <tbody className="govuk-table__body">
          {rows.map((r) => (
            <CountsRow key={r.councilId} head={r.councilName} counts={r} />
          ))}
          <CountsRow head="All councils" counts={totals} total />
        </tbody>
      </table>
    </ScrollTable>
  );
}

function CountsRow({ head, counts: c, total }: { head: string; counts: OverviewCounts; total?: boolean }) {
  return (
    <tr className={`govuk-table__row${total ? ' app-total-row' : ''}`}>
      <th scope="row" className="govuk-table__header">
        {head}
      </th>
      <td className={num}>{c.plans}</td>
      <td className={num}>{c.actions}</td>
      <td className="govuk-table__cell app-cell-s">
        <WordList items={statusWords(c.byStatus)} />
      </td>
      <td className="govuk-table__cell app-cell-s">
        <WordList items={ragWords(c.byRag)} />
      </td>
      <td className={num}>{c.overdue}</td>
      <td className={num}>{c.slipping}</td>
      <td className={num}>{c.stale}</td>
      <td className={num}>{c.dueSoon}</td>
      <td className="govuk-table__cell app-cell-s">
        <WordList items={travelWords(c.travel)} none="No actions" />
      </td>
    </tr>
  );
}

function Definitions({ dueSoonDays }: { dueSoonDays: number }) {
  const terms: Array<[string, string]> = [
    ['Overdue', 'Open actions and milestones past their due date.'],
    ['Re-baselined (slipping)', 'Open milestones now due later than first agreed.'],
    ['Stale', 'Open actions with no progress update within their plan’s review cycle.'],
    ['Due soon', `Open actions and milestones due in the next ${dueSoonDays} days.`],
    [
      'Direction of travel',
      'Whether each action’s RAG rating is better, the same or worse than when its plan’s last reporting period closed. Actions added since then are new; plans with no closed period are not yet compared.',
    ],
  ];
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">What these figures mean</span>
      </summary>
      <div className="govuk-details__text">
        <dl className="govuk-summary-list govuk-summary-list--no-border">
          {terms.map(([k, v]) => (
            <div className="govuk-summary-list__row" key={k}>
              <dt className="govuk-summary-list__key">{k}</dt>
              <dd className="govuk-summary-list__value">{v}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}

function comparedText(plan: SharedPlanRef): string {
  return plan.comparedWith
    ? `direction of travel compared with ${plan.comparedWith.label}`
    : 'not yet compared: no reporting period closed';
}

function SharedPlans({ p, row }: { p: string; row: OverviewRow }) {
  const id = `council-${row.councilId}`;
  return (
    <section aria-labelledby={id}>
      <h3 className="govuk-heading-s" id={id}>
        {row.councilName} ({plural(row.sharedPlans.length, 'plan')})
      </h3>
      {row.sharedPlans.length ? (
        <ul className="govuk-list app-choice-list" data-council={row.councilId}>
          {row.sharedPlans.map((plan) => (
            <li key={plan.planId}>
              <Link className="govuk-link" href={sharedPlanHref(p, row.councilId, plan.planId)}>
                {plan.title}
              </Link>
              <span className="govuk-hint app-choice-hint">
                {[
                  PLAN_KIND_LABELS[plan.kind],
                  PLAN_STATUS_LABELS[plan.status] ?? plan.status,
                  comparedText(plan),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">This council shares no current plan.</p>
      )}
    </section>
  );
}
