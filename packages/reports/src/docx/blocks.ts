import { HeadingLevel, Paragraph, TextRun } from 'docx';
import { xmlSafe } from '../text.js';

/**
 * Paragraphs of the committee paper. Headings use Word's real Title and Heading 1/2 styles, so the
 * navigation pane and screen readers see the structure.
 */

/** The run of a line of text. Not bold is Word's default, so plain text carries no run properties. */
const textRun = (text: string, bold?: boolean) => new TextRun(bold ? { text, bold } : { text });

/** Paragraphs for user text: one per line so narratives keep their breaks. */
export function paragraphs(text: string, bold?: boolean): Paragraph[] {
  const lines = xmlSafe(text).split(/\r?\n/);
  return lines.map((line) => new Paragraph({ children: [textRun(line, bold)] }));
}

export const title = (text: string) =>
  new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlSafe(text))] });
export const h1 = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(xmlSafe(text))] });
export const h2 = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(xmlSafe(text))] });
export const para = (text: string) => new Paragraph({ children: [new TextRun(xmlSafe(text))] });
/** A caption above each table, in Word's Caption style: tables in docx have no caption element of their own. */
export const caption = (text: string) =>
  new Paragraph({ style: 'Caption', children: [new TextRun(xmlSafe(text))] });
export const spacer = () => new Paragraph({ text: '' });
