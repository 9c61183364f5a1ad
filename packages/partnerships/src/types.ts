import type { PlanData, RagRules } from '@peopleplan/core';
import type { PlanBoardFacts } from '@peopleplan/db';

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
export type BoardPlan = PlanBoardFacts;

export interface CouncilBoards {
  councilId: string;
  councilName: string;
  ragRules: RagRules;
  plans: BoardPlan[];
}
