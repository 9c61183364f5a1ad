import type { PlanKind } from '@peopleplan/core';
import type { ColumnField, TableKind } from './parsed-plan.js';

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
    // Whole names only: "Key milestones" heads a table of the plan's own milestones.
    match: [/^(?:milestones|milestones and dates|key steps|interim milestones|milestone dates)$/],
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
    ],
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
      'task status',
      'assessment',
      'progress status',
      // A status a quarter: "Q1 RAG", "RAG Q2", "Q3 status", "Quarter 4 RAG".
      /^(?:q|quarter\s*)[1-4]\s+(?:rag|status)(?:\s+status)?$/,
      /^(?:rag|status)\s+(?:q|quarter\s*)[1-4]$/,
    ],
  },
  { table: 'actions', field: 'constraints', match: ['constraints', 'barriers'], kinds: ['iip-assessment'] },
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
    ],
    kinds: ['iip-assessment'],
  },
  // Columns known to be neither a field of an action nor another table: kept on each row as named
  // extra fields, and known so that a header line of column names can be told from a sentence.
  {
    table: 'actions',
    field: 'ignore',
    match: [
      // A list export's own columns (SharePoint, Microsoft Lists) and sheets' worked-out counters.
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
  // Key milestones (seed 003): "KEY MILESTONES | … | DATE (month/year)".
  {
    table: 'milestones',
    field: 'title',
    match: ['key milestones', 'milestones', 'milestone'],
    kinds: ['business-plan'],
  },
  { table: 'milestones', field: 'due', match: ['date', 'due', 'due date', 'target date'] },
  // Key decisions.
  {
    table: 'decisions',
    field: 'title',
    match: [
      /^are there any key or significant decisions/,
      'key decisions',
      'significant decisions',
      'decisions',
    ],
    kinds: ['business-plan'],
  },
  {
    table: 'decisions',
    field: 'forwardPlan',
    match: [/^are these already in the forward plan/, 'forward plan'],
  },
  { table: 'decisions', field: 'decisionMaker', match: ['decision maker', 'decision taker'] },
  // Risks.
  { table: 'risks', field: 'title', match: ['risks', 'risk', 'risk description'] },
  { table: 'risks', field: 'mitigation', match: ['mitigation', 'mitigating actions', 'controls'] },
  { table: 'risks', field: 'likelihood', match: ['likelihood', 'probability'] },
  { table: 'risks', field: 'impact', match: ['impact', 'severity'] },
  { table: 'risks', field: 'owner', match: ['risk owner', 'owner'] },
  // Business continuity.
  {
    table: 'continuity',
    field: 'title',
    match: ['critical functions', 'critical function', 'business continuity'],
  },
  { table: 'continuity', field: 'timescale', match: ['timescale', 'recovery time', 'recovery timescale'] },
  { table: 'continuity', field: 'minimumServiceLevel', match: ['minimum service level'] },
  // Performance indicators.
  {
    table: 'indicators',
    field: 'title',
    match: [/^performance indicators?\b/, /^activity indicators?\b/, 'indicator', 'indicators', 'measure'],
  },
  { table: 'indicators', field: 'floorStandard', match: ['floor performance standard', 'floor standard'] },
  { table: 'indicators', field: 'baseline', match: [/\boutturn\b/, 'baseline'] },
  { table: 'indicators', field: 'benchmark', match: ['comparative benchmark', 'benchmark'] },
  { table: 'indicators', field: 'target', match: [/^target\b/, 'targets'] },
  { table: 'indicators', field: 'actual', match: [/^actual\b/, 'actuals'] },
  { table: 'indicators', field: 'unit', match: ['unit', 'units'] },
  // Activity needing support from other divisions.
  {
    table: 'dependencies',
    field: 'title',
    match: ['activity details', 'activity requiring support', 'support required'],
  },
  {
    table: 'dependencies',
    field: 'fromUnit',
    match: ['expected impact', 'supporting division', 'division', 'service'],
  },
  { table: 'dependencies', field: 'due', match: ['expected date'] },
  // Tables kept as narrative: recognised so their rows are not read as actions.
  { table: 'other', field: 'title', match: ['financial resources', 'divisional unit', 'fte establishment'] },
];

/** Lead role for each lead column. */
export const LEAD_FIELD_ROLES = {
  'lead:member': 'member',
  'lead:strategic': 'strategic',
  'lead:operational': 'operational',
  'lead:accountable': 'accountable',
  'lead:responsible': 'responsible',
} as const;

/** Theme headings: a paragraph or the first cell of a row. Group 1 = number, group 2 = title. */
export const THEME_PATTERNS: { re: RegExp; kinds: PlanKind[] }[] = [
  { re: /^key\s+priority\s+(\d+)\s*[:.\-–—]?\s*(.*)$/i, kinds: ['people-strategy'] },
  { re: /^priority\s+(\d+)\s*[:.\-–—]\s*(.*)$/i, kinds: ['business-plan'] },
  { re: /^service\s+improvement\s+(\d+)\s*[:.\-–—]?\s*(.*)$/i, kinds: ['best-value-review'] },
  { re: /^area\s+(\d+)\s*[:.\-–—]\s*(.+)$/i, kinds: ['iip-assessment'] },
  { re: /^theme\s+(\d+)\s*[:.\-–—]?\s*(.*)$/i, kinds: [] },
  {
    re: /^(?:strategic\s+)?(?:objective|goal|aim|outcome|commitment)\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:[:.\-–—]\s*(.*))?$/i,
    kinds: [],
  },
];

