import type { PlanData, ProgressUpdate, RagRules } from '@peopleplan/core';

/** The fields of a progress update that direction of travel needs (not the narrative). */
export type UpdateMark = Pick<ProgressUpdate, 'actionId' | 'at' | 'status'> &
  Partial<Pick<ProgressUpdate, 'rag'>>;

/**
 * One shared plan as read through the council's read-only tenant session, for the combined views: its
 * items carry their summary fields only (ids, refs, titles, leads, dates, status), not long texts.
 */
export interface SharedPlan extends PlanData {
  updates: UpdateMark[];
}

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
