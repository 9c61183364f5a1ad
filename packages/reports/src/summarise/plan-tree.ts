import type { ReportAction } from '../report-data.js';
import type { UpdateIndex } from './updates.js';

/** The section for actions with no (known) theme of their own or of a parent. */
export const OTHER_THEME_ID = '__other__';

/**
 * The plan's actions as a tree: parents, sub-actions, depth and the theme each belongs to. Every walk
 * up or down keeps the ids it has seen, so a cycle in stored data cannot loop forever.
 */
export class PlanTree {
  readonly byId: Map<string, ReportAction>;
  private readonly children = new Map<string, ReportAction[]>();

  constructor(
    actions: ReportAction[],
    private readonly themeIds: Set<string>,
  ) {
    this.byId = new Map(actions.map((a) => [a.id, a]));
    for (const a of actions) {
      if (a.parentId) this.children.set(a.parentId, [...(this.children.get(a.parentId) ?? []), a]);
    }
  }

  parent(a: ReportAction): ReportAction | undefined {
    return a.parentId ? this.byId.get(a.parentId) : undefined;
  }

  /** An action without a (known) theme takes its parent's, else it goes under "Other actions". */
  themeOf(a: ReportAction, seen = new Set<string>()): string {
    if (a.themeId && this.themeIds.has(a.themeId)) return a.themeId;
    const parent = this.parent(a);
    if (parent && !seen.has(parent.id)) return this.themeOf(parent, seen.add(a.id));
    return OTHER_THEME_ID;
  }

  depthOf(a: ReportAction): number {
    let depth = 0;
    const seen = new Set([a.id]);
    for (let p = this.parent(a); p && !seen.has(p.id); p = this.parent(p)) {
      depth++;
      seen.add(p.id);
    }
    return depth;
  }

  /** A parent action is reported through its sub-actions: it is stale only if none of them was updated. */
  updatedInPeriod(a: ReportAction, updates: UpdateIndex, seen = new Set<string>()): boolean {
    return (
      updates.updatedInPeriod(a) ||
      (this.children.get(a.id) ?? []).some(
        (c) => !seen.has(c.id) && this.updatedInPeriod(c, updates, seen.add(a.id)),
      )
    );
  }
}
