import { esc } from './html/escape.js';
import { page } from './html/page.js';
import { exceptionsSection, progressSection } from './html/progress.js';
import { indicatorsSection, risksSection } from './html/registers.js';
import { summarySection, titleBlock } from './html/summary.js';
import type { ReportModel } from './model.js';

export { esc };

/**
 * Accessible, printable HTML: one `<h1>`, sections under `<h2>`/`<h3>`, data tables with `<caption>`
 * and scoped header cells, status in words beside its colour, and an inline print stylesheet (A4,
 * each theme on a new page, table headers repeated). Every piece of user text goes through `esc`.
 */
export function renderHtml(model: ReportModel): string {
  return page(model.title, [
    ...titleBlock(model),
    ...summarySection(model),
    ...exceptionsSection(model),
    ...progressSection(model),
    ...indicatorsSection(model),
    ...risksSection(model),
  ]);
}
