import type { AlertSettings } from '@peopleplan/core';
import { daysBetween } from './dates.js';

/**
 * What an alert is about. Each (item, stage, due date) is told once to each recipient, so an item
 * is reminded when it comes due, when it passes, when it escalates, and again if its date moves.
 */
export const STAGES = ['due-soon', 'due-today', 'overdue', 'escalated', 'rebaselined', 'stale'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  'due-soon': 'Due soon',
  'due-today': 'Due today',
  overdue: 'Overdue',
  escalated: 'Overdue – escalated',
  rebaselined: 'Deadline moved past its baseline',
  stale: 'Progress update needed',
};

/** Stages a person may opt out of. Overdue, escalation, re-baselining and stale progress always arrive. */
export const OPTIONAL_STAGES: readonly Stage[] = ['due-soon'];

/** The date-driven stage of an open item due on `due`, or undefined when it is not yet in the window. */
export function dateStage(due: string, today: string, settings: AlertSettings): Stage | undefined {
  const ahead = daysBetween(today, due);
  if (ahead > settings.dueSoonDays) return undefined;
  if (ahead > 0) return 'due-soon';
  if (ahead === 0) return 'due-today';
  return -ahead >= settings.escalateAfterDays ? 'escalated' : 'overdue';
}
