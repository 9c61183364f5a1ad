import type { Paragraph, Table } from 'docx';
import { formatDate } from '../format.js';
import { producedText, type ReportModel, summarySentence, TRAVEL_LABELS, travelsShown } from '../model.js';
import { caption, h1, para, spacer, title } from './blocks.js';
import { table } from './table.js';

/** The title block: what the paper is, whose plan, which period, and as at when. */
export function titleBlock(model: ReportModel): Paragraph[] {
  const { period, plan } = model;
  const lines = [
    `Council: ${model.council.name}`,
    `Plan: ${plan.title}${plan.periodLabel ? ` (${plan.periodLabel})` : ''} – ${plan.labels.kind}`,
    ...(plan.directorate ? [`Directorate: ${plan.directorate}`] : []),
    ...(plan.division ? [`Division: ${plan.division}`] : []),
    `Reporting period: ${period.label}, ${formatDate(period.start)} to ${formatDate(period.end)}`,
    `Position as at: ${formatDate(model.asOf)}`,
    `Produced: ${producedText(model)}`,
  ];
  return [title(model.title), ...lines.map(para)];
}

/** The summary: counts by status, direction of travel, and counts by theme. */
export function summarySection(model: ReportModel): (Paragraph | Table)[] {
  const { summary, plan } = model;
  const shownStatuses = summary.byStatus.filter((s) => s.count > 0);
  return [
    h1('Summary'),
    para(summarySentence(model)),
    caption('Actions by status'),
    table(
      [
        ['Status', 3],
        ['Actions', 1],
      ],
      shownStatuses.map((s) => [s.label, String(s.count)]),
    ),
    spacer(),
    caption(`Direction of travel since ${model.comparedWith ?? 'the last report'}`),
    table(
      travelsShown(summary.travel).map((k) => [TRAVEL_LABELS[k], 1] as const),
      [travelsShown(summary.travel).map((k) => String(summary.travel[k]))],
    ),
    spacer(),
    caption(`Actions by ${plan.labels.themes}`),
    table(
      [
        [plan.labels.theme, 4],
        ['Actions', 1],
        ...shownStatuses.map((s) => [s.label, 1] as const),
        ['Exceptions', 1],
      ],
      summary.byTheme.map((t) => [
        t.heading,
        String(t.total),
        ...shownStatuses.map((s) => String(t.byStatus[s.key])),
        String(t.exceptions),
      ]),
    ),
  ];
}
