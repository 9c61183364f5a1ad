import { Lead, PeriodValue, PlanKind, Section, Status, Timescale } from '@peopleplan/core';
import { z } from 'zod';
import { COLUMN_FIELDS } from './column-fields.js';

/**
 * What the importer hands to the preview screen and to the commit step. Every field maps onto a core
 * entity (packages/core/src/entities.ts); nothing here has an id yet: refs tie the parts together.
 * Text is kept as written (Word's split words included); anything the parser could not place sits in
 * an `unplaced` list and is named in `warnings`.
 */

export const SourceFormat = z.enum(['text', 'csv', 'xlsx', 'docx', 'html', 'pdf']);
export type SourceFormat = z.infer<typeof SourceFormat>;

/** A cross-reference such as "See Diversity": `targetRef` is an action ref, `targetThemeRef` a theme ref. */
export const ParsedCrossRef = z.strictObject({
  text: z.string().min(1),
  targetRef: z.string().optional(),
  targetThemeRef: z.string().optional(),
});
export type ParsedCrossRef = z.infer<typeof ParsedCrossRef>;

/** A milestone that belongs to one action (a people-strategy year row: "2005-06 Implement …"). */
export const ParsedActionMilestone = z.strictObject({
  ref: z.string().min(1).max(20),
  title: z.string().min(1),
  due: Timescale,
  /** The plan marks it done ("complete: true"). */
  completed: z.boolean().optional(),
});
export type ParsedActionMilestone = z.infer<typeof ParsedActionMilestone>;

export interface ParsedAction {
  /** As written ("1.2", "A") or, when `generatedRef`, numbered by the importer in document order. */
  ref: string;
  generatedRef: boolean;
  title: string;
  /** Narrative with no column of its own (best-value proposals, phase introductions). */
  description?: string;
  outcome?: string;
  currentPosition?: string;
  constraints?: string;
  measureOfSuccess?: string;
  leads: Lead[];
  start?: Timescale;
  due?: Timescale;
  status?: Status;
  /** Progress narrative as written: the commit step turns it into the first progress update. */
  progress?: string;
  crossRefs: ParsedCrossRef[];
  subActions: ParsedAction[];
  milestones: ParsedActionMilestone[];
  unplaced: string[];
  /** Cells under columns the importer does not know, named by their header ("Supporting Partners"). */
  extra?: ParsedExtraField[];
}

/** A cell under a column with no field of its own, kept on its row under the column's name. */
export const ParsedExtraField = z.strictObject({ label: z.string().min(1).max(300), text: z.string() });
export type ParsedExtraField = z.infer<typeof ParsedExtraField>;

export const ParsedAction: z.ZodType<ParsedAction> = z.lazy(() =>
  z.strictObject({
    ref: z.string().min(1).max(20),
    generatedRef: z.boolean(),
    title: z.string().min(1),
    description: z.string().optional(),
    outcome: z.string().optional(),
    currentPosition: z.string().optional(),
    constraints: z.string().optional(),
    measureOfSuccess: z.string().optional(),
    leads: z.array(Lead),
    start: Timescale.optional(),
    due: Timescale.optional(),
    status: Status.optional(),
    progress: z.string().optional(),
    crossRefs: z.array(ParsedCrossRef),
    subActions: z.array(ParsedAction),
    milestones: z.array(ParsedActionMilestone),
    unplaced: z.array(z.string()),
    extra: z.array(ParsedExtraField).optional(),
  }),
);

export const ParsedTheme = z.strictObject({
  ref: z.string().max(20),
  title: z.string().min(1),
  /** The heading as written ("Key priority 1: …", "PRIORITY 3: Partnership", "Leadership"). */
  label: z.string().optional(),
  description: z.string().optional(),
  actions: z.array(ParsedAction),
});
export type ParsedTheme = z.infer<typeof ParsedTheme>;

/** A plan-level key milestone (seed 003) citing the actions it belongs to. */
export const ParsedMilestone = z.strictObject({
  ref: z.string().min(1).max(20),
  themeRef: z.string().optional(),
  title: z.string().min(1),
  due: Timescale,
  actionRefs: z.array(z.string()),
});
export type ParsedMilestone = z.infer<typeof ParsedMilestone>;

export const ParsedRisk = z.strictObject({
  description: z.string().min(1),
  mitigation: z.string().optional(),
  likelihood: z.string().optional(),
  impact: z.string().optional(),
  ownerLabel: z.string().optional(),
});
export type ParsedRisk = z.infer<typeof ParsedRisk>;

