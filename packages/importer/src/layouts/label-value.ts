import { matchHeader } from '../header-mapping.js';
import { THEME_PATTERNS } from '../heading-words.js';
import type { ColumnField } from '../parsed-plan.js';
import type { SourceItem } from '../source.js';
import { isBlank, nextFilled } from './lines.js';
import { type LayoutRule, row } from './rule.js';

/**
 * "Label: value" blocks: a plan written as a form, one field a line ("Action 1.2: Run a survey",
 * "By when?: March 2025", "Lead: Head of HR"). A label is a known column name (synonyms.ts), so the
 * value goes where a table's cell under that column would. A record starts where its first label
 * comes round again; a line with no label carries on the value above it; "Objective 2: …" between
 * records is a heading.
 */
export interface LabelValue {
  label: string;
  field: ColumnField;
  /** A number written with the label ("Action 1.2"). */
  ref?: string;
  value: string;
}

const LABELLED =
  /^\s*(?<label>[A-Za-z][A-Za-z &/'’()-]{0,40}?)(?:\s+(?<ref>[A-Z]?\d{1,3}(?:\.\d{1,3}){0,2}))?\s*\??\s*:\s*(?<value>.*)$/;

/** Reads a line as "Label: value" when the label is a column name of an action table. */
export function labelValue(text: string): LabelValue | undefined {
  const m = LABELLED.exec(text);
  if (!m?.groups) return undefined;
  const label = m.groups.label!.trim();
  const best = matchHeader(label).find((x) => x.table === 'actions' && x.confidence >= 0.85);
  if (!best || best.field === 'ignore') return undefined;
  const ref = m.groups.ref;
  return { label, field: best.field, ...(ref ? { ref } : {}), value: m.groups.value!.trim() };
}

const isThemeLine = (t: string) => THEME_PATTERNS.some((p) => p.re.test(t.trim()));

interface Field {
  label: string;
  field: ColumnField;
  ref?: string;
  value: string;
  line: number;
}

const NAME = 'label-value-blocks';

export const labelValueBlocks: LayoutRule = {
  name: NAME,
  read(lines, i) {
    // The form may open with the heading it belongs to ("Objective 1: …").
    const at = isThemeLine(lines[i]!.text) ? nextFilled(lines, i + 1) : i;
    const first = at >= 0 ? labelValue(lines[at]!.text) : undefined;
    if (!first || isThemeLine(lines[at]!.text)) return undefined;
    const records: Field[][] = [];
    const headings: { at: number; text: string; line: number }[] = [];
    let rec: Field[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (isBlank(l)) continue;
      const t = l.text.trim();
      if (isThemeLine(t)) {
        if (rec.length) records.push(rec);
        rec = [];
        headings.push({ at: records.length, text: t, line: l.line });
        continue;
      }
      const lv = labelValue(t);
      if (!lv) {
        const last = rec.at(-1);
        // A line with no label carries on the value above, unless a blank line set it apart.
        if (!last || isBlank(lines[j - 1])) break;
        last.value = last.value ? `${last.value}\n${t}` : t;
        continue;
      }
      if (rec.length && rec.some((f) => f.field === lv.field && f.label === lv.label)) {
        records.push(rec);
        rec = [];
      }
      rec.push({ ...lv, line: l.line });
    }
    if (rec.length) records.push(rec);
    // A form: at least two records, or one naming what is done and two other fields.
    const labels = [...new Set(records.flat().map((f) => f.label))];
    const titled = records.filter((r) => r.some((f) => f.field === 'title'));
    if (labels.length < 2 || titled.length === 0 || (records.length < 2 && labels.length < 3))
      return undefined;
    const hasRef = records.some((r) => r.some((f) => f.ref));
    const header = [...(hasRef ? ['Ref'] : []), ...labels];
    const items: SourceItem[] = [row(header, lines[i]!.line, NAME, true)];
    records.forEach((r, n) => {
      for (const h of headings.filter((x) => x.at === n))
        items.push({ type: 'heading', text: h.text, line: h.line });
      const cells = header.map(() => '');
      for (const f of r) {
        const at = header.indexOf(f.label);
        cells[at] = cells[at] ? `${cells[at]}\n${f.value}` : f.value;
        if (f.ref && hasRef && !cells[0]) cells[0] = f.ref;
      }
      items.push(row(cells, r[0]!.line, NAME));
    });
    for (const h of headings.filter((x) => x.at >= records.length))
      items.push({ type: 'heading', text: h.text, line: h.line });
    while (j > i && isBlank(lines[j - 1])) j--;
    return { items, next: j };
  },
};
