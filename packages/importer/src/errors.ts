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

/**
 * Bytes a PDF's compressed streams may unpack to, in all (readers/pdf-streams.ts). Twice what a Word or
 * Excel file may unpack to (readers/zip-guard.ts): a PDF keeps its pictures as raw pixels, compressed,
 * where a Word file keeps them as PNG or JPEG, so the same plan unpacks to more; 100 MB is still some 15
 * full-screen screenshots over a plan's text. The PDF library takes about 1.5 s and 200 MB of memory to
 * read that much; without a bound a 1.5 MB file held a process for 23 s and 1.7 GB.
 */
export const MAX_PDF_UNPACKED_BYTES = 100 * 1024 * 1024;

/**
 * Table rows a file may have. The largest plans councils keep (a tracker of every service's actions,
 * with a row per milestone) run to a few thousand rows; 20,000 leaves room for ten times that. Past it
 * the file is a data export, not a plan, and the table rules (which compare each row with the rows
 * around it) would hold a process for minutes: 200,000 rows of a 10 MB CSV did.
 */
export const MAX_TABLE_ROWS = 20_000;

/** Refuses a document with more table rows than any plan has, before the table rules read them. */
export function checkRowCount(items: readonly { type: string }[]): void {
  let rows = 0;
  for (const i of items) if (i.type === 'row') rows++;
  if (rows <= MAX_TABLE_ROWS) return;
  const n = (x: number) => x.toLocaleString('en-GB');
  throw new ImportError(
    'too-large',
    `The file has ${n(rows)} rows; PeoplePlan reads plans of up to ${n(MAX_TABLE_ROWS)} rows. ` +
      'Check that this is the plan and not a data export; if the plan is one sheet or part of a larger ' +
      'file, save that part on its own and import it.',
  );
}
