import { ImportError, MAX_IMPORT_BYTES } from './errors.js';
import { parseCsvRows } from './readers/csv.js';

export type SniffedFormat = 'docx' | 'xlsx' | 'pdf' | 'csv' | 'html' | 'text';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Decodes text the way councils' files arrive: UTF-8 (with or without BOM), UTF-16, or Windows-1252. */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(start));
  } catch {
    // A UTF-8 byte-order mark in front of Windows-1252 text (a file re-saved by a tool that adds one)
    // is still no text of the file's: never "ï»¿" opening its first line.
    return decodeWindows1252(buf.subarray(start));
  }
}

/** Word's "smart" punctuation in 0x80–0x9F; Node's TextDecoder reads these bytes as Latin-1 controls. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(buf: Buffer): string {
  let out = '';
  for (const b of buf) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/** Binary that is not an office file: NULs or many control characters in the first 8 KB. */
function looksBinary(buf: Buffer): boolean {
  const sample = buf.subarray(0, 8192);
  if (sample.includes(0)) return true;
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  return control > sample.length * 0.05;
}

/** True when most lines split into the same number (≥ 2) of comma or semicolon separated cells. */
function looksLikeCsv(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  try {
    return oneTable(parseCsvRows(text).filter((r) => r.some((c) => c.trim() !== '')));
  } catch {
    return false;
  }
}

const SAVE_AS_DOCX = 'Open it in Word, save it as a Word document (.docx), and import that';
/** Said with every refusal of a file's format: what the person can bring instead. */
const READS = 'PeoplePlan reads Word (.docx), Excel (.xlsx), CSV, PDF, web pages and plain text.';

/** What to say of an OLE file (Word 97–2003, Excel 97–2003, or a file protected by a password) by its name. */
function oldOfficeOf(ext: string | undefined): string {
  const kind =
    ext === 'doc' || ext === 'dot'
      ? { what: 'old-style Word document (.doc)', app: 'Word', as: 'a Word document (.docx)' }
      : ext === 'xls' || ext === 'xlt'
        ? { what: 'old-style Excel workbook (.xls)', app: 'Excel', as: 'an Excel workbook (.xlsx)' }
        : undefined;
  if (!kind)
    return `This is an old-style Word or Excel file (.doc/.xls), or one protected by a password. Save it as .docx or .xlsx without a password and try again. ${READS}`;
  return `This is an ${kind.what}, or one protected by a password. Open it in ${kind.app}, save it as ${kind.as} without a password, and import that. ${READS}`;
}

/**
 * What to say of an OpenDocument file (LibreOffice, or Google's download as .odt): its first entry,
 * "mimetype", is stored as it is, so its type shows in the bytes; else the file's name says it.
 */
function openDocumentOf(latin: string, ext: string | undefined): string | undefined {
  const type =
    /mimetypeapplication\/vnd\.oasis\.opendocument\.(text|spreadsheet|presentation)/.exec(latin)?.[1] ??
    { odt: 'text', ods: 'spreadsheet', odp: 'presentation' }[ext ?? ''];
  if (type === 'text')
    return `This is an OpenDocument text (.odt) file, which cannot be imported. Open it in Word or LibreOffice Writer, save it as a Word document (.docx), and import that. ${READS}`;
  if (type === 'spreadsheet')
    return `This is an OpenDocument spreadsheet (.ods), which cannot be imported. Open it in Excel or LibreOffice Calc, save it as an Excel workbook (.xlsx), and import that. ${READS}`;
  if (type === 'presentation')
    return `This is an OpenDocument presentation (.odp), which cannot be imported. Import the Word or Excel file that holds the plan. ${READS}`;
  return undefined;
}

/** A web page's own start: its doctype or <html> tag (Word's "Web Page" has namespaces on it). */
const HTML_START = /^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html\b|<html[\s>])/i;

/** A web page, by its name or its own start: read as a Word document's HTML is (readers/html.ts). */
const isHtml = (text: string, ext: string | undefined) =>
  ext === 'html' || ext === 'htm' || ext === 'xhtml' || HTML_START.test(text);

const isUtf8 = (buf: Buffer) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
};

/**
 * A web page's text in the charset it says it is in: a byte order mark first, then bytes that are
 * UTF-8, then its meta tag (Word's "Web Page" says windows-1252), else as other text is decoded.
 */
function decodeHtml(buf: Buffer): string {
  if ((buf[0] === 0xef && buf[1] === 0xbb) || buf[0] === 0xff || buf[0] === 0xfe) return decodeText(buf);
  const head = buf.subarray(0, 4096).toString('latin1');
  const charset = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
  // Bytes that are UTF-8 are read so whatever the tag says (a page re-saved by an editor keeps its old tag).
  if (!charset || charset === 'utf-8' || charset === 'utf8' || isUtf8(buf)) return decodeText(buf);
  if (/^(?:windows-1252|cp1252|iso-8859-1|latin-?1|us-ascii|ascii)$/.test(charset))
    return decodeWindows1252(buf);
  try {
    return new TextDecoder(charset).decode(buf);
  } catch {
    return decodeText(buf);
  }
}

