import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IMPORT_ERROR_HTTP, ImportError, parsePlanFile } from './index.js';
import { decodeText } from './sniff.js';

/**
 * Files in a format the importer does not read (Rich Text, OpenDocument) are refused with
 * a message saying what to do (415), never read as text into a plan of markup.
 */

async function refusal(input: Buffer | string, filename?: string): Promise<ImportError> {
  const e = await parsePlanFile(input, filename ? { filename } : {}).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  const error = e as ImportError;
  expect(error.code).toBe('unsupported-format');
  expect(IMPORT_ERROR_HTTP[error.code]).toBe(415);
  return error;
}

describe('a file the importer does not read', () => {
  it('Rich Text (.rtf, or by its content): save it as .docx', async () => {
    const rtf =
      '{\\rtf1\\ansi\\deff4\\adeflang1025\n{\\fonttbl{\\f0\\froman Times New Roman;}}\n\\pard Attract\\cell\\row}';
    for (const name of ['plan.rtf', undefined]) {
      const error = await refusal(Buffer.from(rtf), name);
      expect(error.message).toMatch(/Rich Text/);
      expect(error.message).toMatch(/save it as a Word document \(\.docx\)/);
    }
  });

  it('OpenDocument text or spreadsheet: save it as .docx or .xlsx', async () => {
    const odf = (type: string) =>
      Buffer.from(
        zipSync({
          mimetype: [strToU8(`application/vnd.oasis.opendocument.${type}`), { level: 0 }],
          'content.xml': strToU8('<office:document-content/>'),
        }),
      );
    expect((await refusal(odf('text'), 'plan.odt')).message).toMatch(
      /OpenDocument text \(\.odt\).*save it as a Word document \(\.docx\)/,
    );
    expect((await refusal(odf('text'))).message).toMatch(/\.odt/);
    expect((await refusal(odf('spreadsheet'), 'plan.ods')).message).toMatch(
      /OpenDocument spreadsheet \(\.ods\).*save it as an Excel workbook \(\.xlsx\)/,
    );
  });

  it('old Word or Excel (.doc, .xls): named as such, with the formats that are read', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600),
    ]);
    const doc = (await refusal(ole, 'plan.doc')).message;
    expect(doc).toMatch(/old-style Word document \(\.doc\).*save it as a Word document \(\.docx\)/);
    expect((await refusal(ole, 'tracker.xls')).message).toMatch(
      /old-style Excel workbook \(\.xls\).*save it as an Excel workbook \(\.xlsx\)/,
    );
    for (const message of [doc, (await refusal(ole)).message])
      expect(message).toMatch(/reads Word \(\.docx\), Excel \(\.xlsx\), CSV, PDF/);
  });

  it('a web page is read, not refused (html-pages.test.ts)', async () => {
    const page =
      '<!DOCTYPE html><html><body><table><tr><th>Action</th><th>Lead</th></tr>' +
      '<tr><td>Launch a careers website</td><td>Head of HR</td></tr></table></body></html>';
    for (const name of ['plan.html', 'plan.htm', undefined]) {
      const plan = await parsePlanFile(Buffer.from(page), name ? { filename: name } : {});
      expect(plan.format, name).toBe('html');
    }
  });

  it('but text that only mentions a tag is read as text', async () => {
    const plan = await parsePlanFile(
      [
        'Ref\tAction\tLead\tDeadline',
        '1\tPublish the <b>new</b> intranet pages\tHead of Comms\tMarch 2027',
      ].join('\n'),
      { filename: 'plan.txt' },
    );
    expect(plan.themes.flatMap((t) => t.actions)).toHaveLength(1);
  });
});

describe('a byte-order mark', () => {
  const text =
    'Workforce Action Plan 2026–27 – Resourcing\nRef;Action;Lead;Deadline\n1.1;Review the council’s relocation package;Head of Reward;31/03/2027\n';
  const cp1252 = Buffer.from(text.replace(/–/g, '\u0096').replace('’', '\u0092'), 'latin1');
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);

  it('is dropped in front of UTF-8 text and in front of Windows-1252 text alike', () => {
    expect(decodeText(Buffer.concat([bom, Buffer.from(text)]))).toBe(text);
    expect(decodeText(Buffer.concat([bom, cp1252]))).toBe(text);
  });

  it('never opens the plan’s title ("ï»¿Workforce…")', async () => {
    const plan = await parsePlanFile(Buffer.concat([bom, cp1252]), { filename: 'plan.csv' });
    expect(plan.title).toBe('Workforce Action Plan 2026–27 – Resourcing');
  });
});
