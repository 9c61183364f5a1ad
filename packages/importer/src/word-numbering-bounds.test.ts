import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { wordListNumbers } from './readers/word-numbering.js';

/**
 * Word's list numbers come from the document's own numbering.xml: a hostile one must not make the
 * importer build huge labels (a 1.5 KB file made 600 million characters before the bounds in
 * readers/word-numbering.ts). Past a bound a paragraph simply has no label.
 */
function docx(numbering: string, paragraphs: number): Uint8Array {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const para = (i: number) =>
    `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Action ${i} – Lead: Head of HR – by June 2026</w:t></w:r></w:p>`;
  const files = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>Workforce plan</w:t></w:r></w:p>${Array.from({ length: paragraphs }, (_, i) => para(i)).join('')}</w:body></w:document>`,
    ),
    'word/numbering.xml': strToU8(numbering.replace('<w:numbering', `<w:numbering ${W}`)),
  };
  return new Uint8Array(zipSync(files)) as Uint8Array;
}
const numberingXml = (start: string, fmt: string, text = '%1.') =>
  `<?xml version="1.0"?><w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

const labels = (file: Uint8Array) => (wordListNumbers(file) ?? []).map((n) => n.label);

describe('Word list numbers stay small whatever numbering.xml asks for', () => {
  it('keeps a start within Word’s own range (0 to 32767)', () => {
    const huge = labels(docx(numberingXml('26000000', 'decimal'), 3));
    expect(huge).toEqual(['32767.', '32768.', '32769.']);
    expect(labels(docx(numberingXml('-5', 'decimal'), 2))).toEqual(['0.', '1.']);
  });

  it('gives no label past 40 characters, however the letters or the level text multiply', () => {
    const letters = labels(docx(numberingXml('26000000', 'lowerLetter'), 20));
    expect(letters.every((l) => l === undefined)).toBe(true);
    const repeated = labels(docx(numberingXml('3', 'decimal', '%1'.repeat(2000)), 3));
    expect(repeated.every((l) => l === undefined)).toBe(true);
  });

  it('writes numbers past 3999 in figures, not thousands of Ms', () => {
    expect(labels(docx(numberingXml('1000000000', 'upperRoman'), 2))).toEqual(['32767.', '32768.']);
    expect(labels(docx(numberingXml('3998', 'upperRoman'), 2))).toEqual(['MMMCMXCVIII.', 'MMMCMXCIX.']);
  });
});
