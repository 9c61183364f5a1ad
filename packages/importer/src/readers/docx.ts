import mammoth from 'mammoth';
import type { SourceDocument } from '../source.js';
import { wordTableFills } from './cell-colours.js';
import { readWordHtml } from './word-html.js';
import { numberParagraphs } from './word-numbering.js';

/**
 * Word documents: mammoth gives clean HTML, read by the HTML walk web pages share (readers/word-html.ts).
 */
export async function readDocx(buffer: Buffer): Promise<SourceDocument> {
  // Word's own list numbers ("1.1" in a "No." cell, "Priority 2 –"), which mammoth leaves out.
  const numbering = numberParagraphs(buffer);
  const { value: html } = await mammoth.convertToHtml(
    { buffer },
    numbering ? { transformDocument: numbering.transformDocument } : {},
  );
  return readWordHtml(html, 'docx', {
    fills: wordTableFills(buffer),
    numbered: numbering?.numbered === true,
  });
}