/**
 * What to say of text that is Rich Text markup, not a plan's words: its control words would be read as
 * themes and risks. Word opens it.
 */
function markupOf(text: string, ext: string | undefined): string | undefined {
  if (ext === 'rtf' || /^\uFEFF?\s*\{\\rtf/.test(text))
    return `This is a Rich Text (.rtf) document, which cannot be imported. ${SAVE_AS_DOCX}. ${READS}`;
  return undefined;
}

/**
 * Whether tab-separated text is quoted as a CSV file is (Excel's "Text (Tab delimited)", a .tsv export):
 * read with the CSV reader, a cell quoted over lines or with doubled quotes is one cell. A `.tsv` file
 * is, unless its quotes do not close; other text only when reading its quotes changes its cells and
 * makes one table of it (pasted text of tabs and paragraphs stays with the layout rules, layouts/).
 */
function quotedTabTable(text: string, ext: string | undefined): boolean {
  let rows: string[][];
  try {
    rows = parseCsvRows(text, '\t').filter((r) => r.some((c) => c.trim() !== ''));
  } catch {
    return false;
  }
  if (ext === 'tsv') return true;
  const plain = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'));
  const quotesRead =
    rows.length !== plain.length || rows.some((r, i) => r.join('\t') !== plain[i]!.join('\t'));
  return quotesRead && oneTable(rows);
}

/** True when most rows have the same number (≥ 2) of cells. */
function oneTable(rows: string[][]): boolean {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  const [width, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  return width >= 2 && n / rows.length >= 0.7;
}

/**
 * Decides the format from the bytes; the file name only settles a tie between text and CSV.
 * Office files are zips: the entry names say whether it is Word or Excel.
 */
export function sniff(
  input: Buffer | string,
  filename?: string,
): { format: SniffedFormat; text?: string; delimiter?: '\t' } {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
  if (size > MAX_IMPORT_BYTES) {
    throw new ImportError('too-large', `The file is ${(size / 1048576).toFixed(1)} MB; the limit is 10 MB.`);
  }
  const ext = filename?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    if (input.length === 0) throw new ImportError('empty', 'The file is empty.');
    if (input.subarray(0, 4).equals(ZIP)) {
      const latin = input.toString('latin1');
      if (latin.includes('word/document.xml')) return { format: 'docx' };
      if (latin.includes('xl/workbook.xml')) return { format: 'xlsx' };
      const odf = openDocumentOf(latin, ext);
      if (odf) throw new ImportError('unsupported-format', odf);
      throw new ImportError(
        'unsupported-format',
        ext === 'docx' || ext === 'xlsx'
          ? `This file is named .${ext} but its ${ext === 'docx' ? 'Word' : 'Excel'} content is missing: it may be ` +
              `damaged. Open it in ${ext === 'docx' ? 'Word' : 'Excel'}, save it again as a .${ext} file, and import that.`
          : 'This is a zip file but not a Word (.docx) or Excel (.xlsx) document.',
      );
    }
    if (input.subarray(0, 4).equals(OLE)) {
      throw new ImportError(
        'unsupported-format',
        ext === 'docx' || ext === 'xlsx'
          ? 'This file is protected by a password (Word and Excel keep protected files in a form that cannot be ' +
              'read). Remove the password, save the file again, and import that.'
          : oldOfficeOf(ext),
      );
    }
    // The PDF header may follow a few bytes of junk (the format allows 1 KB).
    if (input.subarray(0, 1024).toString('latin1').includes('%PDF-')) return { format: 'pdf' };
    if (ext === 'docx' || ext === 'xlsx') {
      throw new ImportError(
        'unsupported-format',
        `This file is named .${ext} but is not ${ext === 'docx' ? 'a Word document' : 'an Excel workbook'}: it ` +
          `may be damaged or saved in another format. Open it in ${ext === 'docx' ? 'Word' : 'Excel'}, save it ` +
          `again as a .${ext} file, and import that.`,
      );
    }
    if (looksBinary(input) && !(input[0] === 0xff || input[0] === 0xfe)) {
      throw new ImportError(
        'unsupported-format',
        'This file is not text, CSV, Word (.docx) or Excel (.xlsx).',
      );
    }
    text = decodeText(input);
  }
  if (text.trim() === '') throw new ImportError('empty', 'The file is empty.');
  const markup = markupOf(text, ext);
  if (markup) throw new ImportError('unsupported-format', markup);
  if (isHtml(text, ext))
    return { format: 'html', text: typeof input === 'string' ? text : decodeHtml(input) };
  const hasTabs = /\t/.test(text);
  if (hasTabs && quotedTabTable(text, ext)) return { format: 'csv', text, delimiter: '\t' };
  if (ext === 'csv' && !hasTabs) return { format: 'csv', text };
  if (!hasTabs && looksLikeCsv(text)) return { format: 'csv', text };
  return { format: 'text', text };
}
