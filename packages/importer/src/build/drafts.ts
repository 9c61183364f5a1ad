import type { PlanKind, Status } from '@peopleplan/core';
import type {
  ColumnField,
  ColumnMapping,
  ImportWarning,
  MappingOverride,
  TableKind,
  TableMapping,
} from '../parsed-plan.js';
import type { RowMilestone, SourceItem } from '../source.js';

/**
 * Drafts: themes, actions with their raw cell text, and the plan-level tables, as the stream of
 * paragraphs and rows is read. Cell text is only interpreted (leads, dates, years) later, in
 * finalize/, once every continuation row has been joined in.
 */

/** A cell under a column the importer does not know, kept on its own row under its header's name. */
export interface ExtraField {
  label: string;
  text: string;
}

export interface ActionDraft {
  ref?: string;
  fields: Partial<Record<ColumnField, string>>;
  description?: string;
  status?: Status;
  subActions: ActionDraft[];
  unplaced: string[];
  extra: ExtraField[];
  /** Its title cell opened with a round bullet, a Word list item ("• …"): its bullet rows are actions too. */
  bulleted?: boolean;
  /**
   * Its milestones as written: those its own row lists (a YAML plan's "milestones:"), and rows under it
   * that are its milestones ("Milestone: …", "– Launch to staff": build/milestone-rows.ts).
   */
  milestones?: (RowMilestone | MilestoneRowDraft)[];
  where: string;
}

/**
 * A milestone row as written, read (its date, whether it is done) with the plan's period in finalize/;
 * or one of a row's numbered milestone columns, with its date column (`columns`, milestone-columns.ts).
 */
export interface MilestoneRowDraft {
  from: 'table-row' | 'columns';
  title: string;
  due?: string;
  status?: string;
  progress?: string;
  completed?: string;
  /** Its other cells (a lead, a start, a note), by their column's header: kept with the action. */
  notes: ExtraField[];
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
  /** The document numbers this theme ("Area number" 1, 2): its actions are numbered under it (1.1, 1.2). */
  numberedActions?: boolean;
}

export interface RowDraft {
  fields: Partial<Record<ColumnField, string>>;
  /** Cells by column, for tables whose columns carry periods (indicators). */
  byColumn: { col: ColumnMapping; text: string }[];
  /** Cells under no known column, named by their header. */
  extra: ExtraField[];
  cells: string[];
  themeRef?: string;
  /** Its milestones: records it lists (a YAML plan's), or its numbered milestone columns' steps. */
  milestones?: (RowMilestone | MilestoneRowDraft)[];
  /**
   * Its title cell, as written, opened with a round bullet ("• Launch to staff", a Word list item), which
   * `cleanText` takes off: a dash item to the milestone-rows rule (build/milestone-rows.ts).
   */
  bulleted?: boolean;
  where: string;
}

export interface SectionDraft {
  key: string;
  title: string;
  lines: string[];
}

export interface Drafts {
  /** Lines before the plan's content; `detail`: a label and its value from a cover's table, read as such. */
  preamble: { text: string; where: string; detail?: boolean }[];
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

export interface ActiveMapping {
  kind: TableKind;
  columns: ColumnMapping[];
  table: number;
  width: number;
  headerRowIndex: number;
  /** The group column is filled on (nearly) every row that has a title (seed 001's "Heading"). */
  groupRepeats?: boolean;
  /** Fills of the status column that rate nothing (status-colours.ts). */
  statusShading?: Set<string>;
}

export type NarrativeMode = 'start' | 'description' | 'phaseIntro' | 'proposals';

/** Where the reading is: the open theme, table and section, and the last action written. */
export interface BuildState {
  d: Drafts;
  items: SourceItem[];
  override: MappingOverride | undefined;
  mapping?: ActiveMapping;
  theme?: ThemeDraft;
  section?: SectionDraft;
  lastAction?: ActionDraft;
  lastItem?: ActionDraft;
  afterRows: boolean;
  unknownTable?: { table: number; section: SectionDraft };
  /** Narrative themes (best-value reviews): where the next paragraph goes. */
  narrative?: { mode: NarrativeMode; phase?: ActionDraft; last?: ActionDraft; status?: Status };
  /** The plan's RAG key, while its lines are being read ("Key:", then "Red – off track"…). */
  ragKey?: SectionDraft;
  /** Each ref's action, as rows make them (build/action-rows.ts). */
  byRef?: Map<string, ActionDraft>;
  /** The row above was a tally under the table (build/tally-rows.ts): a short label and a number carry it on. */
  inTally?: boolean;
  /** The last bullet item made a sub-action, and the action it is a step of (build/milestone-rows.ts). */
  stepHost?: { host: ActionDraft; step: ActionDraft };
  /** The group a row of a number and a name opened ("1. | Recruitment"): such rows are the groups. */
  numberedGroup?: ThemeDraft;
  /** The workbook's sheet being read. */
  sheet?: string;
  /** A sheet opened after the plan's tables: its lines, if no rule takes them, are a section of its name. */
  sheetText?: string;
  /** The last actions' rows were a list's (numbered paragraphs, bullets: layouts/), not a table's. */
  listRows?: boolean;
  /** A sheet's grouped rows, as read (build/outline-rows.ts). */
  outline?: OutlineState;
  /** A table's rows of an action's sub-items, under a header of their own (build/sub-tables.ts). */
  subTable?: SubTable;
}

/**
 * Rows under a header of their own within an action table, the action above's sub-items: read with
 * that header, as long as their cells stay within its columns `from`–`to`.
 */
export interface SubTable {
  mapping: ActiveMapping;
  host: ActionDraft;
  table: number;
  from: number;
  to: number;
  /** Its header starts right of the table's (the first column left empty under the items' titles). */
  indented: boolean;
}

/**
 * How a table's rows grouped with Excel's outline read: the level that holds its groups, if one does,
 * and the rows open above the next (the last action, then its sub-actions), each with its level.
 */
export interface OutlineState {
  mapping: ActiveMapping;
  table: number;
  /** Its groups' rows come above their rows, not below (a sheet's totals under what they add up). */
  readable: boolean;
  groupLevel?: number;
  /**
   * Rows at the group level that head rows with rows of their own under them (a tree three levels deep):
   * groups even with a lead (a workstream's owner), build/outline-rows.ts.
   */
  treeGroups?: ReadonlySet<SourceItem>;
  open: { level: number; draft: ActionDraft }[];
}

export function emptyDrafts(): Drafts {
  return {
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
}

export const warn = (s: BuildState, code: string, message: string, where: string) =>
  s.d.warnings.push({ code, message, where });

export const newActionDraft = (fields: ActionDraft['fields'], where: string, ref?: string): ActionDraft => ({
  ...(ref ? { ref } : {}),
  fields,
  subActions: [],
  unplaced: [],
  extra: [],
  where,
});
