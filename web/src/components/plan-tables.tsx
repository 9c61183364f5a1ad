import type { Indicator } from '@peopleplan/core';
import type { ReactNode } from 'react';
import type { PlanContents } from '../lib/responses.js';
import { ScrollTable } from './page.js';
import { TimescaleText } from './timescale.js';

/** A plan's tables besides its actions and milestones, as the import kept them. */
type PlanTable = 'indicators' | 'risks' | 'continuity' | 'decisions' | 'dependencies';
type PeriodValue = NonNullable<Indicator['baseline']>;

function SimpleTable({
  id,
  title,
  head,
  rows,
}: {
  id: string;
  title: string;
  head: string[];
  rows: Array<Array<ReactNode>>;
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

/** "2024-25: 61; 2025-26: 64": a row of period values in words. */
const pv = (list: readonly PeriodValue[]) => list.map((p) => `${p.period}: ${p.value ?? '–'}`).join('; ');

/** Indicators, risks, continuity, decisions and dependencies: each shown only when the plan has some. */
export function ExtraTables({ data }: { data: Pick<PlanContents, PlanTable> }) {
  return (
    <>
      <SimpleTable
        id="indicators"
        title="Performance indicators"
        head={['Indicator', 'Floor standard', 'Baseline', 'Benchmark', 'Targets', 'Actuals']}
        rows={data.indicators.map((i) => [
          i.name,
          i.floorStandard == null ? '' : String(i.floorStandard),
          i.baseline ? pv([i.baseline]) : '',
          i.benchmark ?? '',
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
