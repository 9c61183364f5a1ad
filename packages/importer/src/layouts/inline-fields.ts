import { DATE_WORDS, isDateCell, isLeadCell } from './cell-kinds.js';
import { fieldLine } from './field-lines.js';

/** "Lead: Head of HR", "Leads: HR and OD", "Owner - OD Manager": a lead written into an item's text. */
const INLINE_LEAD = /^(?:leads?(?:\s+officers?)?|owners?|responsible|who)\s*[:-]\s*(.+)$/i;
const INLINE_DUE =
  /^(?:(?:by|due|deadline|target(?:\s+date)?|complete\s+by)\b\s*:?\s*(.+)|(ongoing|on-going|tbc|tbd))$/i;

/** "(Lead: Head of HR; by March 2026)": the bracket's parts are the item's, set apart like the rest. */
const LEAD_BRACKET = /\(([^()]*\b(?:leads?|owners?)\s*:[^()]*)\)/gi;
/** "(by March 2026)", "(ongoing)" closing an item: only where a deadline alone says it is an action. */
const DUE_BRACKET = /\((\s*(?:(?:by|due|deadline)\b[^()]*|ongoing|on-going|tbc))\)\s*\.?\s*$/i;
/**
 * Where an item's parts meet: a dash set apart, a comma or semicolon before a lead or a deadline, or a
 * sentence's end before one labelled with a colon ("… pages. Lead: Head of HR. Target: Sept 2026.").
 */
const PARTS =
  /\s+[–—-]\s+|[,;]\s+(?=(?:by|due|deadline|leads?|owners?)\b)|\.\s+(?=(?:leads?(?:\s+officers?)?|owners?|responsible|target(?:\s+date)?|by|due|deadline|by\s+when|timescale)\s*:)/i;
/** A part that opens with a field's label and a colon: its closing full stop is the sentence's. */
const LABELLED = /^[\p{L} ]{2,20}:\s*\S/u;

/** "March 2027", "31/02/2027" (kept, and flagged later, as any impossible date is), not "working with partners". */
const dateLike = (t: string) => isDateCell(t) || (DATE_WORDS.test(t) && t.split(/\s+/).length <= 4);

export interface InlineFields {
  title: string;
  description: string;
  lead: string;
  due: string;
  /** Other fields a part names by its label ("Status: On track"), by that label (field-lines.ts). */
  named: { label: string; value: string }[];
}

/**
 * An item that names its lead in its own text, its parts set apart by dashes, brackets or semicolons:
 * "Launch the website – Lead: Head of HR – by March 2026", "Review exit interviews (Lead: Head of HR;
 * by March 2026)". The first part is the title; a part after it that is neither lead nor deadline is
 * its description. Only when a lead is labelled so: numbered lists find leads and dates on their own
 * lines otherwise (numbered-list.ts).
 *
 * `loose` (a bullet, whose only other line is the next bullet): a deadline alone ("– by March 2026",
 * "(ongoing)") is enough, and a lead with no label counts beside a date ("– Head of HR – March 2027").
 */
export function inlineFields(
  text: string,
  opts: { loose?: boolean; known?: ReadonlySet<string> } = {},
): InlineFields | undefined {
  const inParts = (inner: string) => ` – ${inner.trim().replace(/\s*;\s*/g, ' – ')}`;
  let marked = text.replace(LEAD_BRACKET, (_, inner: string) => inParts(inner));
  if (opts.loose) marked = marked.replace(DUE_BRACKET, (_, inner: string) => inParts(inner));
  const parts = marked
    .split(PARTS)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return undefined;
  const [title, ...rest] = parts as [string, ...string[]];
  const lead: string[] = [];
  const due: string[] = [];
  const description: string[] = [];
  const named: InlineFields['named'] = [];
  let name: string | undefined;
  let date: string | undefined;
  for (const raw of rest) {
    const p = opts.loose || LABELLED.test(raw) ? raw.replace(/[.;,]$/, '') : raw;
    const l = INLINE_LEAD.exec(p);
    const d = INLINE_DUE.exec(p);
    // "Timescale: Q3 2026/27", "Deadline: March 2027": the label names the field, the value is the date.
    const f = fieldLine(p, opts.known);
    if (l) lead.push(l[1]!.trim());
    else if (f?.field === 'due' && f.value && !due.length) due.push(f.value);
    // "Target: September 2026": the value alone, as a labelled line gives it; "by March 2026" as written.
    else if (d && !due.length && (!opts.loose || d[2] || dateLike(d[1]!)))
      due.push(d[1] && /^[^:]+:/.test(p) ? d[1].trim() : p);
    else if (f?.value && f.field !== 'due' && !f.field.startsWith('lead:'))
      named.push({ label: f.label, value: f.value });
    else if (opts.loose && date === undefined && isDateCell(p)) date = p;
    else if (opts.loose && name === undefined && isLeadCell(p, opts.known)) name = p;
    else description.push(p);
  }
  if (!opts.loose && !lead.length) return undefined;
  // With no labels, a name and a date together say who and when ("– Head of HR – March 2027"); either
  // alone may be the title's own words ("– Social Care", "1,204 staff – March 2024").
  const both = name !== undefined && date !== undefined;
  if (name !== undefined) (both && !lead.length ? lead : description).push(name);
  if (date !== undefined) (!due.length && (both || lead.length) ? due : description).push(date);
  if (!lead.length && !due.length) return undefined;
  return { title, description: description.join('\n'), lead: lead.join('\n'), due: due.join('\n'), named };
}
