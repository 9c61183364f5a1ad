import { themeHeadingIn, themeNounOf } from '@peopleplan/core';
import { useEffect, useState } from 'react';
import { api } from './api.js';
import type { HistoryEventRow } from './responses.js';

type NounOf = Parameters<typeof themeNounOf>[0];

/** The plans whose events on show move something between groups: only their groups need names. */
export function plansWithGroupMoves(items: HistoryEventRow[]): string[] {
  const ids = items.filter((e) => e.planId && e.changes?.some((ch) => ch.field === 'themeId'));
  return [...new Set(ids.map((e) => e.planId!))].sort();
}

/**
 * The groups of the plans named, by id, as their headings ("Key priority 2: Wellbeing"): the audit trail
 * says where a move took an action, as the action's own history does. Each plan's groups are read once,
 * only when an event on show needs them; a plan that cannot be read leaves its groups unnamed.
 */
export function useGroupHeadings(
  c: string,
  planIds: string[],
  planOf: (planId: string) => NounOf | undefined,
): Map<string, string> {
  const [headings, setHeadings] = useState<Map<string, string>>(new Map());
  const [asked, setAsked] = useState<Set<string>>(new Set());
  const wanted = planIds.filter((p) => !asked.has(p) && planOf(p));
  const key = wanted.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the plans still to read
  useEffect(() => {
    if (!wanted.length) return;
    setAsked((a) => new Set([...a, ...wanted]));
    for (const planId of wanted) {
      const plan = planOf(planId)!;
      api
        .get('/api/v1/councils/{c}/plans/{planId}/themes', { params: { path: { c, planId } } })
        .then((r) =>
          setHeadings((h) => {
            const next = new Map(h);
            for (const t of r.items) next.set(t.id, themeHeadingIn(themeNounOf(plan), t));
            return next;
          }),
        )
        .catch(() => undefined);
    }
  }, [c, key]);
  return headings;
}
