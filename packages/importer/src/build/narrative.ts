import { joinText } from '../cells.js';
import { NARRATIVE_LABELS } from '../heading-words.js';
import { type ActionDraft, type BuildState, newActionDraft } from './drafts.js';

const BULLET_START = /^\s*[·•▪●◦■\-–]\s+/;

/** "Bring together … resources. Examples include: …" → title and the rest. */
export function splitFirstSentence(text: string): [string, string | undefined] {
  if (text.length <= 200) return [text, undefined];
  const m = /^(.{20,300}?[.!?])\s+(?=[A-Z])/s.exec(text);
  if (!m) return [text, undefined];
  return [m[1]!, text.slice(m[0].length).trim() || undefined];
}

/**
 * Paragraphs under a theme that is a heading in running text (best-value reviews: "Service
 * improvement 1", its description, "Phase 1 …", proposed improvements as paragraphs).
 * Returns false when the paragraph is not part of such a theme.
 */
export function narrativeParagraph(s: BuildState, raw: string, text: string, where: string): boolean {
  const theme = s.theme;
  const narrative = s.narrative;
  if (!theme?.fromParagraph || !narrative) return false;
  if (theme.needsTitle) {
    theme.title = text;
    theme.needsTitle = false;
    return true;
  }
  if (NARRATIVE_LABELS.description.test(text)) {
    narrative.mode = 'description';
    s.d.headings.push({ text, as: `theme ${theme.ref} description` });
    return true;
  }
  const phase = NARRATIVE_LABELS.phase.exec(text);
  if (phase) {
    const a = newActionDraft({ title: phase[2] || text }, where);
    theme.actions.push(a);
    s.d.headings.push({ text, as: `action: phase ${phase[1]}` });
    s.narrative = { mode: 'phaseIntro', phase: a };
    return true;
  }
  if (NARRATIVE_LABELS.underway.test(text)) {
    s.narrative = { mode: 'proposals', phase: narrative.phase, status: 'ongoing' };
    s.d.headings.push({ text, as: 'actions already underway (status ongoing)' });
    return true;
  }
  if (NARRATIVE_LABELS.proposals.test(text)) {
    s.narrative = { mode: 'proposals', phase: narrative.phase };
    s.d.headings.push({ text, as: 'actions' });
    return true;
  }
  const bullet = BULLET_START.test(raw);
  if (bullet && narrative.last) {
    narrative.last.description = joinText(narrative.last.description, text);
    return true;
  }
  switch (narrative.mode) {
    case 'start':
    case 'description':
      theme.description = joinText(theme.description, text);
      return true;
    case 'phaseIntro':
      if (bullet || !narrative.phase) theme.description = joinText(theme.description, text);
      else narrative.phase.description = joinText(narrative.phase.description, text);
      narrative.mode = 'proposals';
      return true;
    case 'proposals': {
      const [title, rest] = splitFirstSentence(text);
      const a: ActionDraft = newActionDraft({ title }, where);
      if (rest) a.description = rest;
      if (narrative.status) a.status = narrative.status;
      if (narrative.phase) narrative.phase.subActions.push(a);
      else theme.actions.push(a);
      narrative.last = a;
      return true;
    }
  }
}
