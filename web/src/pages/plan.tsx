import type { Plan, Status, Theme } from '@peopleplan/core';
import { type FormEvent, useMemo } from 'react';
import { Link, useSearchParams } from 'wouter';
import { LoadError, Loading, Page, Prose, ScrollTable, SummaryList } from '../components/page.js';
import { RagTag, StatusTag } from '../components/tags.js';
import { DueTimeline } from '../components/timeline.js';
import { TimescaleText } from '../components/timescale.js';
import { seg } from '../lib/api.js';
import { daysBetween, formatDate, formatDateTime, londonToday, plural } from '../lib/format.js';
import {
  LEAD_ROLE_LABELS,
  PLAN_KIND_LABELS,
  PLAN_STATUS_LABELS,
  STATUS_LABELS,
  STATUSES,
} from '../lib/labels.js';
import {
  type ActionRow,
  type Cell,
  type MilestoneRow,
  orderActions,
  PLAN_COLUMNS,
  THEME_NOUN,
} from '../lib/plan-columns.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

interface Contents {
  plan: Plan;
  themes: Theme[];
  actions: ActionRow[];
  milestones: MilestoneRow[];
  indicators: Array<Record<string, unknown>>;
  risks: Array<{
    id: string;
    ref?: string;
    description: string;
    likelihood?: string;
    impact?: string;
    mitigation?: string;
    ownerLabel?: string;
  }>;
  continuity: Array<{ id: string; name: string; timescale?: string; minimumServiceLevel?: string }>;
  decisions: Array<{
    id: string;
    title: string;
    decisionMaker?: string;
    due?: ActionRow['due'];
    description?: string;
  }>;
  dependencies: Array<{ id: string; fromUnit: string; description: string; actionRefs: string[] }>;
}

const DUE_WINDOWS: Record<string, string> = {
  overdue: 'Overdue',
  '30': 'Due in the next 30 days',
  '90': 'Due in the next 90 days',
  nodate: 'No date',
};

interface Filters {
  status: string;
  lead: string;
  theme: string;
  due: string;
}

function matches(a: ActionRow, f: Filters, today: string): boolean {
  if (f.status && a.status !== f.status) return false;
  if (f.lead && !a.leads.some((l) => l.label === f.lead)) return false;
  if (f.theme && (a.themeId ?? 'none') !== f.theme) return false;
  if (f.due) {
    const due = a.due?.due;
    const open = !['completed', 'deferred', 'cancelled'].includes(a.status);
    if (f.due === 'nodate') return !due;
    if (!due) return false;
    const d = daysBetween(today, due);
    if (f.due === 'overdue') return open && d < 0;
    return d >= 0 && d <= Number(f.due);
  }
  return true;
}

