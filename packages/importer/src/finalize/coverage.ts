import type { ImportWarning, ParsedPlan } from '../parsed-plan.js';

/** Above this share of the document's words left unplaced, the import is not trusted without a look. */
export const UNPLACED_SHARE_LIMIT = 0.5;

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

function placedWords(plan: Omit<ParsedPlan, 'warnings'>): number {
  let n = 0;
  const visit = (a: ParsedPlan['themes'][number]['actions'][number]) => {
    for (const t of [
      a.title,
      a.description,
      a.outcome,
      a.currentPosition,
      a.constraints,
      a.measureOfSuccess,
      a.progress,
    ])
      if (t) n += wordCount(t);
    for (const l of a.leads) n += wordCount(l.label);
    for (const t of [a.start?.text, a.due?.text]) if (t) n += wordCount(t);
    for (const x of a.extra ?? []) n += wordCount(x.text);
    for (const m of a.milestones) n += wordCount(m.title) + wordCount(m.due.text);
    a.subActions.forEach(visit);
  };
  for (const t of plan.themes) {
    n += wordCount(t.title) + wordCount(t.description ?? '') + wordCount(t.label ?? '');
    t.actions.forEach(visit);
  }
  for (const s of plan.sections) n += wordCount(s.body) + wordCount(s.title);
  for (const x of [...plan.milestones, ...plan.decisions]) n += wordCount(x.title);
  for (const r of plan.risks) n += wordCount(r.description) + wordCount(r.mitigation ?? '');
  for (const i of plan.indicators) n += wordCount(i.name);
  return n + wordCount(plan.title);
}

/**
 * Never silently empty: an import with no actions, or one that leaves most of the document's words
 * outside any theme, action or section, gets a warning a person must acknowledge before committing.
 */
export function coverageWarnings(
  plan: Omit<ParsedPlan, 'warnings'>,
  sourceText: string,
  warnings: ImportWarning[],
): ImportWarning[] {
  const out: ImportWarning[] = [];
  const actions = plan.themes.reduce((n, t) => n + t.actions.length, 0);
  const unread = warnings.filter(
    (w) => w.code === 'unread-layout' || w.code === 'unplaced-text' || w.code === 'unplaced-row',
  );
  const lines = unread
    .map((w) => w.where)
    .slice(0, 5)
    .join(', ');
  if (actions === 0) {
    out.push({
      code: 'no-actions',
      message:
        'No actions were found in this document. ' +
        (unread.length ? `Text that could not be read as actions starts at ${lines}. ` : '') +
        'Check the column mapping, or that this is the plan you meant, before committing.',
      where: lines || 'plan',
      requiresAcknowledgement: true,
    });
    return out;
  }
  const total = wordCount(sourceText);
  const placed = placedWords(plan);
  if (total > 0 && placed / total < 1 - UNPLACED_SHARE_LIMIT) {
    out.push({
      code: 'mostly-unplaced',
      message: `Only ${Math.round((placed / total) * 100)}% of the document's words were placed in themes, actions or sections; the rest is kept as unplaced text${lines ? ` (from ${lines})` : ''}. Check it before committing.`,
      where: lines || 'plan',
      requiresAcknowledgement: true,
    });
  }
  return out;
}
