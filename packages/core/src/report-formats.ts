/** The formats a report comes in (the API's `format`; packages/reports renders each). */
export const REPORT_FORMATS = ['docx', 'html', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
