import type { Indicator } from '@peopleplan/core';
import { type ReactNode, useState } from 'react';
import { useDraftKeys } from '../lib/drafts.js';
import { useFocusNext } from '../lib/focus.js';
import type { PlanContents } from '../lib/responses.js';
import { ScrollTable } from './page.js';
import { ITEM_KINDS, ItemForm, type ItemKind } from './plan-item-forms.js';
import { TableHead } from './table-head.js';
import { TimescaleText } from './timescale.js';
import type { TimescaleContext } from './timescale-input.js';

/** A plan's tables besides its actions and milestones, as the import kept them. */
type PlanTable = 'indicators' | 'risks' | 'continuity' | 'decisions' | 'dependencies';
type PeriodValue = NonNullable<Indicator['baseline']>;

/** For editors: each table gets an "Add" button and a "Change" link per row (plan-item-forms.tsx). */
export interface TableEditing {
  c: string;
  planId: string;
  context: TimescaleContext;
  onChanged: (message?: string) => void;
}

type AnyItem = Record<string, unknown> & { id: string; version: number };

function SimpleTable({
  id,
  title,
  head,
  rows,
  kind,
  items,
  edit,
}: {
  id: string;
  title: string;
  head: string[];
  rows: Array<Array<ReactNode>>;
  /** The editable table this is, when editors may change it. */
  kind?: ItemKind;
  items?: AnyItem[];
  edit?: TableEditing | undefined;
}) {
  const drafted = useDraftKeys();
  const editable = edit && kind ? kind : undefined;
  const [open, setOpen] = useState<string | undefined>(() =>
    editable
      ? [...(items ?? []).map((i) => i.id), `new:${edit!.planId}`].find((k) =>
          drafted(`item:${editable}:${k}`),
        )
      : undefined,
  );
  const focusNext = useFocusNext();
  if (!rows.length && !editable) return null;
  const one = editable ? ITEM_KINDS[editable].one : '';
  const changing = items?.find((i) => i.id === open);
  return (
    <section className="app-section-break" aria-labelledby={id}>
      <h2 className="govuk-heading-m" id={id}>
        {title}
      </h2>
      {rows.length ? (
        <ScrollTable label={title}>
          <table className="govuk-table app-table app-cards">
            <caption className="govuk-table__caption govuk-visually-hidden">{title}</caption>
            <TableHead
              columns={[
                ...head,
                editable ? { label: 'Change', hidden: true, className: 'app-no-print' } : null,
              ]}
            />
            <tbody className="govuk-table__body">
              {rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows in document order
                <tr className="govuk-table__row" key={i}>
                  {r.map((cell, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                    <td className="govuk-table__cell app-cell-clamp" key={j} data-label={head[j]}>
                      {cell}
                    </td>
                  ))}
                  {editable && items?.[i] ? (
                    <td className="govuk-table__cell app-no-print" data-label="">
                      <button
                        type="button"
                        id={`${id}-change-${items[i]!.id}`}
                        className="app-link-button govuk-link"
                        onClick={() => setOpen(items[i]!.id)}
                      >
                        Change
                        <span className="govuk-visually-hidden">
                          {' '}
                          {one}: {String(r[0] ?? '')}
                        </span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : (
        <p className="govuk-body">None yet.</p>
      )}
      {edit && editable && open ? (
        <ItemForm
          key={open}
          c={edit.c}
          planId={edit.planId}
          kind={editable}
          item={changing}
          context={edit.context}
          onDone={(message) => {
            setOpen(undefined);
            if (!message) focusNext(changing ? `${id}-change-${changing.id}` : `${id}-add`);
            edit.onChanged(message);
          }}
        />
      ) : editable ? (
        <button
          type="button"
          id={`${id}-add`}
          className="govuk-button govuk-button--secondary app-no-print"
          onClick={() => setOpen(`new:${edit!.planId}`)}
        >
          Add a {one}
        </button>
      ) : null}
    </section>
  );
}

/** "2024-25: 61; 2025-26: 64": a row of period values in words. */
const pv = (list: readonly PeriodValue[]) => list.map((p) => `${p.period}: ${p.value ?? '–'}`).join('; ');

/** Indicators, risks, continuity, decisions and dependencies: each shown when the plan has some, or to editors. */
export function ExtraTables({
  data,
  edit,
}: {
  data: Pick<PlanContents, PlanTable>;
  edit?: TableEditing | undefined;
}) {
  const as = (list: unknown[]) => list as AnyItem[];
  return (
    <>
      <SimpleTable
        id="indicators"
        title="Performance indicators"
        head={['Indicator', 'Floor standard', 'Baseline', 'Benchmark', 'Targets', 'Actuals']}
        kind="indicators"
        items={as(data.indicators)}
        edit={edit}
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
        kind="risks"
        items={as(data.risks)}
        edit={edit}
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
        kind="continuity"
        items={as(data.continuity)}
        edit={edit}
        rows={data.continuity.map((f) => [f.name, f.timescale ?? '', f.minimumServiceLevel ?? ''])}
      />
      <SimpleTable
        id="decisions"
        title="Key decisions"
        head={['Decision', 'Decision maker', 'When']}
        kind="decisions"
        items={as(data.decisions)}
        edit={edit}
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
