import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import type { SourceItem } from '../source.js';
import { readLayouts } from './index.js';
import { toLines } from './lines.js';

type Row = Extract<SourceItem, { type: 'row' }>;

/** Reads a made-up sample through the layout rules: its rows (header first) and its headings. */
export function readSample(text: string, known: string[] = []) {
  const { items, warnings } = readLayouts(toLines(text), undefined, known);
  const rows = items.filter((i): i is Row => i.type === 'row');
  return {
    items,
    warnings,
    rows,
    header: rows.find((r) => r.header)?.cells,
    data: rows.filter((r) => !r.header).map((r) => r.cells),
    layouts: [...new Set(rows.map((r) => r.layout))],
    headings: items.filter((i) => i.type === 'heading').map((i) => (i as { text: string }).text),
  };
}

/** A paragraph of a Word bulleted list (`bulletedWordFile`'s). */
export const wordBullet = (text: string) =>
  new Paragraph({ text, numbering: { reference: 'bullets', level: 0 } });

/** A Word document of these paragraphs, whose `wordBullet`s make a bulleted list, as a file. */
export const bulletedWordFile = (children: Paragraph[]) =>
  Packer.toBuffer(
    new Document({
      numbering: {
        config: [
          {
            reference: 'bullets',
            levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT }],
          },
        ],
      },
      sections: [{ children }],
    }),
  );
