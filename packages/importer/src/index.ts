import type { PlanKind } from '@peopleplan/core';
import { buildDrafts } from './build-plan.js';
import { excerpt } from './cells.js';
import { ImportError } from './errors.js';
import { finalize } from './finalize.js';
import { type MappingOverride, ParsedPlan } from './parsed-plan.js';
import { readCsv } from './readers/csv.js';
import { readText } from './readers/text.js';
import { sniff } from './sniff.js';
import type { SourceDocument } from './source.js';
import { loadTimescaleParser } from './timescale-adapter.js';

export { IMPORT_ERROR_HTTP, ImportError, type ImportErrorCode, MAX_IMPORT_BYTES } from './errors.js';
export { normalizeHeader } from './header-mapping.js';
export { splitLeadLabels } from './leads.js';
export * from './parsed-plan.js';
export { HEADER_SYNONYMS, THEME_PATTERNS } from './synonyms.js';

export interface ParseOptions {
  /** Used only to settle text-versus-CSV and as a last-resort title. */
  filename?: string;
  /** The kind a person chose; otherwise detected from headers and title words. */
  kindHint?: PlanKind;
  /** Header text → field, as corrected in the preview. */
  mappingOverride?: MappingOverride;
}

/**
 * Reads a council's plan (pasted or tab-separated text, CSV, XLSX, DOCX) into a ParsedPlan. Pure: no
 * database, no network. Throws ImportError when the file cannot be read as a plan at all.
 */
export async function parsePlanFile(input: Buffer | string, opts: ParseOptions = {}): Promise<ParsedPlan> {
  const sniffed = sniff(input, opts.filename);
  let doc: SourceDocument;
  try {
    // Word and Excel readers load on demand: pasted text and CSV never pay for mammoth or exceljs.
    if (sniffed.format === 'docx') doc = await (await import('./readers/docx.js')).readDocx(input as Buffer);
    else if (sniffed.format === 'xlsx')
      doc = await (await import('./readers/xlsx.js')).readXlsx(input as Buffer);
    else if (sniffed.format === 'csv') doc = readCsv(sniffed.text!);
    else doc = readText(sniffed.text!);
  } catch (e) {
    throw new ImportError(
      'unsupported-format',
      `The ${sniffed.format.toUpperCase()} file could not be read: ${(e as Error).message}`,
    );
  }
  const drafts = buildDrafts(doc.items, opts.mappingOverride);
  const hasRows = doc.items.some((i) => i.type === 'row');
  const hasStructure = drafts.themes.length > 0 || drafts.sawHeader;
  if ((doc.format === 'csv' || doc.format === 'xlsx') && !drafts.sawHeader) {
    throw new ImportError(
      'no-header',
      'No header row found: the first row of the table should name its columns (e.g. Action, Lead, Deadline).',
    );
  }
  if (!hasStructure) {
    if (hasRows) throw new ImportError('no-header', 'The table has no header row naming its columns.');
    throw new ImportError(
      'no-table',
      doc.format === 'docx'
        ? 'The document has no table and no numbered priorities to import.'
        : 'No table or numbered priorities found to import.',
    );
  }
  for (const f of doc.formulaCells) {
    drafts.warnings.push({
      code: 'formula-cell',
      message: `A cell starts like a spreadsheet formula; it was kept as plain text and never run: "${excerpt(f.text)}"`,
      where: f.where,
    });
  }
  const plan = finalize(drafts, {
    format: doc.format,
    filename: opts.filename,
    kindHint: opts.kindHint,
    parseTimescale: await loadTimescaleParser(),
  });
  return ParsedPlan.parse(plan);
}
export * from './to-entities.js';
