import type { Timescale } from '@peopleplan/core';
import type { Drafts } from '../build-plan.js';
import { bestMatch, type Candidate } from '../match.js';
import type {
  ParsedAction,
  ParsedContinuity,
  ParsedDecision,
  ParsedDependency,
  ParsedMilestone,
  ParsedRisk,
} from '../parsed-plan.js';

type Warn = (code: string, message: string, where: string) => void;

/** Key milestones (seed 003): each cites the actions it belongs to in brackets, "(2.3, 2.4)". */
export function keyMilestones(
  d: Drafts,
  all: ParsedAction[],
  ts: (t: string) => Timescale,
  warn: Warn,
): ParsedMilestone[] {
  return d.tables.milestones.map((r, i) => {
    const titleText = r.fields.title ?? '';
    const cited = [...titleText.matchAll(/\(([^)]*)\)/g)].flatMap((m) =>
      /^[\d.,\s&and]+$/.test(m[1]!) ? (m[1]!.match(/\d+(?:\.\d+)*/g) ?? []) : [],
    );
    for (const ref of cited) {
      if (!all.some((a) => a.ref === ref))
        warn('unknown-ref', `Milestone cites action ${ref}, not in the plan.`, r.where);
    }
    if (cited.length === 0) warn('milestone-without-action', 'Key milestone cites no action.', r.where);
    return {
      ref: r.fields.ref ?? String.fromCharCode(65 + (i % 26)),
      ...(r.themeRef ? { themeRef: r.themeRef } : {}),
      title: titleText || '(untitled)',
      due: ts(r.fields.due ?? ''),
      actionRefs: cited,
    };
  });
}

export function risks(d: Drafts): ParsedRisk[] {
  return d.tables.risks
    .filter((r) => r.fields.title)
    .map((r) => ({
      description: r.fields.title!,
      ...(r.fields.mitigation ? { mitigation: r.fields.mitigation } : {}),
      ...(r.fields.likelihood ? { likelihood: r.fields.likelihood } : {}),
      ...(r.fields.impact ? { impact: r.fields.impact } : {}),
      ...(r.fields.owner ? { ownerLabel: r.fields.owner } : {}),
    }));
}

export function continuity(d: Drafts): ParsedContinuity[] {
  return d.tables.continuity
    .filter((r) => r.fields.title)
    .map((r) => ({
      name: r.fields.title!,
      ...(r.fields.timescale ? { timescale: r.fields.timescale } : {}),
      ...(r.fields.minimumServiceLevel ? { minimumServiceLevel: r.fields.minimumServiceLevel } : {}),
    }));
}

export function decisions(d: Drafts, ts: (t: string) => Timescale): ParsedDecision[] {
  return d.tables.decisions.flatMap((r) => {
    const t = r.fields.title;
    if (!t || /^(?:n\/?a|none|nil|no|-)$/i.test(t)) return [];
    return [
      {
        ...(r.fields.ref ? { ref: r.fields.ref } : {}),
        ...(r.themeRef ? { themeRef: r.themeRef } : {}),
        title: t,
        ...(r.fields.decisionMaker ? { decisionMaker: r.fields.decisionMaker } : {}),
        ...(r.fields.due ? { due: ts(r.fields.due) } : {}),
        ...(r.fields.forwardPlan ? { inForwardPlan: r.fields.forwardPlan } : {}),
      },
    ];
  });
}

export function dependencies(
  d: Drafts,
  candidates: Candidate[],
  ts: (t: string) => Timescale,
): ParsedDependency[] {
  return d.tables.dependencies
    .filter((r) => r.fields.title)
    .map((r) => {
      // Activities are named loosely: link only a close match, a wrong link is worse than none.
      const hit = bestMatch(r.fields.title!, candidates, { strict: true });
      return {
        fromUnit: r.fields.fromUnit ?? '',
        description: r.fields.title!,
        actionRefs: hit ? [hit.ref] : [],
        ...(r.fields.due ? { expected: ts(r.fields.due) } : {}),
      };
    });
}
