import type { Action, LeadRole, PlanKind } from '@peopleplan/core';

/**
 * Which columns a plan's table shows, by kind: councils read their plan in the columns they wrote it
 * in. Each column names what it shows; the plan page renders the cells. Status is PeoplePlan's own
 * column, not the council's: it comes straight after what the action is, so the column people come
 * for is on screen however many columns the plan has and however narrow the window. The app's own
 * words where a kind's would mislead: an action's leads are "Lead" (a column of one role keeps the
 * role's name), its milestones "Milestones".
 */
export type Cell =
  | { type: 'ref' }
  | { type: 'title' }
  | { type: 'text'; field: 'outcome' | 'currentPosition' | 'constraints' | 'measureOfSuccess' }
  | { type: 'leads'; roles: LeadRole[] | 'all' }
  | { type: 'timescale'; field: 'start' | 'due' }
  | { type: 'milestones' }
  | { type: 'progress' }
  | { type: 'status' };

export interface Column {
  heading: string;
  cell: Cell;
  /** Narrow columns (refs, dates, tags) do not wrap at the expense of text. */
  narrow?: boolean;
}

const ref: Column = { heading: 'Ref', cell: { type: 'ref' }, narrow: true };
const status: Column = { heading: 'Status', cell: { type: 'status' }, narrow: true };

export const PLAN_COLUMNS: Record<PlanKind, Column[]> = {
  'people-strategy': [
    ref,
    { heading: 'What we’ll do', cell: { type: 'title' } },
    status,
    { heading: 'To achieve what', cell: { type: 'text', field: 'outcome' } },
    { heading: 'Milestones', cell: { type: 'milestones' } },
    { heading: 'Lead', cell: { type: 'leads', roles: 'all' } },
    { heading: 'Progress', cell: { type: 'progress' } },
  ],
  'peer-review': [
    ref,
    { heading: 'Challenge', cell: { type: 'title' } },
    status,
    { heading: 'Action needed and current position', cell: { type: 'text', field: 'currentPosition' } },
    { heading: 'Member lead', cell: { type: 'leads', roles: ['member'] }, narrow: true },
    { heading: 'Strategic lead', cell: { type: 'leads', roles: ['strategic'] }, narrow: true },
    {
      heading: 'Operational lead',
      cell: { type: 'leads', roles: ['operational', 'responsible', 'accountable'] },
      narrow: true,
    },
    { heading: 'Deadline', cell: { type: 'timescale', field: 'due' }, narrow: true },
  ],
  'best-value-review': [
    ref,
    { heading: 'Description', cell: { type: 'title' } },
    status,
    { heading: 'Proposed improvement targets', cell: { type: 'text', field: 'measureOfSuccess' } },
    { heading: 'Lead', cell: { type: 'leads', roles: 'all' } },
    { heading: 'Timescale', cell: { type: 'timescale', field: 'due' }, narrow: true },
  ],
  'business-plan': [
    ref,
    { heading: 'Action', cell: { type: 'title' } },
    status,
    { heading: 'Lead', cell: { type: 'leads', roles: 'all' } },
    { heading: 'Start', cell: { type: 'timescale', field: 'start' }, narrow: true },
    { heading: 'End', cell: { type: 'timescale', field: 'due' }, narrow: true },
  ],
  'iip-assessment': [
    ref,
    { heading: 'Issue being faced', cell: { type: 'title' } },
    status,
    { heading: 'Actions needed or planned', cell: { type: 'text', field: 'outcome' } },
    { heading: 'Lead', cell: { type: 'leads', roles: 'all' } },
    { heading: 'Timescales', cell: { type: 'timescale', field: 'due' }, narrow: true },
    { heading: 'Constraints', cell: { type: 'text', field: 'constraints' } },
    { heading: 'Measure of success', cell: { type: 'text', field: 'measureOfSuccess' } },
  ],
};

/** What a column's cells are read from. */
export type ColumnAction = Pick<
  Action,
  | 'id'
  | 'due'
  | 'start'
  | 'outcome'
  | 'currentPosition'
  | 'constraints'
  | 'measureOfSuccess'
  | 'leads'
  | 'latestUpdate'
>;

/** Whether an action has something to show in a column (the action itself and its status always do). */
function hasValue(cell: Cell, a: ColumnAction, hasMilestones: (actionId: string) => boolean): boolean {
  switch (cell.type) {
    case 'text':
      return Boolean(a[cell.field]?.trim());
    case 'leads':
      return cell.roles === 'all'
        ? a.leads.length > 0
        : a.leads.some((l) => (cell.roles as string[]).includes(l.role));
    case 'timescale':
      return Boolean(a[cell.field]);
    case 'milestones':
      return hasMilestones(a.id);
    case 'progress':
      return Boolean(a.latestUpdate || a.currentPosition?.trim());
    default:
      return true;
  }
}

/**
 * The columns a plan's tables show: its kind's, each only when some action has a value for it (an
 * always-empty column says nothing and pushes the others off a narrow screen), and a due date column
 * when its actions have dates the kind's columns would not show (a people strategy read from a table
 * with a target date column), before the progress column or else last.
 */
export function columnsFor(
  kind: PlanKind,
  actions: ReadonlyArray<ColumnAction>,
  hasMilestones: (actionId: string) => boolean = () => false,
): Column[] {
  const columns = PLAN_COLUMNS[kind].filter((c) => actions.some((a) => hasValue(c.cell, a, hasMilestones)));
  const showsDue = PLAN_COLUMNS[kind].some((c) => c.cell.type === 'timescale' && c.cell.field === 'due');
  if (showsDue || !actions.some((a) => a.due)) return columns;
  const progress = columns.findIndex((c) => c.cell.type === 'progress');
  const at = progress < 0 ? columns.length : progress;
  const due: Column = { heading: 'Due', cell: { type: 'timescale', field: 'due' }, narrow: true };
  return [...columns.slice(0, at), due, ...columns.slice(at)];
}

/** Actions in document order with sub-actions straight after their parent. */
export function orderActions<A extends Pick<Action, 'id' | 'parentId' | 'order'>>(
  actions: A[],
): Array<A & { depth: number }> {
  const byParent = new Map<string | undefined, A[]>();
  const ids = new Set(actions.map((a) => a.id));
  for (const a of actions) {
    // A sub-action whose parent is filtered out stands on its own.
    const key = a.parentId && ids.has(a.parentId) ? a.parentId : undefined;
    byParent.set(key, [...(byParent.get(key) ?? []), a]);
  }
  const out: Array<A & { depth: number }> = [];
  const walk = (parent: string | undefined, depth: number) => {
    for (const a of (byParent.get(parent) ?? []).sort((x, y) => x.order - y.order)) {
      out.push({ ...a, depth });
      walk(a.id, depth + 1);
    }
  };
  walk(undefined, 0);
  return out;
}
