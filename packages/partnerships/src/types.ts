import type { ActionState, MilestoneState, PlanData, Rag, RagRules } from '@peopleplan/core';

/**
 * One shared plan as read through the council's read-only tenant session, for the combined lists: its
 * items carry their summary fields only (ids, refs, titles, leads, dates, status), not long texts.
 */
export type SharedPlan = PlanData;

/**
 * What one consenting council shares with a partnership right now: only plans inside its consent
 * scope. Councils that have not granted (invited, revoked) are never turned into one of these.
 */
export interface SharedCouncil {
  councilId: string;
  councilName: string;
  ragRules: RagRules;
  plans: SharedPlan[];
}

/** A shared plan as the combined dashboard counts it: its board, and its last closed period's RAGs. */
export interface BoardPlan {
  plan: PlanData['plan'];
  actions: ActionState[];
  milestones: MilestoneState[];
  /** The closed reporting period direction of travel compares with, if the plan has one. */
  lastPeriod?: { key: string; label: string; rags: Record<string, Rag> } | undefined;
  /** Where the facts came from: the plan's board, or its items (a plan written before boards). */
  from: 'board' | 'items';
}

export interface CouncilBoards {
  councilId: string;
  councilName: string;
  ragRules: RagRules;
  plans: BoardPlan[];
}
