import type { Rag } from '@peopleplan/core';
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatDate } from './format.js';
import { type ActionRow, type ReportModel, TRAVEL_LABELS } from './model.js';
import { xmlSafe } from './text.js';

/**
 * The committee paper: landscape A4, real Heading 1/2 styles (navigation pane, screen readers),
 * every table's header row repeated on each page, status always in words with its RAG word, and the
 * document's language (en-GB) and title set so assistive technology and Office read it right.
 */

/** Light tints keep black text readable in print and on screen; the word carries the meaning. */
const RAG_FILL: Record<Rag, string> = {
  red: 'F4C7C3',
  amber: 'FCE8B2',
  green: 'B7E1CD',
  blue: 'C9DAF8',
  grey: 'E0E0E0',
};
const HEADER_FILL = 'D9D9D9';
/** Landscape A4 text width with 2 cm margins, in twentieths of a point. */
const TEXT_WIDTH = 16838 - 2 * 1134;

interface Col {
  header: string;
  /** Relative width. */
  w: number;
}

type CellValue = string | { text: string; rag?: Rag; bold?: boolean };

/** Paragraphs for user text: one per line so narratives keep their breaks. */
function paragraphs(text: string, bold = false): Paragraph[] {
  const lines = xmlSafe(text).split(/\r?\n/);
  return lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }));
}

function table(cols: Col[], rows: CellValue[][]): Table {
  const total = cols.reduce((s, c) => s + c.w, 0);
  const widths = cols.map((c) => Math.floor((c.w / total) * TEXT_WIDTH));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: cols.map(
      (c, i) =>
        new TableCell({
          children: paragraphs(c.header, true),
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' },
        }),
    ),
  });
  const body = rows.map(
    (r) =>
      new TableRow({
        children: r.map((v, i) => {
          const cell = typeof v === 'string' ? { text: v } : v;
          return new TableCell({
            children: paragraphs(cell.text || ' ', cell.bold),
            width: { size: widths[i]!, type: WidthType.DXA },
            ...(cell.rag && {
              shading: { type: ShadingType.CLEAR, fill: RAG_FILL[cell.rag], color: 'auto' },
            }),
          });
        }),
      }),
  );
  return new Table({
    rows: [header, ...body],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
  });
}

const h1 = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(xmlSafe(text))] });
const h2 = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(xmlSafe(text))] });
const para = (text: string) => new Paragraph({ children: [new TextRun(xmlSafe(text))] });
/** A caption above each table, in Word's Caption style: tables in docx have no caption element of their own. */
const caption = (text: string) => new Paragraph({ style: 'Caption', children: [new TextRun(xmlSafe(text))] });
const spacer = () => new Paragraph({ text: '' });

const statusCell = (s: { text: string; rag: Rag }): CellValue => ({ text: s.text, rag: s.rag });
const latestText = (a: { latest?: { date: string; narrative: string; authorName: string } }) =>
  a.latest ? `${formatDate(a.latest.date)}, ${a.latest.authorName}:\n${a.latest.narrative}` : 'No update';
const indent = (a: ActionRow) => `${'    '.repeat(a.depth)}${a.ref}`;

