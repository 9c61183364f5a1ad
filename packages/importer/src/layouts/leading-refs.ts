import type { SourceItem } from '../source.js';
import { actionHeader } from './header-cells.js';

type Row = Extract<SourceItem, { type: 'row' }>;

/** "A12. Report …", "1 Maintain …", "E1.1 There will be …": a ref written at the start of the text. */
const LEADING_REF = /^(?<ref>[A-Z]{0,3}\d{1,3}(?:\.\d{1,3}){0,3})[.):]?\s+(?<rest>\S[\s\S]*)$/;

/** A text's leading ref and the rest of it ("1.1", "Launch…"), when it opens with one. */
export function leadingRef(text: string): { ref: string; rest: string } | undefined {
  const m = LEADING_REF.exec(text)?.groups;
  return m ? { ref: m.ref!, rest: m.rest! } : undefined;
}

/**
 * Where most rows of a table a layout rule read start their text with a ref and the table has no ref
 * column (or an empty one), the refs move to a ref column so that actions keep the document's numbers.
 */
export function moveLeadingRefs(items: SourceItem[]): void {
  const rows = items.filter((i): i is Row => i.type === 'row');
  const header = rows.find((r) => r.header);
  const h = header && actionHeader(header.cells);
  if (!header || !h) return;
  const titleAt = h.fields.indexOf('title');
  const refAt = h.fields.indexOf('ref');
  if (titleAt < 0) return;
  // The actions' refs: a step under one (a row deeper in a list's outline) has none of its own.
  const data = rows.filter((r) => !r.header && !r.outline);
  const split = (r: Row) =>
    refAt >= 0 && r.cells[refAt] ? undefined : LEADING_REF.exec(r.cells[titleAt] ?? '');
  const numbered = data.filter((r) => split(r));
  if (numbered.length < 2 || numbered.length < data.length * 0.6) return;
  for (const r of rows.filter((x) => !x.header)) {
    const m = r.outline ? undefined : split(r)?.groups;
    if (m) r.cells[titleAt] = m.rest!;
    if (refAt >= 0) {
      if (m) r.cells[refAt] = m.ref!;
    } else r.cells.unshift(m?.ref ?? '');
  }
  if (refAt < 0) header.cells.unshift('Ref');
}