export const ParsedIndicator = z.strictObject({
  name: z.string().min(1),
  unit: z.string().optional(),
  frequency: z.enum(['quarterly', 'annual']).optional(),
  floorStandard: z.number().nullable().optional(),
  baseline: PeriodValue.optional(),
  benchmark: z.string().optional(),
  targets: z.array(PeriodValue),
  actuals: z.array(PeriodValue),
});
export type ParsedIndicator = z.infer<typeof ParsedIndicator>;

export const ParsedContinuity = z.strictObject({
  name: z.string().min(1),
  /** Recovery timescale as written ("3 days"): core keeps it as text. */
  timescale: z.string().optional(),
  minimumServiceLevel: z.string().optional(),
});
export type ParsedContinuity = z.infer<typeof ParsedContinuity>;

export const ParsedDecision = z.strictObject({
  ref: z.string().optional(),
  themeRef: z.string().optional(),
  title: z.string().min(1),
  decisionMaker: z.string().optional(),
  due: Timescale.optional(),
  /** "Are these already in the forward plan? Yes/No" as written. */
  inForwardPlan: z.string().optional(),
});
export type ParsedDecision = z.infer<typeof ParsedDecision>;

/** Activity needing support from another division (seed 003 section G). */
export const ParsedDependency = z.strictObject({
  /** The division or service asked for support, as written. */
  fromUnit: z.string(),
  description: z.string().min(1),
  /** Refs of actions whose title matches the activity. */
  actionRefs: z.array(z.string()),
  expected: Timescale.optional(),
});
export type ParsedDependency = z.infer<typeof ParsedDependency>;

export { COLUMN_FIELDS };
export const ColumnField = z.enum(COLUMN_FIELDS);
export type ColumnField = z.infer<typeof ColumnField>;

export const TABLE_KINDS = [
  'actions',
  'milestones',
  'decisions',
  'risks',
  'continuity',
  'indicators',
  'dependencies',
  'other',
] as const;
export const TableKind = z.enum(TABLE_KINDS);
export type TableKind = z.infer<typeof TableKind>;

/** How one header cell was read. `confidence` 1 = exact synonym, < 0.7 = inferred from the cells below. */
export const ColumnMapping = z.strictObject({
  index: z.number().int().min(0),
  header: z.string(),
  field: ColumnField,
  /** Reporting period a target/actual column stands for ("2013-14 Q1"). */
  period: z.string().optional(),
  confidence: z.number().min(0).max(1),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const TableMapping = z.strictObject({
  /** Order of the header row in the document (0-based), so the UI can show it beside the rows. */
  table: z.number().int().min(0),
  kind: TableKind,
  columns: z.array(ColumnMapping),
});
export type TableMapping = z.infer<typeof TableMapping>;

/** A heading or label the parser consumed as structure ("Phase 1 …", "Proposed improvements"). */
export const HeadingMapping = z.strictObject({ text: z.string(), as: z.string() });

export const ImportWarning = z.strictObject({
  code: z.string(),
  message: z.string(),
  /** Where in the document: "line 14", "action 1.3", "table 2". */
  where: z.string(),
  /**
   * The import may be wrong as a whole (no actions found, most text not placed): a person must say
   * they have seen it before the plan is committed (see `unacknowledgedWarnings`).
   */
  requiresAcknowledgement: z.boolean().optional(),
});
export type ImportWarning = z.infer<typeof ImportWarning>;

export const ParsedPlan = z.strictObject({
  format: SourceFormat,
  kind: PlanKind,
  /** What the plan's headings call its groups ("Theme 1: …" gives "Theme"), when most agree. */
  themeNoun: z.string().max(40).optional(),
  title: z.string().min(1),
  period: z
    .strictObject({ label: z.string().optional(), start: z.string().optional(), end: z.string().optional() })
    .optional(),
  directorate: z.string().optional(),
  division: z.string().optional(),
  ownerLabel: z.string().optional(),
  sections: z.array(Section),
  themes: z.array(ParsedTheme),
  milestones: z.array(ParsedMilestone),
  risks: z.array(ParsedRisk),
  indicators: z.array(ParsedIndicator),
  continuity: z.array(ParsedContinuity),
  decisions: z.array(ParsedDecision),
  dependencies: z.array(ParsedDependency),
  unplaced: z.array(z.string()),
  mapping: z.strictObject({ tables: z.array(TableMapping), headings: z.array(HeadingMapping) }),
  warnings: z.array(ImportWarning),
});
export type ParsedPlan = z.infer<typeof ParsedPlan>;

/** Header → field overrides chosen in the preview UI, keyed by the header text as written. */
export type MappingOverride = Record<string, ColumnField>;
