import type { PlanKind } from '@peopleplan/core';
import { MILESTONE_N } from './milestone-columns.js';
import type { ColumnField, TableKind } from './parsed-plan.js';
import { OTHER_TABLE_SYNONYMS } from './synonyms-other-tables.js';

/**
 * The vocabulary councils use in their tables, as data: add a synonym here, not a branch in code.
 * Strings match the whole header (after `normalizeHeader`, and also with its spaces removed so that
 * Word's split words like "Operation al Lead" still match); a header that starts with a synonym
 * matches with lower confidence. `kinds` are cues for detecting the plan kind.
 */
export interface HeaderSynonym {
  table: TableKind;
  field: ColumnField;
  match: (string | RegExp)[];
  kinds?: PlanKind[];
}

export const HEADER_SYNONYMS: HeaderSynonym[] = [
  // Action tables, across the kinds of plan councils and other public bodies publish: action plans,
  // peer-review and audit recommendation trackers, equality and workforce plans, IiP and business plans.
  {
    table: 'actions',
    field: 'group',
    match: [
      'heading',
      'theme',
      'key priority',
      'priority area',
      'key priority area',
      'objective area',
      'strategic objective',
      'strategic objectives',
      'council plan objectives',
      'council plan objective',
      'focus area',
      'area of focus',
      'goal',
      'goals',
      'principle',
      'workstream',
      'work stream',
      'outcome area',
      // An audit tracker lists each audit's recommendations under the audit's name, row by row. Whole
      // names only: "Audit appraisal returns" is an action, not a header.
      /^audit(?: title| name| area| report)?$/,
      // The NHS People Promise: trusts' people plans group their actions by its elements.
      /^(?:our )?people promise(?: (?:theme|element|pillar|area))?$/,
      // A project tool's grouping of its tasks (Planner's buckets, Asana's sections, Monday.com's groups).
      // Whole names only: "Section 75 Annual" is a cell, not a header.
      /^(?:bucket|bucket name|section|section column)$/,
    ],
  },
  { table: 'actions', field: 'group', match: ['area', 'area number', 'area no'], kinds: ['iip-assessment'] },
  {
    table: 'actions',
    field: 'ref',
    match: [
      'ref',
      'reference',
      'no',
      'number',
      'action no',
      'item',
      'id',
      'action id',
      'ref no',
      'ref number',
      'reference number',
      'action ref',
      'action number',
      // An audit tracker's recommendation numbers ("Rec No", "Rec ref"): the refs the audit report uses.
      'rec no',
      'rec ref',
      'rec number',
      'recommendation no',
      'recommendation number',
      'recommendation ref',
    ],
  },
  {
    table: 'actions',
    field: 'title',
    match: ['what we ll do', 'what we will do'],
    kinds: ['people-strategy'],
  },
  { table: 'actions', field: 'title', match: ['challenge', 'challenges'], kinds: ['peer-review'] },
  {
    table: 'actions',
    field: 'themeDescription',
    match: ['issue being faced', 'issues being faced', 'issue faced', 'issues faced'],
    kinds: ['iip-assessment'],
  },
  {
    table: 'actions',
    field: 'title',
    match: ['actions needed or planned', 'action needed or planned', 'actions planned', 'planned actions'],
    kinds: ['iip-assessment'],
  },
  {
    table: 'actions',
    field: 'title',
    match: [
      'recommendation',
      'recommendations',
      'auditor s recommendations',
      'auditors recommendations',
      'audit recommendation',
      'area for improvement',
      'areas for improvement',
    ],
    kinds: ['peer-review'],
  },
  {
    table: 'actions',
    field: 'title',
    match: [
      'issue',
      'action',
      'actions',
      // A SharePoint or Microsoft Lists export's item name: the word alone ("Agenda title" is not one).
      /^(?:action\s+)?title$/,
      'objective',
      'objectives',
      'task',
      'tasks',
      // A project tool's export (Microsoft Planner, Asana, Smartsheet, Monday.com): the item's name.
      'task name',
      'task title',
      'item name',
      // Whole names only: "Name of plan" or "Name of officer" is not the item's.
      /^name$/,
      'key actions',
      'key action',
      'actions and outputs',
      'action required',
      'actions required',
      'action to be taken',
      'actions to be taken',
      'proposed action',
      'proposed actions',
      'action description',
      'activity',
      'activities',
      'governance issue',
      'commitment',
      'commitments',
      'action items',
      'target',
      'targets',
      'indicator',
      'indicators',
      'milestone',
      'improvement action',
      'what',
      'what will we do',
      'what we are going to do',
      // A SMART plan's columns, each letter a column: "Specific (what will we do?)" names the action.
      'specific',
    ],
  },
  { table: 'actions', field: 'description', match: ['description', 'details', 'detail', 'narrative'] },
  {
    table: 'actions',
    field: 'outcome',
    match: [
      'to achieve what',
      'outcome',
      'intended outcome',
      'expected outcome',
      'expected outcomes',
      'desired outcome',
      'desired outcomes',
      'desired result',
      'desired results',
      'outcomes',
      'outcome planned',
      'outcomes targets',
      'benefits',
      'deliverable',
      'deliverables',
      'outputs',
      'aim',
      'aims',
      'year aim',
      '5 year aim',
      'equality aim',
      'purpose',
      'rationale',
      'why',
    ],
    kinds: ['people-strategy'],
  },
  {
    table: 'actions',
    field: 'currentPosition',
    match: [
      'action needed and current position',
      'action needed',
      'actions needed',
      'current position',
      'current status',
      'position',
      'action update',
      'background information',
      'background',
    ],
  },
  // Dated steps of each action, one a line ("Jun 2026 – panels trained"); a table of the plan's own key
  // milestones is its own kind (below), told apart by its other columns.
  {
    table: 'actions',
    field: 'milestones',
    // Whole names only: "Key milestones" alone heads a table of the plan's own milestones (its title
    // column); beside an action's columns it is each action's.
    match: [
      /^(?:(?:key\s+)?milestones|milestones and dates|key steps|interim milestones|milestone dates)$/,
      // A milestone a column ("Milestone 1", "Key milestone 2"), each paired with its date column.
      MILESTONE_N,
    ],
  },
  {
    table: 'actions',
    field: 'yearActions',
    match: ['corporate actions', 'actions by year', 'annual actions'],
    kinds: ['people-strategy'],
  },
  {
    table: 'actions',
    field: 'lead:member',
    match: ['member lead', 'lead member', 'portfolio holder', 'lead councillor', 'cabinet member'],
    kinds: ['peer-review'],
  },
  { table: 'actions', field: 'lead:strategic', match: ['strategic lead'], kinds: ['peer-review'] },
  { table: 'actions', field: 'lead:operational', match: ['operational lead'], kinds: ['peer-review'] },
  {
    table: 'actions',
    field: 'lead:accountable',
    match: [
      'accountable officer',
      'accountable',
      'owner',
      'lead officer',
      'accountable person',
      'accountable persons',
      'executive lead',
      'lead director',
      'sponsor',
      // The NHS's and programme boards' accountable lead.
      'sro',
      'senior responsible officer',
      'senior responsible owner',
    ],
    kinds: ['business-plan'],
  },
  {
    table: 'actions',
    field: 'lead:responsible',
    match: [
      'who',
      // "Team" alone names who delivers; "Team plan …" is a title, so no longer forms.
      /^(?:delivery |project )?team$/,
      'responsibility',
      'responsible',
      'lead',
      'by whom',
      'responsible officer',
      'responsible person',
      'responsible persons',
      'person responsible',
      'persons responsible',
      'person s responsible',
      'who is responsible',
      'lead responsibility',
      'lead officer s',
      'action owner',
      'officer',
      'custodian',
      'action custodian',
      'lead person',
      'lead manager',
      'responsible officer s',
      'assigned to',
      'assignee',
      'assignees',
      // A project tool's people column (Monday.com's "Person", "People"). Whole names only: "Our people"
      // or "People services" is a group or a team, never the column of who leads.
      /^(?:person|persons|people)$/,
    ],
  },
  {
    table: 'actions',
    field: 'completed',
    // Whole names only, and only dates of completion: a bare "Completed" column may hold a percentage.
    match: [/^(?:completed date|completed at|completed on|date completed)$/],
  },
  {
    table: 'actions',
    field: 'start',
    match: ['start date', 'start', 'from', 'commencement date', 'commencement', 'date started', 'begin'],
  },
  {
    table: 'actions',
    field: 'due',
    match: [
      'deadline',
      'timescales',
      'timescale',
      'end date',
      'due date',
      'due',
      'target date',
      'target dates',
      'by when',
      'date',
      'completion date',
      'target completion date',
      'expected completion date',
      'completion year',
      'completion',
      'finish date',
      'finish',
      'end',
      'when',
      'timeframe',
      'timeframes',
      'time frame',
      'timeline',
      'timelines',
      'date due',
      'due by',
      'date for completion',
      'target',
      // An audit or inspection action plan's date the management response gives.
      'implementation date',
      'agreed implementation date',
      'target implementation date',
      'proposed implementation date',
      'date of implementation',
      'implementation timescale',
      // A SMART plan's "Time-bound (by when?)".
      'time bound',
      'timebound',
    ],
  },
  {
    table: 'actions',
    field: 'progress',
    match: [
      'progress',
      'progress to date',
      'update',
      'comments',
      'evidence of progress',
      'progress update',
      'update on progress',
      'achievements',
      'program response',
      'programme response',
      'management response',
      'response',
      'progress evidence',
      'evidence',
      'notes',
      'commentary',
    ],
  },
  {
    table: 'actions',
    field: 'status',
    match: [
      'status',
      'rag',
      'rag status',
      'rag rating',
      'progress rag',
      'rag progress',
      'status rag',
      'status/rag',
      'rag/status',
      'current rag',
      'overall rag',
      // Blue-RAG (blue for complete), as NHS bodies rate progress.
      'brag',
      'brag status',
      'brag rating',
      'task status',
      'assessment',
      'progress status',
      // A status a quarter: "Q1 RAG", "RAG Q2", "Q3 status", "Quarter 4 RAG".
      /^(?:q|quarter\s*)[1-4]\s+(?:rag|status)(?:\s+status)?$/,
      /^(?:rag|status)\s+(?:q|quarter\s*)[1-4]$/,
    ],
  },
  // Constraints and measures of success are columns of many plans (SMART, equality, team plans), not
  // evidence of an Investors in People plan: that is its words or its template's own columns (above).
  { table: 'actions', field: 'constraints', match: ['constraints', 'barriers'] },
  {
    table: 'actions',
    field: 'measureOfSuccess',
    match: [
      'measure of success',
      'measures of success',
      'success measure',
      'success measures',
      'success criteria',
      'measure',
      'measures',
      'how will we measure success',
      'how will we know',
      'evidence of success',
      'kpi',
      'kpis',
      // A SMART plan's "Measurable (how will we know?)".
      'measurable',
    ],
  },
  // Columns known to be neither a field of an action nor another table: kept on each row as named
  // extra fields, and known so that a header line of column names can be told from a sentence.
  {
    table: 'actions',
    field: 'ignore',
    match: [
      // A list export's own columns (SharePoint, Microsoft Lists, project tools) and sheets' worked-out
      // counters. A tool's task id is its database's, not a ref the council uses.
      'task id',
      'parent task',
      'created date',
      'created at',
      'last modified',
      'completed by',
      'is recurring',
      'checklist items',
      'completed checklist items',
      'assignee email',
      // Whole names only: "Late actions" or "Projects and programmes" could head the plan's own columns.
      /^(?:late|projects|labels|tags)$/,
      'item type',
      'content type',
      'path',
      'created',
      'modified',
      'created by',
      'modified by',
      'attachments',
      'compliance asset id',
      /^days\b/,
      // When the action is next looked at or was last updated, not when it is due ("Timescale | Next
      // review date", as an IiP or audit plan has): kept under its name, never joined to the deadline.
      // Whole names only: "Review date agreed with unions" is an action's words.
      /^(?:next review(?: date)?|date of next review|review date|last review(?:ed| date)|date last (?:reviewed|updated)|last updated)$/,
      'governance forum',
      'governance group',
      'reporting forum',
      'monitoring forum',
      'supporting partners',
      'resource implications',
      'resources',
      'cost',
      'costs',
      'project',
    ],
  },
  // The plan's other tables: key milestones, decisions, continuity, indicators, dependencies, narrative.
  ...OTHER_TABLE_SYNONYMS,
];

/** Lead role for each lead column. */
export const LEAD_FIELD_ROLES = {
  'lead:member': 'member',
  'lead:strategic': 'strategic',
  'lead:operational': 'operational',
  'lead:accountable': 'accountable',
  'lead:responsible': 'responsible',
} as const;