/** Labels inside a theme row that introduce its description ("DESCRIPTION OF PRIORITY: …"). */
export const THEME_DESCRIPTION_LABEL = /^description(?:\s+of\s+(?:priority|theme|area))?\s*:\s*/i;

/** Narrative headings that start a free-text section (matched against the whole trimmed line). */
export const SECTION_HEADINGS: RegExp[] = [
  /^section\s+[a-z]\s*[:.\-–—]\s*.+$/i,
  /^executive\s+summary:?$/i,
  /^(?:\d+\.\s*)?executive\s+summary$/i,
  /^service\s+budget$/i,
  /^core\s+review\s+team\s+membership$/i,
  /^terms\s+of\s+reference\b.*$/i,
  /^sections\s+of\s+report$/i,
  /^service\s+improvements$/i,
  /^reports\s+on\s+areas\s+of\s+research$/i,
  /^area\s+of\s+work\s+\d+\b.*$/i,
  /^(?:conclusions?|next\s+steps|glossary|introduction|background|purpose|summary|recommendations|findings)$/i,
];

/** Inside a narrative theme (best-value reviews): sub-headings and what they introduce. */
export const NARRATIVE_LABELS = {
  description: /^description$/i,
  phase: /^phase\s+(\d+)\s*[:.\-–—]?\s*(.*)$/i,
  proposals:
    /^(?:proposed\s+(?:service\s+)?improvements?(?:\s+targets)?|proposed\s+actions|recommendations)$/i,
  underway:
    /^(?:service\s+improvements\s+)?currently\s+underway$|^service\s+improvements\s+currently\s+underway$/i,
};

/** Words in the plan's title (and first lines) that point at a kind. */
export const TITLE_KIND_CUES: { re: RegExp; kind: PlanKind }[] = [
  { re: /\bpeer\s+review\b/i, kind: 'peer-review' },
  { re: /\bbest\s+value\b/i, kind: 'best-value-review' },
  { re: /\bbusiness\s+plan\b/i, kind: 'business-plan' },
  { re: /\binvestors\s+in\s+people\b|\biip\b/i, kind: 'iip-assessment' },
  {
    re: /\bstrategy\b.*\bpeople\b|\bpeople\b.*\bstrategy\b|\bworkforce\s+strategy\b|\b(?:people|workforce)\s+plan\b/i,
    kind: 'people-strategy',
  },
];
