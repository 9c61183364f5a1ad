import type { HeaderSynonym } from './synonyms.js';

/**
 * The vocabulary of a plan's tables other than its actions (synonyms.ts has the actions' and says how
 * matching works): key milestones, decisions, continuity, indicators, dependencies, and tables kept as
 * narrative so that their rows are never read as actions.
 */
export const OTHER_TABLE_SYNONYMS: HeaderSynonym[] = [
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
  // A sign-off or approval table ("Name | Role | Date", "Name | Job title | Signature"): who agreed the
  // plan, never its actions. "Name" alone heads a project tool's items: only beside these it is not one.
  {
    table: 'other',
    field: 'title',
    match: [
      'name',
      'role',
      'job title',
      'signature',
      'signed',
      'date signed',
      'signed off by',
      'approved by',
    ],
  },
];
