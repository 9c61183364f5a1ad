import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import type { ReportModel } from './model.js';
import { CONTENT_TYPES, type RenderedReport, type ReportFormat } from './render.js';
import { exportColumns, exportRows } from './rows.js';
import { slugify } from './text.js';

/**
 * A report model (built now, or frozen with a closed period) as a document. The Word and Excel
 * writers load only for their format, as in `renderReport` (docs/architecture.md).
 */
export async function renderReportModel(model: ReportModel, format: ReportFormat): Promise<RenderedReport> {
  const filename = `${slugify(`${model.plan.title} ${model.period.key}`)}.${format}`;
  const body =
    format === 'docx'
      ? await (await import('./docx.js')).renderDocx(model)
      : format === 'html'
        ? renderHtml(model)
        : format === 'csv'
          ? renderCsv(exportRows(model), exportColumns(model))
          : await (await import('./xlsx.js')).renderXlsx(exportRows(model), exportColumns(model));
  return { body, contentType: CONTENT_TYPES[format], filename, model };
}
