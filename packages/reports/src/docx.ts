import { Packer, type Paragraph, type Table } from 'docx';
import { h1, para, title } from './docx/blocks.js';
import { committeePack, committeePaper } from './docx/page.js';
import { exceptionsSection, progressSection } from './docx/progress.js';
import { indicatorsSection, risksSection } from './docx/registers.js';
import { summarySection, titleBlock } from './docx/summary.js';
import { formatDate, headed } from './format.js';
import { type ReportModel, summarySentence } from './model.js';

/** One plan's paper: title block, summary, exceptions, progress by theme, indicators and risks. */
function paper(model: ReportModel): (Paragraph | Table)[] {
  return [
    ...titleBlock(model),
    ...summarySection(model),
    ...exceptionsSection(model),
    ...progressSection(model),
    ...indicatorsSection(model),
    ...risksSection(model),
  ];
}

/**
 * The committee paper: landscape A4, real Heading 1/2 styles (navigation pane, screen readers),
 * every table's header row repeated on each page, status always in words with its RAG word, and the
 * document's language (en-GB) and title set so assistive technology and Office read it right.
 *
 * Loaded only when a DOCX is asked for (`@peopleplan/reports/docx`, imported lazily by `render.ts`), so
 * the documents function's cold start does not pay for the Word writer (docs/architecture.md).
 */
export async function renderDocx(model: ReportModel): Promise<Buffer> {
  return Packer.toBuffer(committeePaper(model, paper(model)));
}

/**
 * The council's committee pack: every plan's paper for one period in a single document, after a cover
 * that names the period and lists the plans with their one-line summaries.
 */
export async function renderCommitteePackDocx(
  meta: { councilName: string; periodLabel: string; produced?: string | undefined },
  models: ReportModel[],
): Promise<Buffer> {
  const packTitle = `${meta.councilName}: committee pack, ${meta.periodLabel}`;
  // The day the papers judge, when they share one (a plan that closed the period early judges earlier):
  // each paper says its own in any case.
  const asOfs = [...new Set(models.map((m) => m.asOf))];
  const asAt = asOfs.length === 1 ? `, as at ${formatDate(asOfs[0]!)}` : '';
  const cover = [
    title(packTitle),
    para(
      meta.produced
        ? `Progress on every active plan${asAt}. Produced ${meta.produced}.`
        : `Progress on every active plan, as reported for ${meta.periodLabel}${asAt}.`,
    ),
    h1('Plans in this pack'),
    ...(models.length
      ? models.map((m, i) => para(`${i + 1}. ${headed(m.plan.title, summarySentence(m))}`))
      : [para('There are no active plans.')]),
  ];
  return Packer.toBuffer(
    committeePack(
      { title: packTitle, councilName: meta.councilName, periodLabel: meta.periodLabel },
      cover,
      models.map((model) => ({ model, children: paper(model) })),
    ),
  );
}
