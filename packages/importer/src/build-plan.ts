import type { PlanKind, Status } from '@peopleplan/core';
import { cleanText, continuesSentence, excerpt, joinText } from './cells.js';
import { normalizeHeader, readHeaderRow, refineWithContent } from './header-mapping.js';
import type {
  ColumnField,
  ColumnMapping,
  ImportWarning,
  MappingOverride,
  TableKind,
  TableMapping,
} from './parsed-plan.js';
import type { SourceItem } from './source.js';
import { NARRATIVE_LABELS, SECTION_HEADINGS, THEME_DESCRIPTION_LABEL, THEME_PATTERNS } from './synonyms.js';

/**
 * Reads the stream of paragraphs and rows into drafts: themes, actions with their raw cell text,
 * and the plan-level tables. Cell text is only interpreted (leads, dates, years) later, in
 * finalize.ts, once every continuation row has been joined in.
 */

export interface ActionDraft {
  ref?: string;
  fields: Partial<Record<ColumnField, string>>;
  description?: string;
  status?: Status;
  subActions: ActionDraft[];
  unplaced: string[];
  where: string;
}

export interface ThemeDraft {
  ref: string;
  title: string;
  label?: string;
  description?: string;
  actions: ActionDraft[];
  /** Set by a narrative heading ("Service improvement 2") whose title is on the next line. */
  needsTitle?: boolean;
  fromParagraph?: boolean;
}

export interface RowDraft {
  fields: Partial<Record<ColumnField, string>>;
  /** Cells by column, for tables whose columns carry periods (indicators). */
  byColumn: { col: ColumnMapping; text: string }[];
  cells: string[];
  themeRef?: string;
  where: string;
}

export interface SectionDraft {
  key: string;
  title: string;
  lines: string[];
}

export interface Drafts {
  preamble: string[];
  sections: SectionDraft[];
  themes: ThemeDraft[];
  tables: Record<Exclude<TableKind, 'actions' | 'other'>, RowDraft[]>;
  unplaced: string[];
  warnings: ImportWarning[];
  mappings: TableMapping[];
  headings: { text: string; as: string }[];
  kindCues: PlanKind[];
  sawHeader: boolean;
  sawRows: boolean;
}

interface ActiveMapping {
  kind: TableKind;
  columns: ColumnMapping[];
  table: number;
  width: number;
  headerRowIndex: number;
}

const isSectionHeading = (t: string) => t.length <= 300 && SECTION_HEADINGS.some((re) => re.test(t));
const isFileReference = (t: string) => /^[A-Za-z]:\\|\.(?:docx?|xlsx?|pdf|rtf)$/i.test(t);
const BULLET_START = /^\s*[·•▪●◦■\-–]\s+/;

function themeHeading(text: string): { ref: string; title: string; kinds: PlanKind[] } | undefined {
  for (const p of THEME_PATTERNS) {
    const m = p.re.exec(text.trim());
    if (m) return { ref: m[1]!, title: (m[2] ?? '').trim(), kinds: p.kinds };
  }
  return undefined;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50) || 'section';

