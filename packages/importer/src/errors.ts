/** Why a file could not be imported at all. Problems inside a readable plan are warnings, not errors. */
export type ImportErrorCode = 'empty' | 'too-large' | 'unsupported-format' | 'no-header' | 'no-table';

/** HTTP status the API should answer for each code (the lead's onError maps it). */
export const IMPORT_ERROR_HTTP: Record<ImportErrorCode, number> = {
  empty: 422,
  'too-large': 413,
  'unsupported-format': 415,
  'no-header': 422,
  'no-table': 422,
};

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ImportError';
  }
}

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/**
 * Pages a PDF may have. Reading a page's text costs time whatever is on it, so a small file of many
 * empty pages could hold a process for minutes; a plan, even with its appendices, has far fewer.
 */
export const MAX_PDF_PAGES = 500;
