import { renderCsv } from './csv.js';
import { REPORT_FORMATS, type ReportFormat } from './formats.js';
import { renderHtml } from './html.js';
import type { ReportModel } from './model.js';
import type { ReportData } from './report-data.js';
import { exportColumns, exportRows } from './rows.js';
import { type SummariseOptions, summarise } from './summarise.js';
import { slugify } from './text.js';

export { REPORT_FORMATS, type ReportFormat };

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

/** One call for the API route: data in, the document, its content type and a file name out. */
export async function renderReport(
  data: ReportData,
  format: ReportFormat,
  options: SummariseOptions = {},
): Promise<RenderedReport> {
  const model = summarise(data, options);
  const filename = `${slugify(`${data.plan.title} ${data.period.key}`)}.${format}`;
  // The Word and Excel writers are large: each is loaded only when its format is asked for, so a
  // function serving the others (or a cold start) never pays for them.
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
