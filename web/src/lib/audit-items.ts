import { themeHeadingIn, themeNounOf } from '@peopleplan/core';
import { useEffect, useState } from 'react';
import { api } from './api.js';
import type { HistoryEventRow } from './responses.js';

/** Items of a plan whose changes name only the fields changed: the audit trail names them itself. */
const PLAN_ITEMS = new Set(['action', 'milestone', 'theme']);

/**
 * The plans whose changed actions, milestones or groups are on show, or whose events move something
 * between groups: only their items need names (a move names the groups it was between).
 */
export function plansWithChangedItems(items: HistoryEventRow[]): string[] {
  const ids = items.filter(
    (e) =>
      e.planId &&
      ((e.operation === 'update' && PLAN_ITEMS.has(e.entityType)) ||
        e.changes?.some((ch) => ch.field === 'themeId')),
  );
  return [...new Set(ids.map((e) => e.planId!))].sort();
}

const refTitle = (x: { ref?: string | undefined; title: string }) =>
  x.ref ? `${x.ref} ${x.title}` : x.title;

/**
 * The actions, milestones and groups of the plans named, by id, as a committee paper names them
 * ("1.3 Review market supplements", "Priority 2: Wellbeing"): a change records only the fields it changed,
 * so "Changed an action" would not say which, and a move between groups names the groups by heading. Each plan is read once, only when a change on show needs it;
 * a plan that cannot be read (removed since) leaves its items unnamed.
 */
export function usePlanItemNames(c: string, planIds: string[]): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [asked, setAsked] = useState<Set<string>>(new Set());
  const wanted = planIds.filter((p) => !asked.has(p));
  const key = wanted.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the plans still to read
  useEffect(() => {
    if (!wanted.length) return;
    setAsked((a) => new Set([...a, ...wanted]));
    for (const planId of wanted) {
      api
        .get('/api/v1/councils/{c}/plans/{planId}/contents', { params: { path: { c, planId } } })
        .then((r) =>
          setNames((n) => {
            const next = new Map(n);
            for (const a of r.actions) next.set(a.id, refTitle(a));
            for (const m of r.milestones) next.set(m.id, refTitle(m));
            for (const t of r.themes) next.set(t.id, themeHeadingIn(themeNounOf(r.plan), t));
            return next;
          }),
        )
        .catch(() => undefined);
    }
  }, [c, key]);
  return names;
}
