import { formatDate, headed } from '../format.js';
import { producedText, type ReportModel, summarySentence, TRAVEL_LABELS, travelsShown } from '../model.js';
import { esc } from './escape.js';
import { table } from './table.js';

/** The heading and the list of what the report covers: council, plan, period and as at when. */
export function titleBlock(model: ReportModel): string[] {
  const { period, plan } = model;
  const meta: [string, string][] = [
    ['Council', model.council.name],
    ['Plan', headed(`${plan.title}${plan.periodLabel ? ` (${plan.periodLabel})` : ''}`, plan.labels.kind)],
    ...(plan.directorate ? ([['Directorate', plan.directorate]] as [string, string][]) : []),
    ...(plan.division ? ([['Division', plan.division]] as [string, string][]) : []),
    ['Reporting period', `${period.label}, ${formatDate(period.start)} to ${formatDate(period.end)}`],
    ['Position as at', formatDate(model.asOf)],
    ['Produced', producedText(model)],
  ];
  return [
    `<h1>${esc(model.title)}</h1>`,
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`,
  ];
}

/** The summary: counts by status, direction of travel, and counts by theme. */
export function summarySection(model: ReportModel): string[] {
  const { summary, plan } = model;
  const shown = summary.byStatus.filter((s) => s.count > 0);
  return [
    '<section aria-labelledby="summary"><h2 id="summary">Summary</h2>',
    `<p>${summarySentence(model)}</p>`,
    table(
      'Actions by status',
      [{ header: 'Status' }, { header: 'Actions', num: true }],
      shown.map((s) => [esc(s.label), String(s.count)]),
    ),
    table(
      `Direction of travel since ${model.comparedWith ?? 'the last report'}`,
      [{ header: 'Direction' }, { header: 'Actions', num: true }],
      travelsShown(summary.travel).map((k) => [esc(TRAVEL_LABELS[k]), String(summary.travel[k])]),
    ),
    table(
      `Actions by ${plan.labels.themes}`,
      [
        { header: plan.labels.theme },
        { header: 'Actions', num: true },
        ...shown.map((s) => ({ header: s.label, num: true })),
        { header: 'Exceptions', num: true },
      ],
      summary.byTheme.map((t) => [
        esc(t.heading),
        String(t.total),
        ...shown.map((s) => String(t.byStatus[s.key])),
        String(t.exceptions),
      ]),
    ),
    '</section>',
  ];
}
