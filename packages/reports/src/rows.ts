import type { IsoDate } from '@peopleplan/core';
import { dateOfShown } from './format.js';
import type { ActionRow, MilestoneRow, ReportModel } from './model.js';

/** One flat row per action and per milestone: the shape of the CSV and XLSX exports. */
export interface ExportRow {
  plan: string;
  theme: string;
  ref: string;
  type: 'Action' | 'Milestone';
  title: string;
  /** For a milestone, the refs of the actions it serves; for a sub-action, its parent's ref. */
  relatedActions: string;
  leads: string;
  startWritten: string;
  startParsed: IsoDate | '';
  dueWritten: string;
  dueParsed: IsoDate | '';
  /** Milestones only: the first committed due date. */
  baselineDue: IsoDate | '';
  completedOn: IsoDate | '';
  status: string;
  rag: string;
  latestUpdateDate: IsoDate | '';
  latestUpdate: string;
  /**
   * For an ended period, the day an item was added when that was after the period: a field of its own,
   * so the title stays the item's title for the systems that read the export (Word and web say it in words).
   */
  addedAfterPeriod: IsoDate | '';
}

export interface ExportColumn {
  key: keyof ExportRow;
  header: string;
  /** Column width in characters (XLSX). */
  width: number;
  /** Holds an ISO date: written as a real date in XLSX. */
  date?: boolean;
}

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { key: 'plan', header: 'Plan', width: 30 },
  { key: 'theme', header: 'Theme', width: 30 },
  { key: 'ref', header: 'Ref', width: 8 },
  { key: 'type', header: 'Type', width: 11 },
  { key: 'title', header: 'Title', width: 60 },
  { key: 'relatedActions', header: 'Related actions', width: 12 },
  { key: 'leads', header: 'Leads', width: 35 },
  { key: 'startWritten', header: 'Start (as written)', width: 18 },
  { key: 'startParsed', header: 'Start date', width: 12, date: true },
  { key: 'dueWritten', header: 'Due (as written)', width: 18 },
  { key: 'dueParsed', header: 'Due date', width: 12, date: true },
  { key: 'baselineDue', header: 'Baseline due date', width: 12, date: true },
  { key: 'completedOn', header: 'Completed on', width: 12, date: true },
  { key: 'status', header: 'Status', width: 14 },
  { key: 'rag', header: 'RAG', width: 10 },
  { key: 'latestUpdateDate', header: 'Latest update date', width: 12, date: true },
  { key: 'latestUpdate', header: 'Latest update', width: 80 },
  { key: 'addedAfterPeriod', header: 'Added after the period', width: 12, date: true },
];

/**
 * The columns of one report's export: the group column is headed by the plan's own word ("Priority",
 * "Objective"), as its cells ("Priority 1: Prevention") and the other formats are.
 */
export function exportColumns(model: Pick<ReportModel, 'plan'>): readonly ExportColumn[] {
  const theme = model.plan.labels.theme;
  return EXPORT_COLUMNS.map((c) => (c.key === 'theme' ? { ...c, header: theme } : c));
}

function row(model: ReportModel, theme: string, item: ActionRow | MilestoneRow): ExportRow {
  const isAction = item.kind === 'action';
  return {
    plan: model.plan.title,
    theme,
    ref: item.ref,
    type: isAction ? 'Action' : 'Milestone',
    title: item.title,
    relatedActions: isAction ? (item.parentRef ?? '') : item.actionRefs.join(', '),
    leads: item.leadsText,
    startWritten: isAction ? (item.start?.text ?? '') : '',
    startParsed: isAction ? (item.start?.parsed ?? '') : '',
    dueWritten: item.due?.text ?? '',
    dueParsed: item.due?.parsed ?? '',
    baselineDue: item.baselineDue?.parsed ?? '',
    completedOn: isAction ? '' : (item.completedOn ?? ''),
    status: item.statusLabel,
    rag: item.ragWord,
    latestUpdateDate: isAction ? (item.latest?.date ?? '') : '',
    latestUpdate: isAction ? (item.latest?.narrative ?? '') : '',
    addedAfterPeriod: (item.addedAfterPeriod && dateOfShown(item.addedAfterPeriod)) || '',
  };
}

/** Actions then milestones of each theme, in plan order. */
export function exportRows(model: ReportModel): ExportRow[] {
  return model.themes.flatMap((t) => [
    ...t.actions.map((a) => row(model, t.heading, a)),
    ...t.milestones.map((m) => row(model, t.heading, m)),
  ]);
}
