import type { Rag, Status, TravelCounts } from '@peopleplan/core';
import { lateness, plural } from './format.js';
import { RAG_SHORT, RAGS, STATUS_LABELS, STATUSES } from './labels.js';
import type { CombinedMilestone } from './responses.js';

/** Web paths of the partnership pages. Ids are slugs and ULIDs, safe in a path as they are. */
export const partnershipHref = (p: string, page: '' | 'milestones' | 'compare' = '') =>
  `/partnerships/${p}${page ? `/${page}` : ''}`;
export const sharedPlanHref = (p: string, councilId: string, planId: string) =>
  `/partnerships/${p}/councils/${councilId}/plans/${planId}`;

/** "3 on track, 1 at risk" (statuses with a count only, in the vocabulary's order); "none" if empty. */
export function statusWords(counts: Partial<Record<Status, number>>): string[] {
  return STATUSES.filter((s) => (counts[s] ?? 0) > 0).map(
    (s) => `${counts[s]} ${STATUS_LABELS[s].toLowerCase()}`,
  );
}

/** "2 red, 5 green": RAG counts in words (never colour alone). */
export function ragWords(counts: Partial<Record<Rag, number>>): string[] {
  return RAGS.filter((r) => (counts[r] ?? 0) > 0).map((r) => `${counts[r]} ${RAG_SHORT[r].toLowerCase()}`);
}

/** Direction of travel in words, measured against each plan's last closed reporting period. */
export function travelWords(t: TravelCounts): string[] {
  const out: string[] = [];
  if (t.improved) out.push(`${t.improved} improved`);
  // Counted by rank alone (core `directionOfTravel`): a start is among them, so not "no change".
  if (t.same) out.push(`${t.same} no better or worse`);
  if (t.worse) out.push(`${t.worse} worse`);
  if (t.new) out.push(`${t.new} new since the period closed`);
  if (t.unknown) out.push(`${t.unknown} not yet compared: no reporting period closed`);
  return out;
}

/**
 * How late a shared milestone is, and how far it moved: lateness as the dashboard and the reports say it
 * ("21 years late", core latenessWords), never "7921 days late".
 */
export function lateWords(
  i: Pick<CombinedMilestone, 'overdue' | 'daysLate' | 'slipping' | 'slippedDays'>,
): string[] {
  const out: string[] = [];
  if (i.overdue && i.daysLate !== undefined) out.push(lateness(i.daysLate));
  if (i.slipping && i.slippedDays !== undefined)
    out.push(`moved ${plural(i.slippedDays, 'day')} later than first agreed`);
  return out;
}