export function buildDrafts(items: SourceItem[], override?: MappingOverride): Drafts {
  const d: Drafts = {
    preamble: [],
    sections: [],
    themes: [],
    tables: { milestones: [], decisions: [], risks: [], continuity: [], indicators: [], dependencies: [] },
    unplaced: [],
    warnings: [],
    mappings: [],
    headings: [],
    kindCues: [],
    sawHeader: false,
    sawRows: false,
  };
  const warn = (code: string, message: string, where: string) => d.warnings.push({ code, message, where });

  let mapping: ActiveMapping | undefined;
  let theme: ThemeDraft | undefined;
  let section: SectionDraft | undefined;
  let lastAction: ActionDraft | undefined;
  let lastItem: ActionDraft | undefined;
  let afterRows = false;
  let unknownTable: { table: number; section: SectionDraft } | undefined;
  // Narrative themes (best-value reviews): where the next paragraph goes.
  let narrative:
    | {
        mode: 'start' | 'description' | 'phaseIntro' | 'proposals';
        phase?: ActionDraft;
        last?: ActionDraft;
        status?: Status;
      }
    | undefined;

  const startSection = (title: string, keyHint = title): SectionDraft => {
    let key = slug(keyHint);
    let n = 2;
    while (d.sections.some((s) => s.key === key)) key = `${slug(keyHint).slice(0, 46)}-${n++}`;
    const s: SectionDraft = { key, title: title.slice(0, 300), lines: [] };
    d.sections.push(s);
    return s;
  };

  const findTheme = (ref: string) => d.themes.find((t) => t.ref === ref);
  const themeByTitle = (title: string) =>
    d.themes.find((t) => normalizeHeader(t.title) === normalizeHeader(title));

  const startTheme = (ref: string, title: string, label: string, fromParagraph: boolean): ThemeDraft => {
    const existing = findTheme(ref);
    if (existing && existing.actions.length === 0 && fromParagraph) {
      // A summary of this theme came earlier (best-value executive summary): keep it as narrative.
      const s = startSection(
        `${existing.label ?? ''} ${existing.title}`.trim(),
        `${existing.label ?? ref}-summary`,
      );
      if (existing.description) s.lines.push(existing.description);
      existing.description = undefined;
      existing.title = title;
      existing.needsTitle = title === '';
      existing.label = label;
      return existing;
    }
    if (existing) return existing;
    const t: ThemeDraft = { ref, title, label, actions: [], needsTitle: title === '', fromParagraph };
    d.themes.push(t);
    return t;
  };

  const defaultTheme = (): ThemeDraft => {
    if (theme) return theme;
    theme = d.themes[0] ?? { ref: '1', title: 'Actions', actions: [] };
    if (!d.themes.includes(theme)) {
      d.themes.push(theme);
      warn('no-theme', 'Actions come before any priority or heading: placed under "Actions".', 'plan');
    }
    return theme;
  };

  const newAction = (
    t: ThemeDraft,
    fields: ActionDraft['fields'],
    where: string,
    ref?: string,
  ): ActionDraft => {
    const a: ActionDraft = { ref, fields, subActions: [], unplaced: [], where };
    t.actions.push(a);
    return a;
  };

  const findActionByRef = (ref: string): ActionDraft | undefined => {
    for (const t of d.themes) {
      for (const a of t.actions) {
        if (a.ref === ref) return a;
        const s = a.subActions.find((x) => x.ref === ref);
        if (s) return s;
      }
    }
    return undefined;
  };

  const placeOrphan = (text: string, where: string) => {
    const target = lastItem ?? lastAction;
    if (target) {
      target.unplaced.push(text);
      warn('orphan-text', `Text outside the table kept with the action above: "${excerpt(text)}"`, where);
    } else {
      d.unplaced.push(text);
      warn('unplaced-text', `Could not place: "${excerpt(text)}"`, where);
    }
  };

  /** Data rows after a header, up to the next header or heading: used to read ref columns. */
  const rowsAfter = (index: number): string[][] => {
    const out: string[][] = [];
    for (let j = index + 1; j < items.length && out.length < 25; j++) {
      const it = items[j]!;
      if (it.type === 'para') break;
      const cells = it.cells.map((c) => c.trim());
      if (readHeaderRow(cells, undefined, override)) break;
      if (themeHeading(cells.find((c) => c !== '') ?? '')) break;
      out.push(cells);
    }
    return out;
  };

  const nextRowFirstCell = (index: number): string | undefined => {
    for (let j = index + 1; j < items.length; j++) {
      const it = items[j]!;
      if (it.type === 'para') return undefined;
      const first = it.cells.find((c) => c.trim() !== '');
      if (first !== undefined) return first;
    }
    return undefined;
  };

  const handleNarrativeParagraph = (raw: string, text: string, where: string): boolean => {
    if (!theme?.fromParagraph || !narrative) return false;
    if (theme.needsTitle) {
      theme.title = text;
      theme.needsTitle = false;
      return true;
    }
    if (NARRATIVE_LABELS.description.test(text)) {
      narrative.mode = 'description';
      d.headings.push({ text, as: `theme ${theme.ref} description` });
      return true;
    }
    const phase = NARRATIVE_LABELS.phase.exec(text);
    if (phase) {
      const a = newAction(theme, { title: phase[2] || text }, where);
      d.headings.push({ text, as: `action: phase ${phase[1]}` });
      narrative = { mode: 'phaseIntro', phase: a };
      return true;
    }
    if (NARRATIVE_LABELS.underway.test(text)) {
      narrative = { mode: 'proposals', phase: narrative.phase, status: 'ongoing' };
      d.headings.push({ text, as: 'actions already underway (status ongoing)' });
      return true;
    }
    if (NARRATIVE_LABELS.proposals.test(text)) {
      narrative = { mode: 'proposals', phase: narrative.phase };
      d.headings.push({ text, as: 'actions' });
      return true;
    }
    const bullet = BULLET_START.test(raw);
    if (bullet && narrative.last) {
      narrative.last.description = joinText(narrative.last.description, text);
      return true;
    }
    switch (narrative.mode) {
      case 'start':
      case 'description':
        theme.description = joinText(theme.description, text);
        return true;
      case 'phaseIntro':
        if (bullet || !narrative.phase) theme.description = joinText(theme.description, text);
        else narrative.phase.description = joinText(narrative.phase.description, text);
        narrative.mode = 'proposals';
        return true;
      case 'proposals': {
        const [title, rest] = splitFirstSentence(text);
        const a: ActionDraft = { fields: { title }, description: rest, subActions: [], unplaced: [], where };
        if (narrative.status) a.status = narrative.status;
        if (narrative.phase) narrative.phase.subActions.push(a);
        else theme.actions.push(a);
        narrative.last = a;
        return true;
      }
    }
  };

  const readRow = (cells: string[], m: ActiveMapping, where: string): RowDraft => {
    const fields: RowDraft['fields'] = {};
    const byColumn: RowDraft['byColumn'] = [];
    for (const col of m.columns) {
      const text = cells[col.index]?.trim() ?? '';
      if (!text || col.field === 'ignore') continue;
      byColumn.push({ col, text });
      fields[col.field] = fields[col.field] ? `${fields[col.field]}\n${text}` : text;
    }
    const mapped = new Set(m.columns.filter((c) => c.field !== 'ignore').map((c) => c.index));
    const loose = cells.map((c, i) => ({ c: c.trim(), i })).filter((x) => x.c !== '' && !mapped.has(x.i));
    const row: RowDraft = { fields, byColumn, cells, themeRef: theme?.ref, where };
    if (loose.length > 0) {
      // A ragged row (fewer cells than its header): the last loose cell is the date column's value.
      if (m.kind === 'milestones' && !fields.due && loose.length === 1) fields.due = loose[0]!.c;
      else {
        for (const x of loose) {
          if (m.kind === 'actions' && lastItemForLoose) lastItemForLoose.unplaced.push(x.c);
          else d.unplaced.push(x.c);
          warn('unmapped-cell', `A cell under no known column was kept aside: "${excerpt(x.c)}"`, where);
        }
      }
    }
    return row;
  };
  let lastItemForLoose: ActionDraft | undefined;

  const LEADS_OR_DATES: ColumnField[] = [
    'lead:member',
    'lead:strategic',
    'lead:operational',
    'lead:accountable',
    'lead:responsible',
    'start',
    'due',
    'status',
  ];
  const TEXT_FIELDS: ColumnField[] = [
    'currentPosition',
    'outcome',
    'yearActions',
    'progress',
    'constraints',
    'measureOfSuccess',
  ];

  const actionRow = (r: RowDraft, m: ActiveMapping) => {
    const f = { ...r.fields };
    const ref = f.ref?.replace(/\.$/, '');
    const group = f.group;
    delete f.ref;
    delete f.group;
    const hasGroupColumn = m.columns.some((c) => c.field === 'group');
    if (group) {
      const existing = themeByTitle(group) ?? findTheme(/^\d+$/.test(group) ? group : '\u0000');
      if (existing) theme = existing;
      else {
        const num = /^(\d+)\.?\s*(.*)$/.exec(group);
        theme = {
          ref: num?.[1] ?? String(d.themes.length + 1),
          title: num?.[2] || (num ? `Area ${num[1]}` : group),
          label: group,
          actions: [],
        };
        d.themes.push(theme);
      }
    }
    if (ref) {
      const dot = ref.lastIndexOf('.');
      const parent = dot > 0 ? findActionByRef(ref.slice(0, dot)) : undefined;
      const a: ActionDraft = { ref, fields: f, subActions: [], unplaced: [], where: r.where };
      if (parent) parent.subActions.push(a);
      else {
        if (dot > 0)
          warn('orphan-sub-action', `No action ${ref.slice(0, dot)} for sub-action ${ref}.`, r.where);
        defaultTheme().actions.push(a);
        lastAction = a;
      }
      if (parent) lastAction = parent;
      lastItem = a;
      return;
    }
    const key = hasGroupColumn ? group : f.title;
    if (key) {
      if (!f.title) {
        const first = TEXT_FIELDS.find((x) => f[x]);
        if (!first) return; // A heading value on its own: the theme switch is all it says.
        f.title = f[first];
        delete f[first];
      }
      lastAction = newAction(defaultTheme(), f, r.where);
      lastItem = lastAction;
      return;
    }
    // Continuation: the first cells are empty.
    if (!lastAction) {
      const text = Object.values(f).join(' ');
      d.unplaced.push(text);
      warn('unplaced-row', `A row continues nothing above it: "${excerpt(text)}"`, r.where);
      return;
    }
    let title = f.title;
    delete f.title;
    if (title && continuesSentence(lastAction.fields.title, title)) {
      lastAction.fields.title = joinText(lastAction.fields.title, title);
      title = undefined;
    }
    const own = LEADS_OR_DATES.some((x) => f[x]);
    if (own || title) {
      if (!title) {
        const first = TEXT_FIELDS.find((x) => f[x]);
        if (first) {
          title = f[first];
          delete f[first];
        }
      }
      if (title) {
        const sub: ActionDraft = { fields: { ...f, title }, subActions: [], unplaced: [], where: r.where };
        lastAction.subActions.push(sub);
        lastItem = sub;
        return;
      }
    }
    const target = lastItem ?? lastAction;
    for (const [k, v] of Object.entries(f) as [ColumnField, string][]) {
      if (!v) continue;
      if ((k === 'due' || k === 'start' || k === 'status') && target.fields[k]) {
        target.unplaced.push(v);
        warn('extra-date', `A second ${k} for the same action was kept aside: "${excerpt(v)}"`, r.where);
      } else target.fields[k] = joinText(target.fields[k], v);
    }
  };

  items.forEach((item, index) => {
    const where = `line ${item.line}`;
    if (item.type === 'para') {
      const raw = item.text;
      const text = cleanText(raw);
      if (!text) return;
      const th = themeHeading(text);
      if (th) {
        theme = startTheme(th.ref, th.title, text, true);
        d.kindCues.push(...th.kinds);
        d.headings.push({ text, as: `theme ${th.ref}` });
        narrative = { mode: 'start' };
        section = undefined;
        afterRows = false;
        lastAction = lastItem = undefined;
        return;
      }
      if (isSectionHeading(text)) {
        section = startSection(text);
        theme = undefined;
        narrative = undefined;
        mapping = undefined;
        afterRows = false;
        lastAction = lastItem = undefined;
        return;
      }
      if (isFileReference(text)) {
        const s =
          d.sections.find((x) => x.key === 'document-reference') ?? startSection('Document reference');
        s.lines.push(text);
        return;
      }
      if (afterRows && mapping?.kind === 'actions') {
        placeOrphan(text, where);
        return;
      }
      if (handleNarrativeParagraph(raw, text, where)) return;
      if (section) section.lines.push(text);
      else if (d.themes.length === 0 && !d.sawRows) d.preamble.push(text);
      else placeOrphan(text, where);
      return;
    }

    const cells = item.cells.map(cleanText);
    const filled = cells.filter((c) => c !== '');
    if (filled.length === 0) return;
    d.sawRows = true;
    narrative = undefined;
    const first = filled[0]!;
    const firstIdx = cells.indexOf(first);

    // Priority rows: "PRIORITY 1: Prevention | | DESCRIPTION OF PRIORITY: …".
    const th = firstIdx === 0 ? themeHeading(first) : undefined;
    if (th && !(mapping?.kind === 'actions' && mapping.columns.some((c) => c.field === 'group'))) {
      theme = startTheme(th.ref, th.title || first, first, false);
      d.kindCues.push(...th.kinds);
      d.headings.push({ text: first, as: `theme ${th.ref}` });
      for (const other of filled.slice(1)) {
        const label = THEME_DESCRIPTION_LABEL.exec(other);
        if (label) d.headings.push({ text: label[0].trim(), as: `theme ${th.ref} description` });
        theme.description = joinText(theme.description, other.replace(THEME_DESCRIPTION_LABEL, ''));
      }
      lastAction = lastItem = undefined;
      afterRows = false;
      return;
    }
    // A section heading written in a table's first row ("SECTION G: ACTIVITY REQUIRING SUPPORT …").
    if (firstIdx === 0 && filled.length === 1 && /^section\s+[a-z]\s*[:.\-–—]/i.test(first)) {
      section = startSection(first);
      theme = undefined;
      mapping = undefined;
      return;
    }

    const header = readHeaderRow(cells, nextRowFirstCell(index), override);
    if (header) {
      d.sawHeader = true;
      d.kindCues.push(...header.kindCues);
      const columns = refineWithContent(header.columns, rowsAfter(index));
      const same =
        mapping &&
        mapping.kind === header.kind &&
        JSON.stringify(mapping.columns.map((c) => [c.index, normalizeHeader(c.header)])) ===
          JSON.stringify(columns.map((c) => [c.index, normalizeHeader(c.header)]));
      if (!same) {
        mapping = {
          kind: header.kind,
          columns,
          table: item.table,
          width: cells.length,
          headerRowIndex: index,
        };
        d.mappings.push({ table: d.mappings.length, kind: header.kind, columns });
      } else mapping!.headerRowIndex = index;
      if (header.kind !== 'actions') lastAction = lastItem = undefined;
      afterRows = false;
      unknownTable = undefined;
      return;
    }
    // Second header row of a performance-indicator table: "Q1 | Q2 | Q3 | Q4" under "Target".
    if (
      mapping?.kind === 'indicators' &&
      mapping.headerRowIndex === index - 1 &&
      filled.every(isPeriodLabel)
    ) {
      addSubHeader(mapping, cells, d.mappings.at(-1)!);
      return;
    }
    // A new table with a different shape and no header of its own is not the previous table.
    if (mapping && item.table !== mapping.table && Math.abs(cells.length - mapping.width) > 1)
      mapping = undefined;

    if (!mapping || mapping.kind === 'other') {
      if (!unknownTable || unknownTable.table !== item.table) {
        const s = section ?? startSection(`Table: ${excerpt(first, 80)}`);
        unknownTable = { table: item.table, section: s };
        if (!mapping) warn('unrecognised-table', 'A table with no known header was kept as text.', where);
      }
      unknownTable.section.lines.push(cells.filter((c) => c !== '').join(' | '));
      return;
    }
    if (mapping.table !== item.table) mapping.table = item.table;
    lastItemForLoose = lastItem ?? lastAction;
    const r = readRow(cells, mapping, where);
    if (mapping.kind === 'actions') {
      actionRow(r, mapping);
      afterRows = true;
    } else d.tables[mapping.kind].push(r);
  });
  return d;
}

