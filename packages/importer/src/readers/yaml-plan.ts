import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';
import { matchHeader } from '../header-mapping.js';
import type { ImportWarning } from '../parsed-plan.js';
import type { RowMilestone, SourceItem } from '../source.js';

/**
 * Plans kept as YAML (a web page's front matter or a data file): a list of records ("- objective: …,
 * description: …, team: […], milestones: […]") whose keys are column names. Each record is a row under
 * its keys; a list of people ("team: - name: …") is one cell, a name a line; a nested list of dated
 * records ("milestones: - milestone: …, date: …, complete: true") becomes the row's milestones. The
 * document's own fields (title, date, author, excerpt) are paragraphs ahead of the rows, the title
 * first. Records commented out with "#" are not imported, and a warning names their lines.
 */
export interface YamlPlan {
  items: SourceItem[];
  warnings: ImportWarning[];
}

/** The YAML itself: a front matter block between "---" lines, or the whole text. */
function yamlSource(text: string): { src: string; offset: number } | undefined {
  const m = /^(?:\uFEFF)?---[ \t]*\r?\n/.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m[0].length);
  const end = /^---[ \t]*$/m.exec(rest);
  return { src: end ? rest.slice(0, end.index) : rest, offset: m[0].length };
}

const KEY_LINE = /^\s*-?\s*[A-Za-z_][\w -]*:(?:\s|$)/;
/** Lines that are YAML records commented out ("# - objective: …", "#   date: …"). */
function commentedOut(text: string): ImportWarning[] {
  const lines = text.split(/\r?\n/);
  const out: ImportWarning[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*#\s?/.test(lines[i]!) || !KEY_LINE.test(lines[i]!.replace(/^\s*#\s?/, ''))) continue;
    let j = i;
    while (j + 1 < lines.length && /^\s*#\s?/.test(lines[j + 1]!)) j++;
    if (j > i) {
      const first = lines[i]!.replace(/^\s*#\s?/, '').trim();
      out.push({
        code: 'commented-out',
        message: `A record commented out with "#" was not imported: "${first.slice(0, 80)}". Remove the "#" marks to import it.`,
        where: `lines ${i + 1}–${j + 1}`,
      });
    }
    i = j;
  }
  return out;
}

const scalarText = (n: unknown): string => {
  if (isScalar(n)) {
    const v = n.value;
    return v === null || v === undefined ? '' : String(v);
  }
  return '';
};

const fieldOf = (key: string) => matchHeader(key).find((m) => m.table === 'actions' && m.confidence >= 0.85);

/** "team: - name: A - name: B" or "leads: [A, B]": one cell, a line each. */
function listText(seq: Node): string | undefined {
  if (!isSeq(seq)) return undefined;
  const parts: string[] = [];
  for (const it of seq.items) {
    if (isScalar(it)) parts.push(scalarText(it));
    else if (isMap(it) && it.items.length === 1 && isScalar(it.items[0]!.value))
      parts.push(scalarText(it.items[0]!.value));
    else return undefined;
  }
  return parts.filter((p) => p !== '').join('\n');
}

type Pos = (node: Node | null | undefined) => number;

/** A nested list of dated records: the row's milestones. */
function milestonesOf(seq: Node, pos: Pos): RowMilestone[] | undefined {
  if (!isSeq(seq) || !seq.items.every(isMap)) return undefined;
  const out: RowMilestone[] = [];
  for (const m of seq.items as YAMLMap[]) {
    let title = '';
    let due: string | undefined;
    let completed: boolean | undefined;
    for (const pair of m.items) {
      const key = scalarText(pair.key);
      const value = scalarText(pair.value);
      const f = fieldOf(key)?.field;
      if (/^complete[d]?$|^done$/i.test(key)) completed = value === 'true';
      else if (f === 'due' || f === 'start') due = value;
      else if (!title) title = value;
    }
    if (!title) return undefined;
    out.push({ title, ...(due ? { due } : {}), ...(completed ? { completed } : {}), line: pos(m) });
  }
  // A list of names ("team: - name: …") is not a list of milestones: milestones are dated.
  return out.some((m) => m.due) ? out : undefined;
}

/**
 * The first list of records: maps whose first key names each record ("objective", "goal") and whose
 * other keys are mostly column names. `naming` is the key that holds what is done.
 */
function recordList(
  node: Node | null | undefined,
  depth = 0,
): { key: string; seq: Node; naming: string } | undefined {
  if (!isMap(node) || depth > 2) return undefined;
  for (const pair of node.items) {
    const v = pair.value as Node | null;
    if (isSeq(v) && v.items.length > 0 && v.items.every(isMap)) {
      const keys = [...new Set((v.items as YAMLMap[]).flatMap((m) => m.items.map((p) => scalarText(p.key))))];
      const first = scalarText((v.items[0] as YAMLMap).items[0]?.key);
      const naming = keys.find((k) => fieldOf(k)?.field === 'title') ?? first;
      const known = keys.filter((k) => fieldOf(k)).length;
      if (naming && known >= Math.min(2, keys.length)) return { key: scalarText(pair.key), seq: v, naming };
    }
    const deeper = recordList(v, depth + 1);
    if (deeper) return deeper;
  }
  return undefined;
}

export function readYamlPlan(text: string): YamlPlan | undefined {
  const source = yamlSource(text);
  if (!source) return undefined;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.src, { lineCounter, uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  const pos: Pos = (n) => lineCounter.linePos(n?.range?.[0] ?? 0).line + 1;
  const list = recordList(doc.contents);
  if (!list) return undefined;
  const items: SourceItem[] = [];
  // The document's own fields, the title first, as a cover.
  const top = isMap(doc.contents) ? doc.contents.items : [];
  const scalars = top.filter((p) => isScalar(p.value) && scalarText(p.value) !== '');
  const titlePair = scalars.find((p) => scalarText(p.key).toLowerCase() === 'title');
  if (titlePair)
    items.push({ type: 'para', text: scalarText(titlePair.value), line: pos(titlePair.value as Node) });
  for (const p of scalars)
    if (p !== titlePair)
      items.push({
        type: 'para',
        text: `${scalarText(p.key)}: ${scalarText(p.value)}`,
        line: pos(p.key as Node),
      });
  items.push({
    type: 'heading',
    text: list.key.replace(/[_-]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase()),
    line: pos(list.seq) - 1,
  });
  const records = (list.seq as Node & { items: YAMLMap[] }).items;
  const header: string[] = [];
  const rows: { cells: Map<string, string>; milestones?: RowMilestone[]; line: number }[] = [];
  for (const rec of records) {
    const cells = new Map<string, string>();
    let milestones: RowMilestone[] | undefined;
    for (const pair of rec.items) {
      const key = scalarText(pair.key);
      const v = pair.value as Node | null;
      let value: string | undefined;
      if (isScalar(v))
        value = /^complete[d]?$|^done$/i.test(key)
          ? scalarText(v) === 'true'
            ? 'Completed'
            : ''
          : scalarText(v);
      else if (v && milestonesOf(v, pos)) milestones = milestonesOf(v, pos);
      else if (v) value = listText(v);
      if (value === undefined) continue;
      if (!header.includes(key)) header.push(key);
      cells.set(key, value);
    }
    rows.push({ cells, ...(milestones ? { milestones } : {}), line: pos(rec) });
  }
  const line = pos(list.seq);
  // The key naming each record ("goal") holds what is done, whatever the word.
  const cells = header.map((h) => (h === list.naming && fieldOf(h)?.field !== 'title' ? `Action (${h})` : h));
  items.push({ type: 'row', cells, table: 0, line, layout: 'yaml', header: true });
  for (const r of rows)
    items.push({
      type: 'row',
      cells: header.map((h) => r.cells.get(h) ?? ''),
      table: 0,
      line: r.line,
      layout: 'yaml',
      ...(r.milestones ? { milestones: r.milestones } : {}),
    });
  // Line numbers count from the start of the text, not of the front matter.
  const shift = text.slice(0, source.offset).split('\n').length - 1;
  for (const it of items) it.line += shift;
  for (const it of items) if (it.type === 'row') for (const m of it.milestones ?? []) m.line += shift;
  return { items, warnings: commentedOut(text) };
}
