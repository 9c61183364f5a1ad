import {
  dateWords,
  type IsoDate,
  type LeadRole,
  NO_LEAD,
  type PlanKind,
  plural,
  type Rag,
  STATUS_LABELS,
  type Status,
  type TravelMove,
} from '@peopleplan/core';
import type { PlanKindLabels, TimescaleView } from './format.js';
import type { ReportPeriod } from './period.js';
import type { ActionSnapshot } from './report-data.js';

/** The report model: everything a renderer shows, already worked out. Renderers only lay it out. */

/** Direction of travel since the previous period's snapshot (core `travelMove`). */
export type Travel = TravelMove;
export const TRAVEL_LABELS: Record<Travel, string> = {
  improved: 'Improved',
  started: 'Started',
  same: 'No change',
  stopped: 'Stopped',
  worse: 'Worse',
  new: 'New this period',
};
/** In the order the summary lists them; `started` and `stopped` only when some action did. */
export const TRAVELS = ['improved', 'started', 'same', 'stopped', 'worse', 'new'] as const;
export const travelsShown = (counts: TravelCounts): Travel[] =>
  TRAVELS.filter((k) => (k !== 'started' && k !== 'stopped') || counts[k] > 0);

export type TravelCounts = Record<Travel, number>;

/**
 * An action's direction of travel in words, with where it was: "Improved (was red)"; a start or a stop
 * by its statuses, "Started (was not started)", "Stopped: deferred (was on track)".
 */
export function travelText(a: Pick<ActionRow, 'travel' | 'previous' | 'statusLabel'>): string {
  const label = TRAVEL_LABELS[a.travel];
  if (!a.previous) return label;
  const was = (s: Status) => STATUS_LABELS[s].toLowerCase();
  if (a.travel === 'started') return `${label} (was ${was(a.previous.status)})`;
  if (a.travel === 'stopped')
    return `${label}: ${a.statusLabel.toLowerCase()} (was ${was(a.previous.status)})`;
  return `${label} (was ${a.previous.rag})`;
}

export interface LeadView {
  role: LeadRole;
  roleLabel: string;
  label: string;
}

export interface UpdateView {
  at: string;
  /** Civil date of the update in the council's time zone. */
  date: IsoDate;
  authorName: string;
  narrative: string;
  status: Status;
}

/** Status and RAG always travel together with their words: never colour alone. */
export interface StatusView {
  status: Status;
  statusLabel: string;
  rag: Rag;
  /** `Red`, `Amber`… */
  ragWord: string;
  /** `Red – off track`… */
  ragLabel: string;
  /** `Off track (Red)`: the text every renderer prints for status. */
  text: string;
  ragReasons: string[];
  overridden: boolean;
}

export interface Forecast {
  status: Status;
  label: string;
  /** The rule that gave it, in words. */
  reason: string;
}

export interface ActionRow extends StatusView {
  kind: 'action';
  id: string;
  ref: string;
  title: string;
  /** 0 for a top-level action, 1 for a sub-action (1.1 under 1)… */
  depth: number;
  /** Ref of the parent action, for a sub-action. */
  parentRef?: string;
  themeId: string;
  leads: LeadView[];
  leadsText: string;
  start?: TimescaleView;
  due?: TimescaleView;
  /** The first committed due, when the due has moved later since (re-baselined, as a milestone is). */
  baselineDue?: TimescaleView;
  /** Why it last moved later, as the person who moved it said. */
  rebaselineReason?: string;
  outcome?: string;
  currentPosition?: string;
  travel: Travel;
  previous?: ActionSnapshot;
  latest?: UpdateView;
  /** This action, or one of its sub-actions, has an update counted for the period. */
  updatedInPeriod: boolean;
  forecast?: Forecast;
  /** For an ended period: the day it was added to the plan, when that was after the period ("6 Dec 2026"). */
  addedAfterPeriod?: string;
}

export interface MilestoneRow extends Omit<StatusView, 'status'> {
  kind: 'milestone';
  /**
   * Absent in the report of an ended period for a milestone open at its end whose status then is not
   * recorded (it was completed after: `completedLater`); its words say so and no rating is made up.
   */
  status?: Status;
  id: string;
  ref: string;
  title: string;
  /** As an action's. */
  addedAfterPeriod?: string;
  themeId: string;
  actionId: string;
  actionRef: string;
  actionTitle: string;
  /** Refs of the action and of every linked action: `1.2`, `2.3`. */
  actionRefs: string[];
  leads: LeadView[];
  leadsText: string;
  due?: TimescaleView;
  baselineDue?: TimescaleView;
  completedOn?: IsoDate;
  /** For an ended period: the day it was completed, after the period end (it was open then). */
  completedLater?: IsoDate;
  rebaselined: boolean;
  /** Why it moved later, as the person who moved it said (the latest re-baseline's reason). */
  rebaselineReason?: string;
  overdue: boolean;
  /** Latest update of the milestone's action. */
  latest?: UpdateView;
}

export type ExceptionReason = 'off-track' | 'overdue' | 're-baselined' | 'stale';
export const EXCEPTION_REASON_LABELS: Record<ExceptionReason, string> = {
  'off-track': 'Off track',
  overdue: 'Overdue',
  're-baselined': 'Re-baselined',
  stale: 'No update this period',
};

