import type { ActionRow, MilestoneRow, ThemeSection } from '../model.js';
import type { ReportTheme } from '../report-data.js';
import { OTHER_THEME_ID } from './plan-tree.js';

/** One section per theme in plan order, then "Other actions" for whatever has no theme, if anything. */
export function themeSections(
  themes: ReportTheme[],
  headingOf: Map<string, string>,
  actions: ActionRow[],
  milestones: MilestoneRow[],
): ThemeSection[] {
  const sections: ThemeSection[] = themes.map((t) => ({
    id: t.id,
    ref: t.ref,
    title: t.title,
    heading: headingOf.get(t.id)!,
    ...(t.description && { description: t.description }),
    actions: actions.filter((r) => r.themeId === t.id),
    milestones: milestones.filter((m) => m.themeId === t.id),
  }));
  const other = actions.filter((r) => r.themeId === OTHER_THEME_ID);
  const otherMilestones = milestones.filter((m) => m.themeId === OTHER_THEME_ID);
  if (other.length || otherMilestones.length) {
    sections.push({
      id: OTHER_THEME_ID,
      ref: '',
      title: 'Other actions',
      heading: 'Other actions',
      actions: other,
      milestones: otherMilestones,
    });
  }
  return sections;
}
