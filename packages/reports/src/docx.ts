import { Packer } from 'docx';
import { committeePaper } from './docx/page.js';
import { exceptionsSection, progressSection } from './docx/progress.js';
import { indicatorsSection, risksSection } from './docx/registers.js';
import { summarySection, titleBlock } from './docx/summary.js';
import type { ReportModel } from './model.js';

/**
 * The committee paper: landscape A4, real Heading 1/2 styles (navigation pane, screen readers),
 * every table's header row repeated on each page, status always in words with its RAG word, and the
 * document's language (en-GB) and title set so assistive technology and Office read it right.
 *
 * Loaded only when a DOCX is asked for (`@peopleplan/reports/docx`, imported lazily by `render.ts`), so
 * the documents function's cold start does not pay for the Word writer (docs/architecture.md).
 */
export async function renderDocx(model: ReportModel): Promise<Buffer> {
  const children = [
    ...titleBlock(model),
    ...summarySection(model),
    ...exceptionsSection(model),
    ...progressSection(model),
    ...indicatorsSection(model),
    ...risksSection(model),
  ];
  return Packer.toBuffer(committeePaper(model, children));
}
