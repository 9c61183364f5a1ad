import {
  type Action,
  actionState,
  DEFAULT_RAG_RULES,
  type Milestone,
  milestoneState,
  type Plan,
  type PlanKind,
  type Rag,
  type Status,
  type Theme,
  type Timescale,
} from '@peopleplan/core';
import type { CouncilBoards, SharedCouncil, SharedPlan } from '../src/types.js';

/** Small hand-made councils for the pure functions' tests (no I/O). */
let seq = 0;
const id = (prefix: string) => `${prefix}${String(++seq).padStart(4, '0')}`;
const stamp = (at = '2026-01-01T09:00:00.000Z') => ({ version: 1, createdAt: at, updatedAt: at });

export const date = (due: string, text = due): Timescale => ({ text, kind: 'date', due, precision: 'day' });

export function plan(p: {
  title: string;
  kind?: PlanKind;
  status?: Plan['status'];
  councilId?: string;
}): Plan {
  return {
    id: id('P'),
    councilId: p.councilId ?? 'x',
    title: p.title,
    kind: p.kind ?? 'people-strategy',
    period: {},
    status: p.status ?? 'active',
    reviewCadence: 'quarterly',
    reportingPoints: [],
    sections: [],
    unplaced: [],
    ...stamp(),
  };
}

export function theme(planId: string, ref: string, title: string): Theme {
  return { id: id('T'), planId, ref, title, order: Number(ref) || 0, ...stamp() };
}

export function action(
  planId: string,
  a: {
    ref: string;
    title?: string;
    status?: Status;
    due?: string;
    /** The deadline first agreed, when it has since moved later (re-baselined). */
    baseline?: string;
    themeId?: string;
    parentId?: string;
    leads?: string[];
    createdAt?: string;
    lastUpdateAt?: string;
  },
): Action {
  return {
    id: id('A'),
    planId,
    ref: a.ref,
    title: a.title ?? `Action ${a.ref}`,
    status: a.status ?? 'on-track',
    leads: (a.leads ?? []).map((label) => ({ role: 'responsible' as const, label })),
    crossRefs: [],
    unplaced: [],
    order: 0,
    ...(a.due ? { due: date(a.due) } : {}),
    ...(a.baseline ? { baselineDue: date(a.baseline) } : {}),
    ...(a.themeId ? { themeId: a.themeId } : {}),
    ...(a.parentId ? { parentId: a.parentId } : {}),
    ...(a.lastUpdateAt
      ? {
          latestUpdate: {
            id: id('U'),
            at: a.lastUpdateAt,
            authorName: 'Officer',
            status: a.status ?? 'on-track',
            narrative: 'Progress',
          },
        }
      : {}),
    ...stamp(a.createdAt),
  };
}

export function milestone(
  action: Action,
  m: { ref: string; title?: string; due?: string; baseline?: string; status?: Status; changedAt?: string },
): Milestone {
  return {
    id: id('M'),
    planId: action.planId,
    actionId: action.id,
    linkedActionIds: [],
    ref: m.ref,
    title: m.title ?? `Milestone ${m.ref}`,
    status: m.status ?? 'on-track',
    ...(m.due ? { due: date(m.due) } : {}),
    ...(m.baseline ? { baselineDue: date(m.baseline) } : {}),
    ...stamp(),
    ...(m.changedAt ? { updatedAt: m.changedAt } : {}),
  };
}

export function shared(
  plan: Plan,
  parts: { themes?: Theme[]; actions?: Action[]; milestones?: Milestone[] } = {},
): SharedPlan {
  return {
    plan,
    themes: parts.themes ?? [],
    actions: parts.actions ?? [],
    milestones: parts.milestones ?? [],
  };
}

export function council(councilId: string, councilName: string, plans: SharedPlan[]): SharedCouncil {
  return { councilId, councilName, ragRules: DEFAULT_RAG_RULES, plans };
}

/** The same council as the combined dashboard reads it: boards, and each plan's last closed period. */
export function boards(
  c: SharedCouncil,
  lastPeriods: Record<string, { key: string; label: string; rags: Record<string, Rag> }> = {},
): CouncilBoards {
  return {
    ...c,
    plans: c.plans.map((p) => ({
      plan: p.plan,
      actions: p.actions.map(actionState),
      milestones: p.milestones.map(milestoneState),
      lastPeriod: lastPeriods[p.plan.id],
      from: 'board' as const,
    })),
  };
}
