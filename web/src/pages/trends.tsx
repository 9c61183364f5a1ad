import type { ReactNode } from 'react';
import { useSearchParams } from 'wouter';
import { Legend, Lines, type Series, StackedBars } from '../components/charts.js';
import { isNotFound, LoadError, Loading, Page, ScrollTable } from '../components/page.js';
import { TableHead } from '../components/table-head.js';
import { formatDate, plural } from '../lib/format.js';
import { RAG_SHORT, RAGS } from '../lib/labels.js';
import type { PlanTrends } from '../lib/responses.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

const cell = (v: number | null | undefined) => (v === null || v === undefined ? 'Not kept' : String(v));
const monthWords = (m: string) =>
  new Date(`${m}-01T00:00:00Z`).toLocaleDateString('en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** A chart and its data table, under one heading. */
function Chart({
  id,
  heading,
  intro,
  chart,
  legend,
  columns,
  rows,
}: {
  id: string;
  heading: string;
  intro?: ReactNode;
  chart: ReactNode;
  legend: ReactNode;
  columns: string[];
  rows: Array<{ head: string; cells: string[] }>;
}) {
  return (
    <section className="app-section-break app-trend" aria-labelledby={id} data-testid={id}>
      <h2 className="govuk-heading-m" id={id}>
        {heading}
      </h2>
      {intro ? <p className="govuk-body">{intro}</p> : null}
      {rows.length ? (
        <>
          {chart}
          {legend}
          <ScrollTable label={heading}>
            <table className="govuk-table app-table">
              <caption className="govuk-table__caption govuk-table__caption--s">
                {heading}: the figures
              </caption>
              <TableHead columns={columns.map((c, i) => ({ label: c, numeric: i > 0 }))} />
              <tbody className="govuk-table__body">
                {rows.map((r) => (
                  <tr className="govuk-table__row" key={r.head}>
                    <th scope="row" className="govuk-table__header">
                      {r.head}
                    </th>
                    {r.cells.map((v, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                      <td key={i} className="govuk-table__cell govuk-table__cell--numeric">
                        {v}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </>
      ) : (
        <p className="govuk-body">Nothing to chart yet.</p>
      )}
    </section>
  );
}

function RagMix({ t }: { t: PlanTrends }) {
  const points = [
    ...t.ragMix.map((p) => ({ label: p.label, byRag: p.byRag })),
    { label: `Now (${formatDate(t.current.asOf)})`, byRag: t.current.byRag },
  ];
  const series: Series[] = RAGS.map((r) => ({
    name: RAG_SHORT[r],
    style: r,
    values: points.map((p) => (p.byRag ? p.byRag[r] : null)),
  }));
  return (
    <Chart
      id="rag-mix"
      heading="RAG ratings over closed periods"
      intro={
        t.ragMix.length
          ? 'Each closed period as its report counted it, and today.'
          : 'No period is closed yet: only today is shown. Close a period on the reports page to start the trend.'
      }
      chart={
        <StackedBars
          title="Actions by RAG rating at each closed period and now"
          desc={points
            .map(
              (p) =>
                `${p.label}: ${RAGS.map((r) => `${p.byRag?.[r] ?? 0} ${RAG_SHORT[r].toLowerCase()}`).join(', ')}`,
            )
            .join('. ')}
          categories={points.map((p) => p.label)}
          series={series}
        />
      }
      legend={<Legend series={series} />}
      columns={['Period', ...RAGS.map((r) => RAG_SHORT[r])]}
      rows={points.map((p) => ({ head: p.label, cells: RAGS.map((r) => cell(p.byRag ? p.byRag[r] : null)) }))}
    />
  );
}

function Overdue({ t }: { t: PlanTrends }) {
  const points = [
    ...t.overdue.map((p) => ({ label: p.label, actions: p.actions, milestones: p.milestones })),
    { label: 'Now', actions: t.current.overdueActions, milestones: t.current.overdueMilestones },
  ];
  const series: Series[] = [
    { name: 'Overdue actions', style: 'actions', values: points.map((p) => p.actions) },
    { name: 'Overdue milestones', style: 'milestones', values: points.map((p) => p.milestones) },
  ];
  return (
    <Chart
      id="overdue-trend"
      heading="Overdue over time"
      chart={
        <Lines
          title="Overdue actions and milestones at each closed period and now"
          desc={points
            .map((p) => `${p.label}: ${cell(p.actions)} actions, ${cell(p.milestones)} milestones`)
            .join('. ')}
          categories={points.map((p) => p.label)}
          series={series}
        />
      }
      legend={<Legend series={series} lines />}
      columns={['Period', 'Overdue actions', 'Overdue milestones']}
      rows={points.map((p) => ({ head: p.label, cells: [cell(p.actions), cell(p.milestones)] }))}
    />
  );
}

function BurnUp({ t }: { t: PlanTrends }) {
  const b = t.burnUp;
  const last = b.months.at(-1);
  // Months still to come have no completed figure: the last month with one is this month.
  const known = b.months.filter((m) => m.completed !== null).at(-1);
  const series: Series[] = [
    { name: 'Planned (first agreed)', style: 'planned', values: b.months.map((m) => m.planned) },
    { name: 'Due (current dates)', style: 'due', values: b.months.map((m) => m.due) },
    { name: 'Completed', style: 'completed', values: b.months.map((m) => m.completed) },
  ];
  return (
    <Chart
      id="burn-up"
      heading="Milestones completed against planned"
      intro={`${plural(b.total, 'milestone')} in all, counted up month by month.${b.undated ? ` ${plural(b.undated, 'milestone')} without a date ${b.undated === 1 ? 'is' : 'are'} not charted.` : ''}`}
      chart={
        <Lines
          title="Milestones planned, due and completed, cumulative by month"
          desc={`By ${last ? monthWords(last.month) : 'now'}: ${last?.planned ?? 0} planned.${known ? ` By ${monthWords(known.month)}: ${known.completed} completed.` : ''}`}
          categories={b.months.map((m) => monthWords(m.month))}
          series={series}
        />
      }
      legend={<Legend series={series} lines />}
      columns={['Month', 'Planned', 'Due', 'Completed']}
      rows={b.months.map((m) => ({
        head: monthWords(m.month),
        cells: [
          String(m.planned),
          String(m.due),
          m.completed === null ? 'Still to come' : String(m.completed),
        ],
      }))}
    />
  );
}

function Indicators({ t }: { t: PlanTrends }) {
  return (
    <>
      {t.indicators.map((i) => {
        const series: Series[] = [
          { name: 'Target', style: 'target', values: i.points.map((p) => p.target) },
          { name: 'Actual', style: 'actual', values: i.points.map((p) => p.actual) },
        ];
        const name = `${i.ref ? `${i.ref} ` : ''}${i.name}${i.unit ? ` (${i.unit})` : ''}`;
        return (
          <Chart
            key={i.id}
            id={`indicator-${i.id}`}
            heading={`Indicator: ${name}`}
            chart={
              <Lines
                title={`${name}: actual against target by period`}
                desc={i.points
                  .map((p) => `${p.period}: target ${cell(p.target)}, actual ${cell(p.actual)}`)
                  .join('. ')}
                categories={i.points.map((p) => p.period)}
                series={series}
              />
            }
            legend={<Legend series={series} lines />}
            columns={['Period', 'Target', 'Actual', 'Assessment']}
            rows={i.points.map((p) => ({
              head: p.period,
              cells: [cell(p.target), cell(p.actual), p.assessment],
            }))}
          />
        );
      })}
    </>
  );
}

/** A plan's trends, or one theme's: charts, each with its figures in a table. */
export default function TrendsPage({ c, planId }: { c: string; planId: string }) {
  const { council } = useCouncil(c);
  const [params, setParams] = useSearchParams();
  const themeId = params.get('theme') ?? undefined;
  const plan = useApi('/api/v1/councils/{c}/plans/{planId}', { path: { c, planId } });
  const themes = useApi('/api/v1/councils/{c}/plans/{planId}/themes', { path: { c, planId } });
  const trends = useApi('/api/v1/councils/{c}/plans/{planId}/trends', {
    path: { c, planId },
    query: themeId ? { themeId } : {},
  });
  const title = plan.data?.title ?? 'Plan';
  const t = trends.data;
  return (
    <Page
      title={`Trends – ${title}`}
      heading="Trends"
      caption={title}
      crumbs={[
        { href: `/councils/${c}`, text: council?.name ?? 'Dashboard' },
        { href: `/councils/${c}/plans/${planId}`, text: title },
      ]}
      notFound={isNotFound(plan.error, trends.error)}
    >
      <form
        className="app-inline-form app-no-print"
        onSubmit={(e) => {
          e.preventDefault();
          const v = String(new FormData(e.currentTarget).get('theme') ?? '');
          setParams(v ? { theme: v } : {});
        }}
      >
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="theme">
            Show
          </label>
          <select
            className="govuk-select"
            id="theme"
            name="theme"
            defaultValue={themeId ?? ''}
            key={`${themeId}-${themes.data?.items.length}`}
          >
            <option value="">The whole plan</option>
            {(themes.data?.items ?? []).map((th) => (
              <option key={th.id} value={th.id}>
                {th.ref ? `${th.ref}. ` : ''}
                {th.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show trends
        </button>
      </form>
      {trends.error ? <LoadError error={trends.error} retry={trends.reload} /> : null}
      {trends.loading ? <Loading what="Loading the trends" /> : null}
      {t ? (
        <>
          <RagMix t={t} />
          <Overdue t={t} />
          <BurnUp t={t} />
          {themeId ? null : <Indicators t={t} />}
        </>
      ) : null}
    </Page>
  );
}
