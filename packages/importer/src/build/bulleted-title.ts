import type { ActiveMapping, RowDraft } from './drafts.js';

/** A line opening with a round bullet, as a Word list item in a cell or a bullet typed in a spreadsheet. */
const BULLET_LINE = /^[•▪●◦■➢‣∙➤►·]\s+(\S.*)$/u;

/** A number a row is known by: "2", "3.1", "4a". */
const NUMBER = /^\d{1,3}(?:\.\d{1,3})*[a-z]?$/i;

/**
 * A "What we will do" cell that is a list of bullets alone ("• Publish an equality report / • Set up
 * reverse mentoring"), on a row with no ref of its own: each bullet is an action, all sharing the row's
 * outcome, measure, lead and date. Read as one, the action's title was every bullet joined. A cell
 * with a line that is not a bullet ("Improve induction:" above its steps) stays one action, as does a
 * row with a ref or numbered in a column of its own ("WRES metric | 2"): one numbered action, in parts.
 */
export function bulletedTitleRows(raw: string[], r: RowDraft, m: ActiveMapping): RowDraft[] | undefined {
  const col = m.columns.find((c) => c.field === 'title');
  if (!col || r.fields.ref?.trim() || r.extra.some((e) => NUMBER.test(e.text.trim()))) return undefined;
  const lines = (raw[col.index] ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length < 2) return undefined;
  const items = lines.map((l) => BULLET_LINE.exec(l)?.[1]?.trim());
  if (items.some((t) => !t || t.split(/\s+/).length < 2)) return undefined;
  return items.map((title) => ({ ...r, fields: { ...r.fields, title: title! }, extra: [...r.extra] }));
}
