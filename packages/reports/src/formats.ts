/** The formats a report comes in: named in core, so route definitions need none of the renderers. */
export { REPORT_FORMATS, type ReportFormat } from '@peopleplan/core';
