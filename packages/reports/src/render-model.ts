import { renderCsv } from './csv.js';
import type { ReportFormat } from './formats.js';
import { renderHtml } from './html.js';
import type { ReportModel } from './model.js';
import { exportColumns, exportRows } from './rows.js';
import { slugify } from './text.js';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface RenderedReport {
  body: Buffer | string;
  contentType: string;
  /** `divisional-business-plan-2013-14-mid-year-2013-14.docx`: ASCII, safe in Content-Disposition. */
  filename: string;
  model: ReportModel;
}

/**
 * A report model (built now, or frozen with a closed period) as a document. The Word and Excel
 * writers are large: each is loaded only when its format is asked for, so a function serving the
 * others (or a cold start) never pays for them (docs/architecture.md).
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
