import { isBoilerplate } from '../finalize/boilerplate.js';
import { matchHeader } from '../header-mapping.js';
import { THEME_PATTERNS } from '../heading-words.js';
import type { ColumnField } from '../parsed-plan.js';
import type { SourceItem } from '../source.js';
import { labelValue } from './label-value.js';
import { isBlank } from './lines.js';
import { type LayoutRule, row } from './rule.js';

/**
 * Blocks whose field names sit alone on their lines, as a council web page prints an accordion of
 * actions: the action's title, its steps, then "Lead service area" over its value and "How will we
 * measure success?" over its own. A label is a column name of an action table (synonyms.ts) with
 * nothing else on its line; its value is the lines below it up to the next label. Between one block's
 * last label and the next block's first, the next title is the last line that is no finished sentence
 * (no closing full stop): a measure or a step is written as a sentence, a title is not.
 */

/** Fields a label line may name: not the action itself, its number or its group. */
const NOT_A_FIELD = new Set<ColumnField>(['title', 'ref', 'group', 'themeDescription', 'ignore']);

function fieldOf(text: string): ColumnField | undefined {
  const t = text.trim();
  // A name alone: "Lead: Head of HR" is a label with its value, another layout's (label-value.ts).
  if (t.split(/\s+/).length > 6 || /[.;!]$/.test(t) || /:\s*\S/.test(t)) return undefined;
  const best = matchHeader(t.replace(/[?:]\s*$/, ''))[0];
  if (best?.table !== 'actions' || best.confidence < 0.85 || NOT_A_FIELD.has(best.field)) return undefined;
  return best.field;
}

const labelOf = (text: string) => (fieldOf(text) ? text.trim().replace(/:\s*$/, '') : undefined);

/** A plan's blocks say who leads or by when; a report's ("Description of research", "Key findings") do not. */
const namesLeadOrDate = (label: string) => {
  const f = fieldOf(label);
  return !!f && (f.startsWith('lead:') || f === 'due' || f === 'start');
};

const isTheme = (t: string) => THEME_PATTERNS.some((p) => p.re.test(t.trim()));
const isSentence = (t: string) => /[.!?)]$/.test(t.trim());

interface Entry {
  text: string;
  line: number;
  label?: string;
}

interface Block {
  title: Entry;
  steps: Entry[];
  fields: { label: string; values: Entry[] }[];
}

const NAME = 'label-line-blocks';

/** How far a block's first label may sit below its title, in lines of text. */
const MAX_STEPS = 8;

export const labelLineBlocks: LayoutRule = {
  name: NAME,
  read(lines, i) {
    const first = lines[i]!.text.trim();
    if (labelOf(first) || labelValue(first) || isTheme(first) || isSentence(first) || isBoilerplate(first))
      return undefined;
    // Every rule is asked at every line: look for a label close below before reading further.
    let near = 0;
    let seen = false;
    for (let k = i + 1; k < lines.length && near <= MAX_STEPS && !seen; k++) {
      if (isBlank(lines[k])) continue;
      near++;
      seen = labelOf(lines[k]!.text) !== undefined;
    }
    if (!seen) return undefined;
    const entries: Entry[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (isBlank(l)) continue;
      const t = l.text.trim();
      if (isTheme(t) || isBoilerplate(t) || t.includes('\t')) break;
      const label = labelOf(t);
      entries.push({ text: t, line: l.line, ...(label ? { label } : {}) });
    }
    const blocks = readBlocks(entries);
    if (!blocks) return undefined;
    const labels = [...new Set(blocks.flatMap((b) => b.fields.map((f) => f.label)))];
    const header = ['Action', 'Description', ...labels];
    const items: SourceItem[] = [row(header, blocks[0]!.title.line, NAME, true)];
    for (const b of blocks) {
      const cells = header.map(() => '');
      cells[0] = b.title.text;
      cells[1] = b.steps.map((s) => s.text).join('\n');
      for (const f of b.fields) cells[header.indexOf(f.label)] = f.values.map((v) => v.text).join('\n');
      items.push(row(cells, b.title.line, NAME));
    }
    // The lines read end with the last block's last value.
    const lastLine = blocks.at(-1)!.fields.at(-1)!.values.at(-1)?.line ?? blocks.at(-1)!.title.line;
    const next = lines.findIndex((l) => l.line > lastLine);
    return { items, next: next < 0 ? lines.length : next };
  },
};

/**
 * The blocks the entries make: a title (the first entry), steps up to the first label, then labels and
 * their values; the first label coming round again opens the next block, whose title is found among
 * the lines before it. Undefined unless there are two blocks, or one with two labels.
 */
function readBlocks(entries: Entry[]): Block[] | undefined {
  const firstLabel = entries.findIndex((e) => e.label);
  if (firstLabel < 1 || firstLabel > MAX_STEPS) return undefined;
  // Steps are sentences under their title.
  if (!entries.slice(1, firstLabel).every((e) => isSentence(e.text))) return undefined;
  const opener = entries[firstLabel]!.label!;
  const blocks: Block[] = [];
  let block: Block = { title: entries[0]!, steps: entries.slice(1, firstLabel), fields: [] };
  let k = firstLabel;
  while (k < entries.length) {
    const e = entries[k]!;
    if (e.label && !(e.label === opener && block.fields.length > 0)) {
      block.fields.push({ label: e.label, values: [] });
      k++;
      continue;
    }
    if (!e.label) {
      block.fields.at(-1)!.values.push(e);
      k++;
      continue;
    }
    // The opener again: the last field's values end where the next block's title is.
    const field = block.fields.at(-1)!;
    const values = field.values;
    // A label with nothing under it before the next block: not this layout.
    if (values.length === 0) return undefined;
    let t = values.length - 1;
    while (t > 0 && isSentence(values[t]!.text)) t--;
    // A "Label: value" line is a field, never a title.
    if (labelValue(values[t]!.text)) t = 0;
    // No title to be found: the blocks end here, the last field keeping its first line only.
    if (t < 1 || isSentence(values[t]!.text)) {
      field.values = values.slice(0, 1);
      break;
    }
    const title = values[t]!;
    const steps = values.slice(t + 1);
    field.values = values.slice(0, t);
    if (steps.length > MAX_STEPS) return undefined;
    blocks.push(block);
    block = { title, steps, fields: [] };
  }
  blocks.push(block);
  // The last block's last field takes no more than a few lines: the page's own text may follow.
  const tail = blocks.at(-1)!.fields.at(-1);
  if (tail && tail.values.length > 3) tail.values = tail.values.slice(0, 3);
  if (blocks.some((b) => b.fields.length === 0 || b.fields.some((f) => f.values.length === 0)))
    return undefined;
  if (blocks.length < 2 && blocks[0]!.fields.length < 2) return undefined;
  if (!blocks.every((b) => b.fields.some((f) => namesLeadOrDate(f.label)))) return undefined;
  return blocks;
}
