import type { SourceDocument } from '../source.js';
export async function readPdf(_buf: Buffer): Promise<SourceDocument> {
  throw new Error('todo');
}
