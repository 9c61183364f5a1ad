import { CAPTION } from '../build/table-captions.js';
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
  // A table's header is read: its names are the columns' (once, however often it is written again).
  for (const t of plan.mapping.tables) for (const c of t.columns) n += wordCount(c.header);
  // A table's caption that says its heading again, or labels it, is read too (build/table-captions.ts).
  for (const h of plan.mapping.headings) if (h.as.startsWith(CAPTION)) n += wordCount(h.text);
  return n + wordCount(plan.title);
}

/** Below this share of the document's words read into the plan's structure, say what was not. */
export const PARTLY_READ_SHARE = 0.8;

/**
 * Never silently empty: an import with no actions, or one that leaves most of the document's words
 * outside any theme, action or section, gets a warning a person must acknowledge before committing;
 * one that leaves a fifth or more in the cover says which lines those are.
 */
export function coverageWarnings(
  plan: Omit<ParsedPlan, 'warnings'>,
  source: { text: string; lines: string; coverLines: string[]; coverDetails?: string[] },
  warnings: ImportWarning[],
): ImportWarning[] {
  const actions = plan.themes.reduce((n, t) => n + t.actions.length, 0);
  const unread = warnings.filter((w) => UNREAD.has(w.code)).map((w) => w.where);
  const cover = source.coverLines;
  const where = [...new Set([...unread, ...cover])].slice(0, 6).join(', ') || source.lines;
  if (actions === 0) {
    return [
      {
        code: 'no-actions',
        message:
          `No actions were found in this document (${source.lines}). ` +
          'Check the column mapping, or that this is the plan you meant, before committing.',
        where,
        requiresAcknowledgement: true,
      },
    ];
  }
  const total = wordCount(source.text);
  // A cover's details read from its table ("Plan owner: …") are read, though the cover keeps them.
  const coverWords =
    plan.sections.filter((s) => s.key === 'cover').reduce((n, s) => n + wordCount(s.body), 0) -
    (source.coverDetails ?? []).reduce((n, t) => n + wordCount(t), 0);
  const placed = placedWords(plan) - coverWords;
  const share = total > 0 ? placed / total : 1;
  const pct = Math.round(share * 100);
  if (share < 1 - UNPLACED_SHARE_LIMIT) {
    return [
      {
        code: 'mostly-unplaced',
        message: `Only ${pct}% of the document's words were read into themes, actions or sections; the rest is kept as text (${where}). Check it before committing.`,
        where,
        requiresAcknowledgement: true,
      },
    ];
  }
  if (share < PARTLY_READ_SHARE && cover.length > 0) {
    return [
      {
        code: 'partly-unread',
        message: `${100 - pct}% of the document's words were not read into themes or actions and are kept in the cover: ${where}.`,
        where,
      },
    ];
  }
  return [];
}

const UNREAD = new Set(['unread-layout', 'unplaced-text', 'unplaced-row']);