const isPeriodLabel = (t: string) =>
  /^(?:q[1-4]|(?:19|20)\d{2}\s*[-/]\s*\d{2,4}|target|actual)$/i.test(t.trim());

/** Gives each column under a spanning "Target" heading its own period. */
function addSubHeader(m: ActiveMapping, cells: string[], recorded: TableMapping) {
  cells.forEach((raw, i) => {
    const text = raw.trim();
    if (!text) return;
    let col = m.columns.find((c) => c.index === i);
    if (!col || col.field === 'ignore') {
      const left = [...m.columns]
        .reverse()
        .find((c) => c.index < i && (c.field === 'target' || c.field === 'actual'));
      if (!left) return;
      col = { index: i, header: text, field: left.field, confidence: 0.8 };
      m.columns.push(col);
    } else col.header = `${col.header} ${text}`;
    col.period = text.toUpperCase();
  });
  m.columns.sort((a, b) => a.index - b.index);
  recorded.columns = m.columns;
}

/** "Bring together … resources. Examples include: …" → title and the rest. */
export function splitFirstSentence(text: string): [string, string | undefined] {
  if (text.length <= 200) return [text, undefined];
  const m = /^(.{20,300}?[.!?])\s+(?=[A-Z])/s.exec(text);
  if (!m) return [text, undefined];
  return [m[1]!, text.slice(m[0].length).trim() || undefined];
}