export async function renderDocx(model: ReportModel): Promise<Buffer> {
  const { summary, period, plan } = model;
  const children: (Paragraph | Table)[] = [];

  children.push(
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlSafe(model.title))] }),
  );
  for (const line of [
    `Council: ${model.council.name}`,
    `Plan: ${plan.title}${plan.periodLabel ? ` (${plan.periodLabel})` : ''} – ${plan.labels.kind}`,
    ...(plan.directorate ? [`Directorate: ${plan.directorate}`] : []),
    ...(plan.division ? [`Division: ${plan.division}`] : []),
    `Reporting period: ${period.label}, ${formatDate(period.start)} to ${formatDate(period.end)}`,
    `Position as at: ${formatDate(model.asOf)}`,
    `Report produced: ${formatDate(model.generatedOn)}`,
  ]) {
    children.push(para(line));
  }

  // Summary
  children.push(h1('Summary'));
  const ex = summary.exceptions;
  children.push(
    para(
      `${summary.totalActions} actions and ${summary.milestones.total} milestones. ` +
        `${ex.total} exception${ex.total === 1 ? '' : 's'}: ${ex['off-track']} off track, ${ex.overdue} overdue, ` +
        `${ex['re-baselined']} re-baselined, ${ex.stale} without an update this period.`,
    ),
  );
  children.push(caption('Actions by status'));
  children.push(
    table(
      [
        { header: 'Status', w: 3 },
        { header: 'Actions', w: 1 },
      ],
      summary.byStatus.filter((s) => s.count > 0).map((s) => [s.label, String(s.count)]),
    ),
  );
  children.push(spacer(), caption(`Direction of travel since ${model.comparedWith ?? 'the last report'}`));
  children.push(
    table(
      (['improved', 'same', 'worse', 'new'] as const).map((k) => ({ header: TRAVEL_LABELS[k], w: 1 })),
      [(['improved', 'same', 'worse', 'new'] as const).map((k) => String(summary.travel[k]))],
    ),
  );
  const shownStatuses = summary.byStatus.filter((s) => s.count > 0);
  children.push(spacer(), caption(`Actions by ${plan.labels.themes}`));
  children.push(
    table(
      [
        { header: plan.labels.theme, w: 4 },
        { header: 'Actions', w: 1 },
        ...shownStatuses.map((s) => ({ header: s.label, w: 1 })),
        { header: 'Exceptions', w: 1 },
      ],
      summary.byTheme.map((t) => [
        t.heading,
        String(t.total),
        ...shownStatuses.map((s) => String(t.byStatus[s.key])),
        String(t.exceptions),
      ]),
    ),
  );

  // Exceptions first: what the committee needs to discuss.
  children.push(h1('Exceptions'));
  if (model.exceptions.length === 0) {
    children.push(para('No exceptions this period.'));
  } else {
    children.push(
      caption(`Exceptions: ${model.exceptions.length} items off track, overdue, re-baselined or not updated`),
    );
    children.push(
      table(
        [
          { header: 'Ref', w: 1 },
          { header: 'Item', w: 4 },
          { header: plan.labels.theme, w: 2 },
          { header: 'Exception', w: 3 },
          { header: 'Lead', w: 3 },
          { header: 'Status', w: 2 },
          { header: 'Latest update', w: 6 },
        ],
        model.exceptions.map((e) => {
          const i = e.item;
          return [
            i.kind === 'milestone' ? `${i.ref} (${i.actionRef})` : i.ref,
            i.kind === 'milestone' ? `Milestone: ${i.title}` : i.title,
            e.themeHeading,
            e.reasonText,
            i.leadsText,
            statusCell(i),
            latestText(i),
          ];
        }),
      ),
    );
  }

  // Progress by theme.
  children.push(h1(`Progress by ${plan.labels.themes}`));
  for (const t of model.themes) {
    children.push(h2(t.heading));
    if (t.description) children.push(...paragraphs(t.description));
    if (t.actions.length) {
      children.push(caption(`${t.heading}: actions`));
      children.push(
        table(
          [
            { header: 'Ref', w: 1 },
            { header: 'Action', w: 5 },
            { header: 'Lead', w: 3 },
            { header: 'Due', w: 2 },
            { header: 'Status', w: 2 },
            { header: 'Since last report', w: 2 },
            { header: 'Latest progress', w: 6 },
            ...(model.hasForecast ? [{ header: 'Year-end forecast', w: 2 }] : []),
          ],
          t.actions.map((a) => [
            indent(a),
            a.title,
            a.leadsText,
            a.due?.display ?? '',
            statusCell(a),
            a.previous ? `${TRAVEL_LABELS[a.travel]} (was ${a.previous.rag})` : TRAVEL_LABELS[a.travel],
            latestText(a),
            ...(model.hasForecast ? [a.forecast ? `${a.forecast.label}: ${a.forecast.reason}` : ''] : []),
          ]),
        ),
      );
    }
    if (t.milestones.length) {
      children.push(spacer(), caption(`${t.heading}: milestones`));
      children.push(
        table(
          [
            { header: 'Ref', w: 1 },
            { header: 'Milestone', w: 6 },
            { header: 'Actions', w: 1 },
            { header: 'Due', w: 3 },
            { header: 'Baseline due', w: 2 },
            { header: 'Status', w: 2 },
          ],
          t.milestones.map((m) => [
            m.ref,
            m.title,
            m.actionRefs.join(', '),
            m.due?.display ?? '',
            m.baselineDue?.display ?? '',
            statusCell(m),
          ]),
        ),
      );
    }
  }

  if (model.indicators.length) {
    children.push(h1('Performance indicators'));
    children.push(caption(`Performance indicators: ${period.label}`));
    children.push(
      table(
        [
          { header: 'Indicator', w: 5 },
          { header: 'Period', w: 2 },
          { header: 'Target', w: 1 },
          { header: 'Actual', w: 1 },
          { header: 'Floor standard', w: 1 },
          { header: 'Assessment', w: 4 },
        ],
        model.indicators.map((i) => [
          `${i.ref ? `${i.ref} ` : ''}${i.name}`,
          i.periodKey ?? '',
          i.targetText,
          i.actualText,
          i.floorText,
          { text: `${i.ragWord}: ${i.assessment}`, rag: i.rag },
        ]),
      ),
    );
  }

  if (model.risks.length) {
    children.push(h1('Risks'));
    children.push(caption('Risks and mitigation'));
    children.push(
      table(
        [
          { header: 'Risk', w: 5 },
          { header: 'Likelihood', w: 1 },
          { header: 'Impact', w: 1 },
          { header: 'Mitigation', w: 5 },
          { header: 'Owner', w: 2 },
        ],
        model.risks.map((r) => [
          `${r.ref ? `${r.ref} ` : ''}${r.description}`,
          r.likelihood ?? '',
          r.impact ?? '',
          r.mitigation ?? '',
          r.ownerLabel ?? '',
        ]),
      ),
    );
  }

  const doc = new Document({
    title: xmlSafe(model.title),
    subject: xmlSafe(`${plan.title}: ${period.label}`),
    creator: 'PeoplePlan',
    description: xmlSafe(`Progress report for ${model.council.name}, ${period.label}`),
    styles: {
      default: {
        document: { run: { language: { value: 'en-GB' }, font: 'Arial', size: 22 } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [
                      `${xmlSafe(plan.title)} – ${period.label} – page `,
                      PageNumber.CURRENT,
                      ' of ',
                      PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