export interface ExceptionRow {
  item: ActionRow | MilestoneRow;
  themeHeading: string;
  reasons: ExceptionReason[];
  /** `Overdue: due 30 Jun 2013; No update this period` */
  reasonText: string;
  /**
   * Said in place of the latest update on a milestone row whose action's update another row of the table
   * already shows (`See action 2.1`): each action's update is printed once (`shareActionUpdates`).
   */
  latestNote?: string;
}

export interface ThemeSummary {
  id: string;
  heading: string;
  total: number;
  byStatus: Record<Status, number>;
  byRag: Record<Rag, number>;
  travel: TravelCounts;
  exceptions: number;
}

export interface ThemeSection {
  id: string;
  ref: string;
  title: string;
  /** `Priority 1: Prevention`, or the title alone where the plan numbers nothing. */
  heading: string;
  description?: string;
  actions: ActionRow[];
  milestones: MilestoneRow[];
}

export interface IndicatorRow {
  id: string;
  ref?: string;
  name: string;
  unit?: string;
  goodDirection: 'up' | 'down' | 'none';
  floorStandard?: number;
  baseline?: string;
  benchmark?: string;
  /** The PeriodValue key the figures were read from, as written (`2013-14 Q2`). */
  periodKey?: string;
  target: number | null;
  actual: number | null;
  targetText: string;
  actualText: string;
  floorText: string;
  rag: Rag;
  ragWord: string;
  /** Why: `Met target (90% against 85%)`, `Below floor standard`… */
  assessment: string;
}

export interface RiskRow {
  id: string;
  ref?: string;
  description: string;
  likelihood?: string;
  impact?: string;
  mitigation?: string;
  ownerLabel?: string;
}

export interface CountRow<K extends string> {
  key: K;
  label: string;
  count: number;
}

export interface Summary {
  totalActions: number;
  byStatus: CountRow<Status>[];
  byRag: CountRow<Rag>[];
  travel: TravelCounts;
  byTheme: ThemeSummary[];
  milestones: { total: number; completed: number; overdue: number; rebaselined: number };
  exceptions: Record<ExceptionReason, number> & { total: number };
}

/**
 * `500 actions and 144 milestones. 12 exceptions, 3 of them under more than one heading: 3 off track, …`:
 * the summary's opening sentence. An item can be overdue and not updated at once, so the headings' counts
 * may add up to more than the exceptions: the sentence says how many are counted twice or more.
 */
export function summarySentence({
  summary,
  exceptions,
}: Pick<ReportModel, 'summary' | 'exceptions'>): string {
  const ex = summary.exceptions;
  const several = exceptions.filter((e) => e.reasons.length > 1).length;
  const overlap =
    several === 0
      ? ''
      : ex.total === 1
        ? ', counted under more than one heading'
        : several === ex.total
          ? ', each under more than one heading'
          : `, ${several} of them under more than one heading`;
  return (
    `${plural(summary.totalActions, 'action')} and ${plural(summary.milestones.total, 'milestone')}. ` +
    `${plural(ex.total, 'exception')}${overlap}: ${ex['off-track']} off track, ` +
    `${ex.overdue} overdue, ${ex['re-baselined']} re-baselined, ${ex.stale} without an update this period.`
  );
}

export interface ReportModel {
  /** `Divisional Business Plan 2013-14: progress report, Mid-year 2013-14` */
  title: string;
  council: { id: string; name: string };
  plan: {
    id: string;
    title: string;
    kind: PlanKind;
    labels: PlanKindLabels;
    periodLabel?: string;
    ownerLabel?: string;
    directorate?: string;
    division?: string;
  };
  period: ReportPeriod;
  /** RAG and overdue are judged at this date: the period end, or today if the period is still open. */
  asOf: IsoDate;
  generatedOn: IsoDate;
  /**
   * When a report built from live data was produced, as GOV.UK says it ("7 December 2026 at 3:15am",
   * core `momentWords`): said apart from "as at", which is the day the position is judged.
   */
  produced?: string;
  summary: Summary;
  /** Worst first. */
  exceptions: ExceptionRow[];
  themes: ThemeSection[];
  indicators: IndicatorRow[];
  risks: RiskRow[];
  /** True when forecasts were asked for: renderers add a forecast column. */
  hasForecast: boolean;
  /** The closed period direction of travel is measured against (`Mid-year 2013-14`), if any. */
  comparedWith?: string;
}

/**
 * When the report was produced, as GOV.UK says it: "7 December 2026 at 3:15am" for one built from live
 * data, the day alone ("7 December 2026") for one frozen when its period closed.
 */
export const producedText = (m: Pick<ReportModel, 'produced' | 'generatedOn'>): string =>
  m.produced ?? dateWords(m.generatedOn);

/**
 * An action's or milestone's title as a report shows it: one added to the plan after an ended period
 * says so, so that a committee does not read it as part of that period's position.
 */
export const itemTitle = (i: Pick<ActionRow, 'title' | 'addedAfterPeriod'>): string =>
  i.addedAfterPeriod ? `${i.title} (added ${i.addedAfterPeriod}, after this period)` : i.title;

/**
 * An item's Lead cell in a paper: its leads, or "None named" where it has none, as the pages say it (core
 * NO_LEAD). The exports keep the cell empty for the systems that read them.
 */
export const leadsCell = (i: Pick<ActionRow, 'leadsText'>): string => i.leadsText || NO_LEAD;
