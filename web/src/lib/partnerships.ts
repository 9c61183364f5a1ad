import type { Plan, PlanKind, Rag, Status, Timescale } from '@peopleplan/core';
import type { PlanContents } from '../components/plan-view.js';
import { plural } from './format.js';
import { RAG_SHORT, RAGS, STATUS_LABELS, STATUSES } from './labels.js';

/**
 * The partnership API's responses as the pages read them (functions/api/src/routes/partnerships.ts holds
 * the zod schemas; zod stays out of the browser bundle, so these are plain interfaces).
 */
export type Travel = 'improved' | 'same' | 'worse' | 'new' | 'unknown';

export interface OverviewCounts {
  plans: number;
  actions: number;
  byStatus: Partial<Record<Status, number>>;
  byRag: Partial<Record<Rag, number>>;
  overdue: number;
  slipping: number;
  stale: number;
  dueSoon: number;
  travel: Record<Travel, number>;
}

export interface SharedPlanRef {
  planId: string;
  title: string;
  kind: PlanKind;
  status: Plan['status'];
  /** The closed reporting period direction of travel compares with; absent when none is closed yet. */
  comparedWith?: { key: string; label: string } | undefined;
}

export interface OverviewRow extends OverviewCounts {
  councilId: string;
  councilName: string;
  sharedPlans: SharedPlanRef[];
}

export interface Overview {
  partnership: { id: string; name: string };
  today: string;
  dueSoonDays: number;
  councils: OverviewRow[];
  totals: OverviewCounts;
}

export interface CombinedMilestone {
  councilId: string;
  councilName: string;
  planId: string;
  planTitle: string;
  planKind: PlanKind;
  themeId?: string;
  themeRef?: string;
  themeTitle?: string;
  actionId: string;
  actionRef: string;
  actionTitle: string;
  id: string;
  ref: string;
  title: string;
  due?: Timescale;
  baselineDue?: Timescale;
  status: Status;
  rag: Rag;
  ragReasons: string[];
  overdue: boolean;
  daysLate?: number;
  slipping: boolean;
  slippedDays?: number;
  leads: string[];
  changedAt: string;
}

export interface ComparedTheme {
  ref: string;
  title: string;
  total: number;
  byStatus: Partial<Record<Status, number>>;
  byRag: Partial<Record<Rag, number>>;
}

export interface ComparedPlan {
  councilId: string;
  councilName: string;
  planId: string;
  title: string;
  period: Plan['period'];
  status: Plan['status'];
  total: number;
  byStatus: Partial<Record<Status, number>>;
  byRag: Partial<Record<Rag, number>>;
  overdue: number;
  slipping: number;
  stale: number;
  themes: ComparedTheme[];
  lastUpdateAt?: string;
}

export interface Comparison {
  kind: PlanKind;
  today: string;
  plans: ComparedPlan[];
  themeRows: Array<{ ref: string; cells: Array<ComparedTheme | null> }>;
}

export interface SharedPlanContents extends PlanContents {
  partnership: { id: string; name: string };
  council: { id: string; name: string };
}

/** A council's consent to one partnership (GET /councils/{c}/partnerships). */
export interface Consent {
  partnershipId: string;
  partnershipName: string;
  councilId: string;
  status: 'invited' | 'granted' | 'revoked';
  scope: 'all' | { planIds: string[] };
  changedBy: string;
  changedByName?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

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
export function travelWords(t: Record<Travel, number>): string[] {
  const out: string[] = [];
  if (t.improved) out.push(`${t.improved} improved`);
  if (t.same) out.push(`${t.same} no change`);
  if (t.worse) out.push(`${t.worse} worse`);
  if (t.new) out.push(`${t.new} new since the period closed`);
  if (t.unknown) out.push(`${t.unknown} not yet compared: no reporting period closed`);
  return out;
}

const actionsWord = (n: number) => plural(n, 'action');
