import type { PlanKind } from '@peopleplan/core';
import { englishHalf } from '../bilingual.js';
import { normalizeHeader } from '../header-mapping.js';
import { THEME_PATTERNS } from '../heading-words.js';
import { type BuildState, type SectionDraft, type ThemeDraft, warn } from './drafts.js';

/** Numbers councils write in words ("Objective one"), as refs. */
export const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
};

/** A theme heading ("Key priority 1: …", "Objective one", "Goal 3"): its number as a ref, and its title. */
export function themeHeading(text: string): { ref: string; title: string; kinds: PlanKind[] } | undefined {
  const heading = headingIn(text);
  if (heading) return heading;
  // "Thema 3: Llesiant / Theme 3: Wellbeing": read by its English half; its title keeps both languages.
  const english = englishHalf(text);
  const h = english ? headingIn(english) : undefined;
  if (!english || !h) return undefined;
  const welsh = text
    .replace(english, '')
    .replace(/^\s*\/\s*|\s*\/\s*$/g, '')
    .trim();
  const welshTitle = welsh.replace(/^\p{L}+\s+\S{1,4}\s*[:.–-]\s*/u, '').trim();
  return { ...h, title: welshTitle && h.title ? `${welshTitle} / ${h.title}` : h.title };
}

function headingIn(text: string): { ref: string; title: string; kinds: PlanKind[] } | undefined {
  for (const p of THEME_PATTERNS) {
    const m = p.re.exec(text.trim());
    if (m) {
      const n = m[1]!;
      return { ref: NUMBER_WORDS[n.toLowerCase()] ?? n, title: (m[2] ?? '').trim(), kinds: p.kinds };
    }
  }
  return undefined;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50) || 'section';

export function startSection(s: BuildState, title: string, keyHint = title): SectionDraft {
  let key = slug(keyHint);
  let n = 2;
  while (s.d.sections.some((x) => x.key === key)) key = `${slug(keyHint).slice(0, 46)}-${n++}`;
  const section: SectionDraft = { key, title: title.slice(0, 300), lines: [] };
  s.d.sections.push(section);
  return section;
}

export const findTheme = (s: BuildState, ref: string) => s.d.themes.find((t) => t.ref === ref);
export const themeByTitle = (s: BuildState, title: string) =>
  s.d.themes.find((t) => normalizeHeader(t.title) === normalizeHeader(title));

export function startTheme(
  s: BuildState,
  ref: string,
  title: string,
  label: string,
  fromParagraph: boolean,
): ThemeDraft {
  const existing = findTheme(s, ref);
  if (existing && existing.actions.length === 0 && fromParagraph) {
    // A summary of this theme came earlier (best-value executive summary): keep it as narrative.
    const sec = startSection(
      s,
      `${existing.label ?? ''} ${existing.title}`.trim(),
      `${existing.label ?? ref}-summary`,
    );
    if (existing.description) sec.lines.push(existing.description);
    existing.description = undefined;
    existing.title = title;
    existing.needsTitle = title === '';
    existing.label = label;
    return existing;
  }
  if (existing) return existing;
  const t: ThemeDraft = { ref, title, label, actions: [], needsTitle: title === '', fromParagraph };
  s.d.themes.push(t);
  return t;
}

/** A ref for a theme the document does not number: the next number not taken. */
export function nextThemeRef(s: BuildState): string {
  // The group made for actions that come before any heading has no number (`defaultTheme`).
  let n = s.d.themes.filter((t) => t.ref !== '').length + 1;
  while (findTheme(s, String(n))) n++;
  return String(n);
}

export function defaultTheme(s: BuildState): ThemeDraft {
  if (s.theme) return s.theme;
  // Not numbered: it is not one of the plan's own groups, so it is shown as "Actions", never as
  // "Priority 1: Actions" beside a Priority column that rates each action High, Medium or Low.
  const t = s.d.themes[0] ?? { ref: '', title: 'Actions', actions: [] };
  s.theme = t;
  if (!s.d.themes.includes(t)) {
    s.d.themes.push(t);
    warn(s, 'no-theme', 'Actions come before any priority or heading: placed under "Actions".', 'plan');
  }
  return t;
}

/**
 * A heading a layout rule found ("Objective one", "Actions held over from …"): a theme from here on.
 * `label` is the heading as written when `text` is the group's name alone ("Priority: Pay", named "Pay").
 */
export function headingTheme(s: BuildState, text: string, label = text) {
  // "1. Recruitment" (a numbered list's heading), "11: Build accountability" (a reconciliation action
  // plan's numbered action over its deliverables): its number is the ref, the rest the title.
  const numbered = /^(\d{1,3})[.):]\s+(\S.*)$/.exec(text);
  const th =
    themeHeading(text) ?? (numbered ? { ref: numbered[1]!, title: numbered[2]!, kinds: [] } : undefined);
  const ref = th?.ref && !findTheme(s, th.ref) ? th.ref : nextThemeRef(s);
  // "Objective two" alone: its title is the line that follows, as for a heading paragraph.
  const t: ThemeDraft = {
    ref,
    title: th?.title || text,
    label,
    actions: [],
    fromParagraph: true,
    needsTitle: !!th && th.title === '',
  };
  s.d.themes.push(t);
  if (th) s.d.kindCues.push(...th.kinds);
  s.d.headings.push({ text: label, as: `theme ${ref}` });
  s.theme = t;
  s.narrative = { mode: 'description' };
  s.section = undefined;
  s.afterRows = false;
  s.lastAction = s.lastItem = undefined;
}
