import type { PlanKind } from '@peopleplan/core';
import { formTables } from './build/form-tables.js';
import { headedTables } from './build/headed-tables.js';
import { headerGroups } from './build/header-groups.js';
import { listFolders } from './build/list-folders.js';
import { sheetBanners } from './build/sheet-banners.js';
import { buildDrafts } from './build-plan.js';
import { excerpt } from './cells.js';
import { checkRowCount, ImportError } from './errors.js';
import { finalize } from './finalize.js';
import { isHeader, matchHeader } from './header-mapping.js';
import { type MappingOverride, ParsedPlan, type SourceFormat } from './parsed-plan.js';
import { namePlacesInMessage, placeNamer } from './places.js';
import { readCsv } from './readers/csv.js';
import { readText } from './readers/text.js';
import { sniff } from './sniff.js';
import type { SourceDocument, SourceItem } from './source.js';
import { loadTimescaleParser } from './timescale-adapter.js';

export { acknowledgementsMissing, unacknowledgedWarnings, warningKey } from './acknowledge.js';
export { correctedTimescale } from './correct-deadline.js';
export {
  IMPORT_ERROR_HTTP,
  ImportError,
  type ImportErrorCode,
  MAX_IMPORT_BYTES,
  MAX_PDF_PAGES,
  MAX_TABLE_ROWS,
} from './errors.js';
export { UNTITLED_PLAN } from './finalize/title.js';
export { normalizeHeader } from './header-mapping.js';
export { THEME_PATTERNS } from './heading-words.js';
export { KNOWN_ROLE_LABELS, splitLeadLabels } from './leads.js';
export * from './parsed-plan.js';
export {
  type DuplicateGroup,
  type DuplicateReason,
  duplicateGroups,
  normaliseName,
  normaliseRoleLabel,
  type PersonLabel,
} from './people/index.js';
export { HEADER_SYNONYMS } from './synonyms.js';

export interface ParseOptions {
  /** Used only to settle text-versus-CSV and as a last-resort title. */
  filename?: string;
  /** The kind a person chose; otherwise detected from headers and title words. */
  kindHint?: PlanKind;
  /** Header text → field, as corrected in the preview. */
  mappingOverride?: MappingOverride;
  /** "The plan starts on" (`YYYY-MM-DD`), as the person gave it: relative deadlines count from it. */
  planStart?: string;
  /** Names and role labels in the council's directory: a lead cell naming one of them is one lead. */
  knownLeads?: Iterable<string>;
}

/**
 * Reads a council's plan (pasted or tab-separated text, CSV, XLSX, DOCX, a web page, PDF) into a ParsedPlan. Pure:
 * no database, no network. Throws ImportError when the file cannot be read as a plan at all; a plan
 * read only in part carries warnings saying what was not read.
 */
export async function parsePlanFile(input: Buffer | string, opts: ParseOptions = {}): Promise<ParsedPlan> {
  const read = await readDocument(input, opts.filename);
  // Counted before any table rule runs: reading is quick, the rules over a data export's rows are not.
  checkRowCount([...read.items, ...(read.hidden?.items ?? [])]);
  const build = (d: SourceDocument) => {
    const ready = prepared(d.items, opts);
    const drafts = buildDrafts(headedTables(ready.items, opts.mappingOverride), opts.mappingOverride);
    drafts.warnings.push(...ready.warnings);
    return drafts;
  };
  let doc = read;
  let drafts = build(doc);
  const hidden = read.hidden;
  if (hidden) {
    const names = hidden.sheets.map((n) => `"${n}"`).join(', ');
    // The plan only on a hidden sheet (behind a visible summary): read it, and say so.
    const withHidden = {
      ...read,
      items: [...read.items, ...hidden.items],
      warnings: [...(read.warnings ?? []), ...(hidden.warnings ?? [])],
    };
    const again = drafts.sawHeader ? undefined : build(withHidden);
    if (again?.sawHeader) {
      doc = withHidden;
      drafts = again;
      drafts.warnings.push({
        code: 'hidden-sheet-read',
        message: `The plan's table is on a hidden sheet (${names}): it was read. Check this is the plan you meant.`,
        where: 'plan',
      });
    } else {
      drafts.warnings.push({
        code: 'hidden-sheets-left-out',
        message: `Hidden sheets were left out, as Excel does not show them: ${names}.`,
        where: 'plan',
      });
    }
  }
  const namePlaces = placeNamer(doc);
  drafts.warnings.unshift(...(doc.warnings ?? []));
  if ((doc.format === 'csv' || doc.format === 'xlsx') && !drafts.sawHeader) {
    throw new ImportError('no-header', noHeaderMessage(doc));
  }
  const hasStructure = drafts.themes.length > 0 || drafts.sawHeader;
  if (!hasStructure && isSubstantial(doc)) {
    // A plan's worth of text in a layout no rule reads: keep it all and say so, rather than refuse it.
    drafts.warnings.push({
      code: 'unread-layout',
      message:
        'No table, list or headings that the importer knows were found: the text is kept in the cover section, line by line.',
      where: lineSpan(doc),
    });
  } else if (!hasStructure) {
    if (doc.items.some((i) => i.type === 'row'))
      throw new ImportError('no-header', 'The table has no header row naming its columns.');
    throw new ImportError(
      'no-table',
      doc.format === 'docx' || doc.format === 'html'
        ? 'The document has no table and no numbered priorities to import.'
        : 'No table, list or numbered priorities found to import.',
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
    ...(opts.planStart ? { planStart: opts.planStart } : {}),
    knownLeads: new Set([...(opts.knownLeads ?? [])].map((k) => k.toLowerCase())),
    // A form's labels, written again on every action, count as a header does: once (build/form-tables.ts);
    // so does a banner repeated at the top of each sheet (build/sheet-banners.ts).
    source: {
      text: sourceText({ ...doc, items: prepared(doc.items, opts).items }),
      lines: lineSpan(doc),
    },
  });
  plan.warnings = plan.warnings.map((w) => ({
    ...w,
    where: namePlaces(w.where),
    message: namePlacesInMessage(w.message, namePlaces),
  }));
  return ParsedPlan.parse(plan);
}

