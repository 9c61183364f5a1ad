import type {
  Action,
  Council,
  Indicator,
  IsoDate,
  Milestone,
  Plan,
  ProgressUpdate,
  Rag,
  Risk,
  Status,
  Theme,
} from '@peopleplan/core';
import type { ReportPeriod } from './period.js';

/**
 * Everything a report needs, fetched by the caller (the API's DB side) and handed over whole:
 * the report functions do no I/O. Each entity is the core type narrowed to the fields reports
 * read, so full entities from the repositories fit as they are and tests can build small fixtures.
 */
export type ReportCouncil = Pick<
  Council,
  'id' | 'name' | 'financialYearStartMonth' | 'timeZone' | 'ragRules'
>;

export type ReportPlan = Pick<Plan, 'id' | 'title' | 'kind' | 'period' | 'status'> &
  Partial<
    Pick<
      Plan,
      'ownerLabel' | 'directorate' | 'division' | 'approval' | 'themeNoun' | 'createdAt' | 'reportingPoints'
    >
  >;

export type ReportTheme = Pick<Theme, 'id' | 'ref' | 'title' | 'order'> & Partial<Pick<Theme, 'description'>>;

export type ReportAction = Pick<Action, 'id' | 'ref' | 'title' | 'status' | 'order' | 'leads'> &
  Partial<
    Pick<
      Action,
      | 'themeId'
      | 'parentId'
      | 'outcome'
      | 'currentPosition'
      | 'measureOfSuccess'
      | 'start'
      | 'due'
      | 'baselineDue'
      | 'rebaselines'
      | 'ragOverride'
      | 'latestUpdate'
      | 'recentUpdates'
      | 'createdAt'
    >
  >;

export type ReportMilestone = Pick<Milestone, 'id' | 'actionId' | 'ref' | 'title' | 'status'> &
  Partial<
    Pick<Milestone, 'linkedActionIds' | 'baselineDue' | 'due' | 'completedOn' | 'rebaselines' | 'createdAt'>
  >;

export type ReportUpdate = Pick<
  ProgressUpdate,
  'id' | 'actionId' | 'at' | 'authorName' | 'narrative' | 'status'
> &
  Partial<Pick<ProgressUpdate, 'period' | 'rag' | 'corrects' | 'statusBefore'>>;

export type ReportIndicator = Pick<Indicator, 'id' | 'name' | 'goodDirection' | 'targets' | 'actuals'> &
  Partial<Pick<Indicator, 'ref' | 'unit' | 'floorStandard' | 'baseline' | 'benchmark'>>;

export type ReportRisk = Pick<Risk, 'id' | 'description'> &
  Partial<Pick<Risk, 'ref' | 'likelihood' | 'impact' | 'mitigation' | 'ownerLabel'>>;

/** An action's status and RAG as reported at the end of the previous period. */
export interface ActionSnapshot {
  status: Status;
  rag: Rag;
}

export interface ReportData {
  council: ReportCouncil;
  plan: ReportPlan;
  themes: ReportTheme[];
  actions: ReportAction[];
  milestones: ReportMilestone[];
  /**
   * Progress updates of the plan's actions, any order. At least every update up to the period end;
   * later ones are ignored. Without them, `Action.latestUpdate` is used as the latest narrative.
   */
  updates: ReportUpdate[];
  indicators: ReportIndicator[];
  risks: ReportRisk[];
  /**
   * For an ended period, by id: the status an item had at its end where only its history tells it (a
   * milestone completed after the end, an action closed after it with no update; `closedAfterPeriod`).
   */
  statusAtEnd?: Record<string, Status>;
  /** Previous period's status and RAG by action id: direction of travel. Missing id = new. */
  snapshots: Record<string, ActionSnapshot>;
  /** Label of the closed period `snapshots` come from, named in the report (`Year-end 2012-13`). */
  comparedWith?: string;
  /** From `resolvePeriod`, or built by hand with the same fields. */
  period: ReportPeriod;
  /** The date the report is produced (council's civil date). */
  today: IsoDate;
}
