import type { Paragraph, Table } from 'docx';
import { headed } from '../format.js';
import { itemTitle, leadsCell, type ReportModel, type ThemeSection, travelText } from '../model.js';
import { caption, h1, h2, para, paragraphs, spacer } from './blocks.js';
import { indentedRef, latestText, statusCell } from './cells.js';
import { type Column, table } from './table.js';

/** Exceptions first: what the committee needs to discuss. */
export function exceptionsSection(model: ReportModel): (Paragraph | Table)[] {
  if (model.exceptions.length === 0) return [h1('Exceptions'), para('No exceptions this period.')];
  const columns: Column[] = [
    ['Ref', 1],
    ['Item', 4],
    [model.plan.labels.theme, 2],
    ['Exception', 3],
    ['Lead', 3],
    ['Status', 2],
    ['Latest update', 6],
  ];
  const rows = model.exceptions.map(({ item: i, themeHeading, reasonText, latestNote }) => [
    i.kind === 'milestone' ? `${i.ref} (${i.actionRef})` : i.ref,
    i.kind === 'milestone' ? `Milestone: ${itemTitle(i)}` : itemTitle(i),
    themeHeading,
    reasonText,
    leadsCell(i),
    statusCell(i),
    latestNote ?? latestText(i),
  ]);
  return [
    h1('Exceptions'),
    caption(`Exceptions: ${model.exceptions.length} items off track, overdue, re-baselined or not updated`),
    table(columns, rows),
  ];
}

function actionsTable(t: ThemeSection, hasForecast: boolean): Table {
  const columns: Column[] = [
    ['Ref', 1],
    ['Action', 5],
    ['Lead', 3],
    ['Due', 2],
    ['Status', 2],
    ['Since last report', 2],
    ['Latest progress', 6],
    ...(hasForecast ? [['Year-end forecast', 2] as const] : []),
  ];
  const rows = t.actions.map((a) => [
    indentedRef(a),
    itemTitle(a),
    leadsCell(a),
    a.due?.display ?? '',
    statusCell(a),
    travelText(a),
    latestText(a),
    ...(hasForecast ? [a.forecast ? `${a.forecast.label}: ${a.forecast.reason}` : ''] : []),
  ]);
  return table(columns, rows);
}

function milestonesTable(t: ThemeSection): Table {
  const columns: Column[] = [
    ['Ref', 1],
    ['Milestone', 6],
    ['Actions', 1],
    ['Due', 3],
    ['Baseline due', 2],
    ['Status', 2],
  ];
  const rows = t.milestones.map((m) => [
    m.ref,
    itemTitle(m),
    m.actionRefs.join(', '),
    m.due?.display ?? '',
    m.baselineDue?.display ?? '',
    statusCell(m),
  ]);
  return table(columns, rows);
}

/** Progress by theme: each under its own Heading 2, its actions and then its milestones. */
export function progressSection(model: ReportModel): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [h1(`Progress by ${model.plan.labels.themes}`)];
  for (const t of model.themes) {
    out.push(h2(t.heading));
    if (t.description) out.push(...paragraphs(t.description));
    if (t.actions.length) out.push(caption(headed(t.heading, 'actions')), actionsTable(t, model.hasForecast));
    if (t.milestones.length) out.push(spacer(), caption(headed(t.heading, 'milestones')), milestonesTable(t));
  }
  return out;
}
