import type { ColumnField } from '../parsed-plan.js';
import { isDateCell, isLeadCell } from './cell-kinds.js';
import { inlineFields } from './inline-fields.js';
import { type LabelValue, labelValue } from './label-value.js';

/**
 * A line under an action that names one of its fields: "Lead: Head of HR & OD", "Timescale: Q3
 * 2026/27", "By when: March 2027", "Status: On track". The label is a column name of an action table
 * (synonyms.ts), so the value is what a table's cell under that column would hold: the value alone
 * fills the field, never the label with it (a lead "Lead: Head of HR" would be a person so named).
 *
 * The value must be one the field can hold: a lead or a deadline is a name or a date, not sentences
 * ("Document owner: Assistant Director People. Approved by Cabinet…" is the document's, not an action's
 * lead). A label that names the action itself or its group ("Action 1.2: …", "Theme: …") is no field
 * under an action.
 */
const NOT_UNDER_AN_ACTION = new Set<ColumnField>(['title', 'ref', 'group', 'themeDescription', 'ignore']);

/** More than one sentence: "Assistant Director People. Approved by Cabinet 9 April 2026." */
const SENTENCES = /[.!?]\s+\p{Lu}/u;

const words = (t: string) => t.split(/\s+/).length;

export function fieldLine(text: string, known?: ReadonlySet<string>): LabelValue | undefined {
  const lv = labelValue(text.trim());
  if (!lv || NOT_UNDER_AN_ACTION.has(lv.field) || lv.ref) return undefined;
  const v = lv.value;
  if (lv.field.startsWith('lead:'))
    return !v || isLeadCell(v, known) || (words(v) <= 8 && !SENTENCES.test(v)) ? lv : undefined;
  if (lv.field === 'due' || lv.field === 'start')
    return !v || isDateCell(v) || (words(v) <= 10 && !SENTENCES.test(v)) ? lv : undefined;
  return lv;
}

/** The field a "Lead" column is read as: other kinds of lead ("Lead officer") keep their own label. */
const LEAD_FIELD = labelValue('Lead: x')?.field;

/** The fields the lines under an item give: its lead, its deadline, other named fields, and the rest. */
export interface ItemLines {
  lead: string[];
  due: string[];
  /** Fields named by a label other than a lead or a deadline ("Status: On track"), by that label. */
  named: { label: string; value: string }[];
  description: string[];
}

/**
 * Reads the lines under an item: a labelled line (above) fills its field; a label alone ("Lead:")
 * names the line after it. Other lines are read by `unlabelled` (a date alone, a name alone), or are
 * the item's description.
 */
export function readItemLines(
  body: string[],
  known: ReadonlySet<string> | undefined,
  unlabelled: (t: string, into: ItemLines) => boolean = () => false,
): ItemLines {
  const out: ItemLines = { lead: [], due: [], named: [], description: [] };
  let pending: LabelValue | undefined;
  const fill = (lv: LabelValue, value: string) => {
    if (lv.field === LEAD_FIELD) out.lead.push(value);
    else if (lv.field === 'due') out.due.push(value);
    else out.named.push({ label: lv.label, value });
  };
  for (const t of body) {
    const lv = fieldLine(t, known);
    // "Lead: Head of HR – by March 2026": a lead and a deadline on one line, set apart by a dash.
    const both = lv?.field.startsWith('lead:') ? inlineFields(`- – ${t}`, { known }) : undefined;
    if (both?.lead && both.due && !both.description) {
      out.lead.push(both.lead);
      out.due.push(both.due);
    } else if (lv && !lv.value) pending = lv;
    else if (lv) fill(lv, lv.value);
    else if (pending) fill(pending, t);
    else if (!unlabelled(t, out)) out.description.push(t);
    if (!lv || lv.value) pending = undefined;
  }
  return out;
}

type Named = ItemLines['named'];

/**
 * A column for each other field the items named by a label ("Status"), in the order first named, as a
 * table's header would have; `cells` gives an item's values under them.
 */
export function namedColumns(items: Named[]): { labels: string[]; cells: (named: Named) => string[] } {
  // "Lead officer" and "Lead Officer" are one column, headed as first written.
  const key = (label: string) => label.toLowerCase();
  const labels = new Map<string, string>();
  for (const f of items.flat()) if (!labels.has(key(f.label))) labels.set(key(f.label), f.label);
  const cells = (named: Named) =>
    [...labels.keys()].map((k) =>
      named
        .filter((f) => key(f.label) === k)
        .map((f) => f.value)
        .join('\n'),
    );
  return { labels: [...labels.values()], cells };
}
