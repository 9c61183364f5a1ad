import { REPORT_FORMATS, type ReportFormat } from './formats.js';
import { type RenderedReport, renderReportModel } from './render-model.js';
import type { ReportData } from './report-data.js';
import { type SummariseOptions, summarise } from './summarise.js';

export { REPORT_FORMATS, type ReportFormat };

/** One call for the API route: data in, the document, its content type and a file name out. */
export async function renderReport(
  data: ReportData,
  format: ReportFormat,
  options: SummariseOptions = {},
): Promise<RenderedReport> {
  return renderReportModel(summarise(data, options), format);
}