export default function PlanPage({ c, planId }: { c: string; planId: string }) {
  const { council } = useCouncil(c);
  const { data, error, loading, reload } = useApi<Contents>(
    `/councils/${seg(c)}/plans/${seg(planId)}/contents`,
  );
  const [params, setParams] = useSearchParams();
  const filters: Filters = {
    status: params.get('status') ?? '',
    lead: params.get('lead') ?? '',
    theme: params.get('theme') ?? '',
    due: params.get('due') ?? '',
  };
  const filtering = Object.values(filters).some(Boolean);
  const filterKey = JSON.stringify(filters);
  const today = londonToday();

  const view = useMemo(() => {
    if (!data) return undefined;
    const f = JSON.parse(filterKey) as Filters;
    const shown = data.actions.filter((a) => matches(a, f, today));
    const leads = [...new Set(data.actions.flatMap((a) => a.leads.map((l) => l.label)))].sort((x, y) =>
      x.localeCompare(y),
    );
    const msByAction = new Map<string, MilestoneRow[]>();
    for (const m of data.milestones) msByAction.set(m.actionId, [...(msByAction.get(m.actionId) ?? []), m]);
    const themes = [...data.themes].sort((x, y) => x.order - y.order);
    const groups = themes.map((t) => ({
      theme: t as Theme | undefined,
      key: t.id,
      actions: shown.filter((a) => a.themeId === t.id),
    }));
    const orphans = shown.filter((a) => !a.themeId || !themes.some((t) => t.id === a.themeId));
    if (orphans.length) groups.push({ theme: undefined, key: 'none', actions: orphans });
    return { shown, leads, msByAction, groups, themes };
  }, [data, filterKey, today]);

  const onFilter = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const next: Record<string, string> = {};
    for (const k of ['status', 'lead', 'theme', 'due']) {
      const v = String(f.get(k) ?? '');
      if (v) next[k] = v;
    }
    setParams(next);
  };

  const plan = data?.plan;
  const crumbs = [{ href: `/councils/${c}`, text: council?.name ?? 'Dashboard' }];
  return (
    <Page
      title={plan?.title ?? 'Plan'}
      caption={
        plan ? `${PLAN_KIND_LABELS[plan.kind]}${plan.period.label ? ` ${plan.period.label}` : ''}` : undefined
      }
      crumbs={crumbs}
      wide
    >
      {error ? <LoadError error={error} retry={reload} /> : null}
      {loading ? <Loading what="Loading the plan" /> : null}
      {data && plan && view ? (
        <>
          <SummaryList
            rows={[
              { key: 'Kind of plan', value: PLAN_KIND_LABELS[plan.kind] },
              {
                key: 'Period',
                value:
                  [
                    plan.period.label,
                    plan.period.start && plan.period.end
                      ? `${formatDate(plan.period.start)} to ${formatDate(plan.period.end)}`
                      : '',
                  ]
                    .filter(Boolean)
                    .join(': ') || 'Not given',
              },
              { key: 'Status', value: PLAN_STATUS_LABELS[plan.status] ?? plan.status },
              (plan.ownerLabel || plan.directorate || plan.division) && {
                key: 'Owner',
                value: [plan.ownerLabel, plan.directorate, plan.division].filter(Boolean).join(', '),
              },
              plan.approval &&
                (plan.approval.body || plan.approval.date) && {
                  key: 'Approved',
                  value: [plan.approval.body, formatDate(plan.approval.date)].filter(Boolean).join(', '),
                },
              { key: 'Progress reviewed', value: plan.reviewCadence.replace('-', ' ') },
              { key: 'Actions', value: plural(data.actions.length, 'action') },
            ]}
          />
          <div className="govuk-button-group app-no-print">
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => window.print()}
            >
              Print this plan
            </button>
          </div>

          <form
            className="app-filters-form app-no-print"
            onSubmit={onFilter}
            aria-labelledby="filter-heading"
          >
            <h2 className="govuk-heading-m" id="filter-heading">
              Filter actions
            </h2>
            <div className="app-filters">
              <FilterSelect
                id="status"
                label="Status"
                value={filters.status}
                options={STATUSES.map((s: Status) => ({ value: s, text: STATUS_LABELS[s] }))}
              />
              <FilterSelect
                id="lead"
                label="Lead"
                value={filters.lead}
                options={view.leads.map((l) => ({ value: l, text: l }))}
              />
              <FilterSelect
                id="theme"
                label={THEME_NOUN[plan.kind]}
                value={filters.theme}
                options={view.themes.map((t) => ({
                  value: t.id,
                  text: `${t.ref ? `${t.ref}. ` : ''}${t.title}`,
                }))}
              />
              <FilterSelect
                id="due"
                label="Due"
                value={filters.due}
                options={Object.entries(DUE_WINDOWS).map(([value, text]) => ({ value, text }))}
              />
            </div>
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button">
                Apply filters
              </button>
              {filtering ? (
                <Link className="govuk-link" href={`/councils/${c}/plans/${planId}`}>
                  Clear filters
                </Link>
              ) : null}
            </div>
          </form>
          <p className="govuk-body govuk-!-font-weight-bold" role="status">
            {filtering
              ? `Showing ${view.shown.length} of ${plural(data.actions.length, 'action')}`
              : `Showing all ${plural(data.actions.length, 'action')}`}
          </p>

          {view.groups
            .filter((g) => g.actions.length || !filtering)
            .map((g) => (
              <section className="app-theme" key={g.key} aria-labelledby={`theme-${g.key}`}>
                <h2 className="govuk-heading-m" id={`theme-${g.key}`}>
                  {g.theme
                    ? `${THEME_NOUN[plan.kind]}${g.theme.ref ? ` ${g.theme.ref}` : ''}: ${g.theme.title}`
                    : 'Other actions'}
                </h2>
                {g.theme?.description ? (
                  <details className="govuk-details">
                    <summary className="govuk-details__summary">
                      <span className="govuk-details__summary-text">
                        About this {THEME_NOUN[plan.kind].toLowerCase()}
                      </span>
                    </summary>
                    <div className="govuk-details__text">
                      <Prose text={g.theme.description} />
                    </div>
                  </details>
                ) : null}
                {g.actions.length ? (
                  <ActionTable
                    c={c}
                    kind={plan.kind}
                    actions={g.actions}
                    msByAction={view.msByAction}
                    caption={g.theme?.title ?? 'Other actions'}
                  />
                ) : (
                  <p className="govuk-body">No actions.</p>
                )}
              </section>
            ))}

          {data.milestones.length ? <MilestonesSection c={c} data={data} today={today} /> : null}
          <ExtraTables data={data} />
          {plan.sections.length ? (
            <section className="app-section-break" aria-labelledby="sections">
              <h2 className="govuk-heading-m" id="sections">
                About this plan
              </h2>
              {plan.sections.map((s) => (
                <details className="govuk-details" key={s.key}>
                  <summary className="govuk-details__summary">
                    <span className="govuk-details__summary-text">{s.title || s.key}</span>
                  </summary>
                  <div className="govuk-details__text">
                    <Prose text={s.body} />
                  </div>
                </details>
              ))}
            </section>
          ) : null}
          {plan.unplaced.length ? (
            <section aria-labelledby="unplaced">
              <h2 className="govuk-heading-m" id="unplaced">
                Text from the import not yet placed
              </h2>
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  This text was kept from the original document but not matched to an action.
                </strong>
              </div>
              {plan.unplaced.map((u, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: static text in document order
                <p className="govuk-body app-highlight app-prose" key={i}>
                  {u}
                </p>
              ))}
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

function FilterSelect({
  id,
  label,
  value,
  options,
}: {
  id: string;
  label: string;
  value: string;
  options: Array<{ value: string; text: string }>;
}) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={`filter-${id}`}>
        {label}
      </label>
      <select className="govuk-select" id={`filter-${id}`} name={id} defaultValue={value} key={value}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

function ActionTable({
  c,
  kind,
  actions,
  msByAction,
  caption,
}: {
  c: string;
  kind: Plan['kind'];
  actions: ActionRow[];
  msByAction: Map<string, MilestoneRow[]>;
  caption: string;
}) {
  const columns = PLAN_COLUMNS[kind];
  return (
    <ScrollTable label={`${caption}: actions`}>
      <table className="govuk-table app-table app-action-table">
        <caption className="govuk-table__caption govuk-visually-hidden">{caption}: actions</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {columns.map((col) => (
              <th
                scope="col"
                className={`govuk-table__header${col.narrow ? ' app-col-narrow' : ' app-col-text'}`}
                key={col.heading}
              >
                {col.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {orderActions(actions).map((a) => (
            <tr className={`govuk-table__row${a.depth ? ' app-subaction' : ''}`} key={a.id}>
              {columns.map((col) => (
                <td className="govuk-table__cell" key={col.heading}>
                  <CellView c={c} cell={col.cell} action={a} milestones={msByAction.get(a.id) ?? []} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function CellView({
  c,
  cell,
  action: a,
  milestones,
}: {
  c: string;
  cell: Cell;
  action: ActionRow;
  milestones: MilestoneRow[];
}) {
  switch (cell.type) {
    case 'ref':
      return <span className="app-ref">{a.ref}</span>;
    case 'title':
      return (
        <Link className="govuk-link" href={`/councils/${c}/actions/${a.id}`}>
          {a.title}
        </Link>
      );
    case 'text':
      return <span className="app-cell-clamp">{a[cell.field] ?? ''}</span>;
    case 'leads': {
      const leads =
        cell.roles === 'all' ? a.leads : a.leads.filter((l) => (cell.roles as string[]).includes(l.role));
      const showRole = cell.roles === 'all' && new Set(a.leads.map((l) => l.role)).size > 1;
      return (
        <>
          {leads.map((l) => (
            <span key={`${l.role}-${l.label}`} className="app-lead">
              {l.label}
              {showRole ? <span className="app-lead-role">{LEAD_ROLE_LABELS[l.role]}</span> : <br />}
            </span>
          ))}
        </>
      );
    }
    case 'timescale':
      return <TimescaleText value={a[cell.field]} />;
    case 'milestones':
      return milestones.length ? (
        <ul className="app-year-list">
          {milestones.map((m) => (
            <li key={m.id}>
              <span className="govuk-!-font-weight-bold">{m.due?.text ?? m.ref}: </span>
              {m.title} <StatusTag status={m.status} />
            </li>
          ))}
        </ul>
      ) : null;
    case 'progress':
      return a.latestUpdate ? (
        <>
          <span className="app-cell-clamp">{a.latestUpdate.narrative}</span>
          <span className="app-lead-role">
            {a.latestUpdate.authorName}, {formatDateTime(a.latestUpdate.at)}
          </span>
        </>
      ) : (
        <span className="app-cell-clamp">{a.currentPosition ?? ''}</span>
      );
    case 'status':
      return (
        <>
          <StatusTag status={a.status} /> <RagTag rag={a.rag.rag} result={a.rag} />
        </>
      );
  }
}

function MilestonesSection({ c, data, today }: { c: string; data: Contents; today: string }) {
  const actions = new Map(data.actions.map((a) => [a.id, a]));
  const ms = [...data.milestones].sort((x, y) => (x.due?.due ?? '9999').localeCompare(y.due?.due ?? '9999'));
  return (
    <section className="app-section-break" aria-labelledby="milestones">
      <h2 className="govuk-heading-m" id="milestones">
        Milestones ({ms.length})
      </h2>
      <DueTimeline
        items={ms.map((m) => ({
          type: 'milestone' as const,
          id: m.id,
          ref: m.ref,
          title: m.title,
          due: m.due,
          baselineDue: m.baselineDue,
          status: m.status,
          rag: m.rag.rag,
        }))}
        today={today}
      />
      <ScrollTable label="Milestones">
        <table className="govuk-table app-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Milestones</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Milestone
              </th>
              <th scope="col" className="govuk-table__header">
                Action
              </th>
              <th scope="col" className="govuk-table__header">
                Originally due
              </th>
              <th scope="col" className="govuk-table__header">
                Now due
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {ms.map((m) => {
              const a = actions.get(m.actionId);
              const moved = m.baselineDue?.due && m.due?.due && m.due.due > m.baselineDue.due;
              return (
                <tr className="govuk-table__row" key={m.id}>
                  <td className="govuk-table__cell app-col-text">
                    {m.ref ? <span className="app-ref">{m.ref}</span> : null}
                    {m.title}
                  </td>
                  <td className="govuk-table__cell app-cell-s">
                    {a ? (
                      <Link className="govuk-link" href={`/councils/${c}/actions/${a.id}`}>
                        {a.ref ? `${a.ref} ` : ''}
                        {a.title}
                      </Link>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell app-nowrap-m">
                    <TimescaleText value={m.baselineDue} />
                  </td>
                  <td className="govuk-table__cell app-nowrap-m">
                    <TimescaleText value={m.due} />
                    {moved ? (
                      <strong className="govuk-tag govuk-tag--yellow app-tag">Re-baselined</strong>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell app-tags">
                    <StatusTag status={m.status} /> <RagTag rag={m.rag.rag} result={m.rag} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

function SimpleTable({
  id,
  title,
  head,
  rows,
}: {
  id: string;
  title: string;
  head: string[];
  rows: Array<Array<React.ReactNode>>;
}) {
  if (!rows.length) return null;
  return (
    <section className="app-section-break" aria-labelledby={id}>
      <h2 className="govuk-heading-m" id={id}>
        {title}
      </h2>
      <ScrollTable label={title}>
        <table className="govuk-table app-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{title}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {head.map((h) => (
                <th scope="col" className="govuk-table__header" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows in document order
              <tr className="govuk-table__row" key={i}>
                {r.map((cell, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                  <td className="govuk-table__cell app-cell-clamp" key={j}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

type PV = { period: string; value: number | null };
const pv = (list: unknown) =>
  Array.isArray(list) ? (list as PV[]).map((p) => `${p.period}: ${p.value ?? '–'}`).join('; ') : '';

function ExtraTables({ data }: { data: Contents }) {
  return (
    <>
      <SimpleTable
        id="indicators"
        title="Performance indicators"
        head={['Indicator', 'Floor standard', 'Baseline', 'Benchmark', 'Targets', 'Actuals']}
        rows={data.indicators.map((i) => [
          String(i.name ?? ''),
          i.floorStandard == null ? '' : String(i.floorStandard),
          i.baseline ? pv([i.baseline]) : '',
          String(i.benchmark ?? ''),
          pv(i.targets),
          pv(i.actuals),
        ])}
      />
      <SimpleTable
        id="risks"
        title="Risks"
        head={['Risk', 'Likelihood', 'Impact', 'Mitigation', 'Owner']}
        rows={data.risks.map((r) => [
          r.description,
          r.likelihood ?? '',
          r.impact ?? '',
          r.mitigation ?? '',
          r.ownerLabel ?? '',
        ])}
      />
      <SimpleTable
        id="continuity"
        title="Business continuity"
        head={['Critical function', 'Recovery timescale', 'Minimum service level']}
        rows={data.continuity.map((f) => [f.name, f.timescale ?? '', f.minimumServiceLevel ?? ''])}
      />
      <SimpleTable
        id="decisions"
        title="Key decisions"
        head={['Decision', 'Decision maker', 'When']}
        rows={data.decisions.map((d) => [
          d.title,
          d.decisionMaker ?? '',
          <TimescaleText key="due" value={d.due} />,
        ])}
      />
      <SimpleTable
        id="dependencies"
        title="Support needed from other divisions"
        head={['From', 'Activity', 'Actions']}
        rows={data.dependencies.map((d) => [d.fromUnit, d.description, d.actionRefs.join(', ')])}
      />
    </>
  );
}
