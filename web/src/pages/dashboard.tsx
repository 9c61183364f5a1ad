import {
  type Dashboard,
  type DashboardItem,
  type PlanSummary,
  type Rag,
  type ThemeWords,
  themeWordsOf,
} from '@peopleplan/core';
import { type ReactNode, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { CommitteePack } from '../components/committee-pack.js';
import { asWritten, DirectorateChoice } from '../components/directorate-choice.js';
import { type ItemColumn, ItemsTable } from '../components/items-table.js';
import { isNotFound, LoadError, Loading, Page } from '../components/page.js';
import { StatusCounts } from '../components/status-counts.js';
import { DueTimeline } from '../components/timeline.js';
import { focusMessage } from '../lib/focus.js';
import { formatDate, plural } from '../lib/format.js';
import { PLAN_KIND_LABELS, PLAN_STATUS_LABELS, RAG_SHORT, RAGS } from '../lib/labels.js';
import { useCouncil } from '../lib/session.js';
import { travelWords } from '../lib/travel.js';
import { useApi } from '../lib/use-api.js';

const WINDOWS = [14, 30, 60, 90];

export function DashboardPage({ c }: { c: string }) {
  const { council } = useCouncil(c);
  const [params, setParams] = useSearchParams();
  const days = WINDOWS.includes(Number(params.get('days'))) ? Number(params.get('days')) : 30;
  const directorate = params.get('directorate')?.trim() || undefined;
  const loaded = useApi('/api/v1/councils/{c}/dashboard', {
    path: { c },
    query: { days, ...(directorate && { directorate }) },
  });
  // The address keeps both choices: changing one keeps the other.
  const choose = (next: { days?: number; directorate?: string | undefined }) => {
    const d = 'directorate' in next ? next.directorate : directorate;
    setParams({ days: String(next.days ?? days), ...(d && { directorate: d }) });
  };
  const { error, loading, reload } = loaded;
  // While another due-soon window loads, the dashboard read last stays on screen (with the window it
  // was read for), so the page neither empties nor jumps to the top under the person.
  const [last, setLast] = useState<{ data: Dashboard; days: number } | undefined>();
  useEffect(() => {
    if (loaded.data) setLast({ data: loaded.data, days });
  }, [loaded.data, days]);
  const view = loaded.data ? { data: loaded.data, days } : last;
  // After "Show", the due-soon section's heading takes focus once the new window has loaded (WCAG 2.4.3).
  const [focusOn, setFocusOn] = useState<number | undefined>();
  useEffect(() => {
    if (focusOn === undefined || !loaded.data || focusOn !== days) return;
    focusMessage(document.getElementById('due-soon'), 'start');
    setFocusOn(undefined);
  }, [focusOn, loaded.data, days]);
  const ready = !!view;
  useEffect(() => {
    // For the bench and anyone profiling: the moment the dashboard's figures are on screen.
    if (ready) performance.mark('peopleplan:dashboard-ready');
  }, [ready]);

  const name = council?.name ?? c;
  return (
    <Page title="Dashboard" caption={name} wide notFound={isNotFound(error)}>
      {error ? <LoadError error={error} retry={reload} /> : null}
      {loading && !view ? <Loading what="Loading the dashboard" /> : null}
      {view ? (
        <DashboardView
          c={c}
          data={view.data}
          days={view.days}
          reloading={loading}
          onDays={(d) => {
            setFocusOn(d);
            choose({ days: d });
          }}
          directorate={directorate}
          onDirectorate={(d) => choose({ directorate: d })}
        />
      ) : null}
    </Page>
  );
}

/** The dashboard's figures and lists, read for a due-soon window of `days`. */
function DashboardView({
  c,
  data,
  days,
  reloading,
  onDays,
  directorate,
  onDirectorate,
}: {
  c: string;
  data: Dashboard;
  days: number;
  /** Another window is being read: said in its section, while these figures stay. */
  reloading: boolean;
  onDays: (days: number) => void;
  directorate: string | undefined;
  onDirectorate: (directorate: string | undefined) => void;
}) {
  const { can } = useCouncil(c);
  // What each plan calls its groups: its own word, else its kind's.
  const wordsOf = (p: PlanSummary) => themeWordsOf({ kind: p.kind, themeNoun: p.themeNoun });
  return (
    <div data-dashboard-ready="true">
      <DirectorateChoice
        directorates={data.directorates ?? []}
        directorate={directorate}
        onDirectorate={onDirectorate}
      />
      <p className="govuk-body app-as-at">
        Figures as at {formatDate(data.today)}
        {data.directorate
          ? `, for the plans of ${asWritten(data.directorates, data.directorate) ?? data.directorate}`
          : ''}
        .
      </p>
      <Headlines data={data} days={days} />
      <h2 className="govuk-heading-m" id="plans">
        Plans
      </h2>
      {data.plans.length === 0 ? (
        <p className="govuk-body">
          {data.directorate
            ? 'None of the council’s plans name this directorate.'
            : 'There are no plans yet.'}
        </p>
      ) : null}
      {can('editor') ? (
        <p className="govuk-body app-no-print">
          <Link className="govuk-link" href={`/councils/${c}/plans/new`}>
            Create a plan
          </Link>{' '}
          or{' '}
          <Link className="govuk-link" href={`/councils/${c}/import`}>
            import one from a document
          </Link>
          .
        </p>
      ) : null}
      {data.plans.map((p) => (
        <PlanCard key={p.planId} c={c} plan={p} words={wordsOf(p)} />
      ))}
      {data.plans.length ? <CommitteePack c={c} /> : null}
      <p className="govuk-body app-no-print">
        <Link className="govuk-link" href={`/councils/${c}/search`}>
          Search the council’s plans
        </Link>
        {can('contributor') ? (
          <>
            {' · '}
            <Link className="govuk-link" href={`/councils/${c}/calendar-feeds`}>
              Your calendar feeds
            </Link>
          </>
        ) : null}
        {can('admin') ? (
          <>
            {' · '}
            <Link className="govuk-link" href={`/councils/${c}/audit`}>
              Audit trail
            </Link>
          </>
        ) : null}
      </p>

      <ItemsSection
        c={c}
        id="overdue"
        heading="Overdue"
        items={data.overdue}
        caption="Overdue actions and milestones"
        columns={['plan', 'due', 'lateness', 'leads']}
        none="Nothing is overdue."
      />
      <ItemsSection
        c={c}
        id="slipping"
        heading="Slipping: re-baselined actions and milestones"
        intro="Actions and milestones whose due date has moved later than first agreed."
        items={data.slipping}
        caption="Re-baselined actions and milestones"
        columns={['plan', 'baseline', 'due', 'leads']}
        none="No open action or milestone has been re-baselined."
      />
      <ItemsSection
        c={c}
        id="due-soon"
        heading={`Due in the next ${days} days`}
        items={data.dueSoon}
        caption={`Due in the next ${days} days`}
        columns={['plan', 'due', 'lateness', 'leads']}
        none={`Nothing is due in the next ${days} days.`}
      >
        <DaysForm days={days} onDays={onDays} />
        {reloading ? <Loading what="Loading the items due in the window you chose" /> : null}
        <DueSoonTimeline data={data} days={days} />
      </ItemsSection>
      <ItemsSection
        c={c}
        id="stale"
        heading="Stale: no recent progress update"
        intro="Open actions with no update within their plan’s review cycle, counted from the last update, or from when the plan came into PeoplePlan."
        items={data.stale}
        caption="Actions with no recent progress update"
        columns={['plan', 'lastUpdate', 'leads']}
        none="No open action has gone a whole review cycle without an update."
      />
    </div>
  );
}

/** One of the dashboard's lists: a heading with its count, then the table, or a sentence when empty. */
function ItemsSection({
  c,
  id,
  heading,
  intro,
  items,
  caption,
  columns,
  none,
  children,
}: {
  c: string;
  id: string;
  heading: string;
  intro?: string;
  items: DashboardItem[];
  caption: string;
  columns: ItemColumn[];
  none: string;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      {/* Focusable, for the control in its section that reloads it (the due-soon window). */}
      <h2 className="govuk-heading-m" id={id} tabIndex={-1}>
        {heading} ({items.length})
      </h2>
      {intro ? <p className="govuk-body">{intro}</p> : null}
      {children}
      {items.length ? (
        <ItemsTable c={c} caption={caption} items={items} columns={columns} />
      ) : (
        <p className="govuk-body">{none}</p>
      )}
    </section>
  );
}

/** The due-soon window, kept in the address (`?days=`). */
function DaysForm({ days, onDays }: { days: number; onDays: (days: number) => void }) {
  return (
    <form
      className="app-inline-form app-no-print"
      onSubmit={(e) => {
        e.preventDefault();
        onDays(Number(new FormData(e.currentTarget).get('days')));
      }}
    >
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="days">
          Show items due within
        </label>
        <select className="govuk-select" id="days" name="days" defaultValue={String(days)} key={days}>
          {WINDOWS.map((w) => (
            <option key={w} value={w}>
              {w} days
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary">
        Show
      </button>
    </form>
  );
}

/** Overdue (up to the window) and due-soon items on one timeline. */
function DueSoonTimeline({ data, days }: { data: Dashboard; days: number }) {
  if (!data.dueSoon.length && !data.overdue.length) return null;
  return (
    <>
      <h3 className="govuk-heading-s">Timeline</h3>
      <p className="govuk-body-s app-muted">
        Items overdue by up to {days} days sit left of today. The tables list the same items.
      </p>
      <DueTimeline
        items={[...data.overdue.filter((i) => (i.daysLate ?? 0) <= days), ...data.dueSoon]}
        today={data.today}
        horizonDays={days}
      />
    </>
  );
}

function Headlines({ data, days }: { data: Dashboard; days: number }) {
  const cards = [
    { id: 'overdue', n: data.overdue.length, text: 'overdue', alert: data.overdue.length > 0 },
    { id: 'slipping', n: data.slipping.length, text: 're-baselined', alert: data.slipping.length > 0 },
    { id: 'due-soon', n: data.dueSoon.length, text: `due in ${days} days`, alert: false },
    { id: 'stale', n: data.stale.length, text: 'not updated within their review cycle', alert: false },
  ];
  return (
    <ul className="app-headlines">
      {cards.map((card) => (
        <li key={card.id} className={`app-headline${card.alert ? ' app-headline--alert' : ''}`}>
          <a className="govuk-link app-headline__link" href={`#${card.id}`}>
            <span className="app-headline__number">{card.n}</span>
            <span className="app-headline__text">{card.text}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** A plan's overdue count in words, actions and milestones apart ("1 overdue action · 5 overdue milestones"). */
function overdueWords(plan: Pick<PlanSummary, 'overdue' | 'overdueMilestones'>) {
  if (!plan.overdue) return 'nothing overdue';
  const milestones = plan.overdueMilestones;
  const actions = plan.overdue - milestones;
  return [
    actions ? plural(actions, 'overdue action') : '',
    milestones ? plural(milestones, 'overdue milestone') : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function PlanCard({ c, plan, words }: { c: string; plan: PlanSummary; words: ThemeWords }) {
  return (
    <section className="app-plan-card" aria-labelledby={`plan-${plan.planId}`}>
      <h3 className="govuk-heading-m app-plan-card__title" id={`plan-${plan.planId}`}>
        <Link className="govuk-link" href={`/councils/${c}/plans/${plan.planId}`}>
          {plan.title}
        </Link>
      </h3>
      <p className="govuk-body-s app-muted">
        {PLAN_KIND_LABELS[plan.kind]} · {PLAN_STATUS_LABELS[plan.status] ?? plan.status} ·{' '}
        {plural(plan.total, 'action')} · {overdueWords(plan)} · {plan.slipping} re-baselined · {plan.stale}{' '}
        stale
      </p>
      <RagSummary counts={plan.byRag} total={plan.total} />
      {plan.travel ? (
        <p className="govuk-body-s" data-testid="travel">
          <strong>Since {plan.travel.since}:</strong> {travelWords(plan.travel.counts).join(' · ')}
        </p>
      ) : (
        <p className="govuk-body-s app-muted">
          No reporting period closed yet: direction of travel starts at the first.
        </p>
      )}
      {plan.total ? <StatusCounts c={c} plan={plan} words={words} /> : null}
    </section>
  );
}

/** RAG counts as words, with a bar that only repeats them visually. */
export function RagSummary({ counts, total }: { counts: Record<Rag, number>; total: number }) {
  if (!total) return null;
  const present = RAGS.filter((r) => counts[r] > 0);
  return (
    <div className="app-rag-summary">
      <p className="govuk-body-s app-rag-summary__text">
        <span className="govuk-!-font-weight-bold">RAG: </span>
        {present.map((r, i) => (
          <span key={r}>
            {i ? ', ' : ''}
            {counts[r]} {RAG_SHORT[r].toLowerCase()}
          </span>
        ))}
      </p>
      <div className="app-rag-bar" aria-hidden="true">
        {present.map((r) => (
          <span
            key={r}
            className={`app-rag-bar__part app-rag-bar__part--${r}`}
            style={{ flexGrow: counts[r] }}
          />
        ))}
      </div>
    </div>
  );
}