/**
 * The reader's items as the rules read them: forms made tables, a banner repeated on each sheet read
 * once, a board's group names above its header's copies its groups (build/header-groups.ts), a list
 * export's folder rows its groups (build/list-folders.ts).
 */
const prepared = (items: SourceItem[], opts: ParseOptions) =>
  listFolders(headerGroups(sheetBanners(formTables(items, opts.mappingOverride))), opts.mappingOverride);

async function readDocument(input: Buffer | string, filename?: string): Promise<SourceDocument> {
  const sniffed = sniff(input, filename);
  // Zip, Word, Excel and PDF readers load on demand: pasted text and CSV never pay for them.
  if (sniffed.format === 'docx' || sniffed.format === 'xlsx') {
    const { checkArchive } = await import('./readers/zip-guard.js');
    checkArchive(input as Buffer);
  }
  try {
    if (sniffed.format === 'docx') return await (await import('./readers/docx.js')).readDocx(input as Buffer);
    if (sniffed.format === 'xlsx') return await (await import('./readers/xlsx.js')).readXlsx(input as Buffer);
    if (sniffed.format === 'pdf') return await (await import('./readers/pdf.js')).readPdf(input as Buffer);
    if (sniffed.format === 'html') return (await import('./readers/html.js')).readHtml(sniffed.text!);
    if (sniffed.format === 'csv') return readCsv(sniffed.text!, sniffed.delimiter);
    return readText(sniffed.text!);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    // The library's own words ("[xmldom error] entity not found") help nobody at a council: they stay in
    // the error's cause, for the log.
    throw new ImportError('unsupported-format', UNREADABLE[sniffed.format], { cause: e });
  }
}

/** What to tell a person whose file the reader could not open, and what to try. */
const UNREADABLE: Record<SourceFormat, string> = {
  docx:
    'The Word document could not be read: it may be damaged, protected by a password, or not really a ' +
    'Word file. Open it in Word, save it again as a .docx file, and import that.',
  xlsx:
    'The Excel workbook could not be read: it may be damaged, protected by a password, or not really an ' +
    'Excel file. Open it in Excel, save it again as a .xlsx file, and import that.',
  pdf:
    'The PDF could not be read: it may be damaged or protected by a password. Import the Word or Excel ' +
    'file it was made from, or save the PDF again without a password.',
  html:
    'The web page could not be read. Open it in Word, save it as a Word document (.docx), and import that; ' +
    "or copy the plan's table from the page in a browser and paste it here.",
  csv: 'The CSV file could not be read: save it again from Excel as "CSV UTF-8" and import that.',
  text: 'The text could not be read: paste it again, or import the file it came from.',
};

/**
 * What to say when no row reads as a header: the first row's own headings, so that a person sees
 * which of their column names to change (one of them must say what the action is).
 */
function noHeaderMessage(doc: SourceDocument): string {
  const first = doc.items.find((i) => i.type === 'row');
  const names =
    first?.type === 'row'
      ? first.cells
          .map((c) => c.trim())
          .filter(Boolean)
          .slice(0, 12)
      : [];
  const known = names.filter((n) =>
    matchHeader(n).some((m) => m.table === 'actions' && m.confidence >= 0.85),
  );
  const unknown = names.filter((n) => !known.includes(n));
  return names.length
    ? `The columns of this table could not be read: of its headings (${names.map((n) => `"${excerpt(n, 30)}"`).join(', ')}), ` +
        `${known.length ? `only ${known.map((n) => `"${excerpt(n, 30)}"`).join(', ')} ${known.length === 1 ? 'is' : 'are'} known` : 'none is known'}. ` +
        'Rename the column that holds the actions "Action", and the others as "Lead", "Deadline", "Status" where they are those' +
        `${unknown.length ? ', or choose each column in the preview' : ''}.`
    : 'No header row found: the first row of the table should name its columns (e.g. Action, Lead, Deadline).';
}

/** Enough words to be a plan rather than a note (a plan excerpt runs to hundreds of words). */
const isSubstantial = (doc: SourceDocument) =>
  (doc.format === 'text' || doc.format === 'pdf') &&
  (sourceText(doc).match(/[\p{L}\p{N}]+/gu) ?? []).length >= 120;

function lineSpan(doc: SourceDocument): string {
  if (!doc.items.length) return 'plan';
  // A loop, not Math.min(...lines): spreading a long document's lines overflows the call stack.
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const { line } of doc.items) {
    first = Math.min(first, line);
    last = Math.max(last, line);
  }
  return first === last ? `line ${first}` : `lines ${first}–${last}`;
}

function sourceText(doc: SourceDocument): string {
  // A header written again above each sheet's or page's table is read once, and counts once.
  const seen = new Map<string, 'once' | 'header' | 'row'>();
  const rowText = (cells: string[]) => {
    const text = cells.join(' ');
    const was = seen.get(text);
    const now = was === undefined ? 'once' : was === 'once' ? (isHeader(cells) ? 'header' : 'row') : was;
    seen.set(text, now);
    return now === 'header' ? '' : text;
  };
  return doc.items.map((i) => (i.type === 'row' ? rowText(i.cells) : i.text)).join('\n');
}

export * from './to-entities.js';
