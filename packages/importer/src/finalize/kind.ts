import type { PlanKind, Status } from '@peopleplan/core';
import type { Drafts } from '../build-plan.js';
import { TITLE_KIND_CUES } from '../synonyms.js';

/** A status column's text when it is one of the status words ("Completed", "On track", "Red" is not). */
export function readStatus(text: string | undefined): Status | undefined {
  const t = text
    ?.trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/\.$/, '');
  const known: Record<string, Status> = {
    'not-started': 'not-started',
    'on-track': 'on-track',
    'at-risk': 'at-risk',
    'off-track': 'off-track',
    completed: 'completed',
    complete: 'completed',
    done: 'completed',
    deferred: 'deferred',
    cancelled: 'cancelled',
    ongoing: 'ongoing',
    'on-going': 'ongoing',
  };
  return t ? known[t] : undefined;
}

export function detectKind(
  d: Drafts,
  title: string,
  hint?: PlanKind,
): { kind: PlanKind; confident: boolean } {
  if (hint) return { kind: hint, confident: true };
  const score = new Map<PlanKind, number>();
  const add = (k: PlanKind, n: number) => score.set(k, (score.get(k) ?? 0) + n);
  for (const k of d.kindCues) add(k, 1);
  for (const line of [title, ...d.preamble.slice(0, 5).map((p) => p.text)]) {
    for (const c of TITLE_KIND_CUES) if (c.re.test(line)) add(c.kind, 3);
  }
  const best = [...score.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best) return { kind: 'business-plan', confident: false };
  return { kind: best[0], confident: true };
}
