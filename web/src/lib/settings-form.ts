import { DEFAULT_ROLL_UP, type Rag, type RollUpMode, type Status } from '@peopleplan/core';
import { RAG_SHORT, ROLL_UP_LABELS, STATUS_LABELS, STATUSES } from './labels.js';
import type { CouncilSettings } from './responses.js';

/** The council settings form's fields, as the form holds them (numbers as typed). */
export interface Form {
  name: string;
  byStatus: Record<Status, Rag>;
  overdue: Rag;
  notStartedDueSoon: Rag;
  dueSoonDays: string;
  rebaselined: Rag;
  rollUpMilestones: RollUpMode;
  rollUpSubActions: RollUpMode;
  alertsEnabled: boolean;
  alertDueSoonDays: string;
  escalateAfterDays: string;
}

export const formOf = (c: CouncilSettings): Form => ({
  name: c.name,
  byStatus: { ...c.ragRules.byStatus },
  overdue: c.ragRules.overdue,
  notStartedDueSoon: c.ragRules.notStartedDueSoon,
  dueSoonDays: String(c.ragRules.dueSoonDays),
  rebaselined: c.ragRules.rebaselined,
  // Councils saved before roll-up existed have none: the default applies (core rag.ts).
  rollUpMilestones: (c.ragRules.rollUp ?? DEFAULT_ROLL_UP).milestones,
  rollUpSubActions: (c.ragRules.rollUp ?? DEFAULT_ROLL_UP).subActions,
  alertsEnabled: c.alertSettings.enabled,
  alertDueSoonDays: String(c.alertSettings.dueSoonDays),
  escalateAfterDays: String(c.alertSettings.escalateAfterDays),
});

export const FORM_LABELS: Record<keyof Form, string> = {
  name: 'Council name',
  byStatus: 'RAG for each status',
  overdue: 'Overdue items',
  notStartedDueSoon: 'Not started and due soon',
  dueSoonDays: '“Due soon” days',
  rebaselined: 'Re-baselined milestones',
  rollUpMilestones: 'Milestones in an action’s rating',
  rollUpSubActions: 'Sub-actions in an action’s rating',
  alertsEnabled: 'Email alerts',
  alertDueSoonDays: 'Alert days before due',
  escalateAfterDays: 'Escalate after days overdue',
};

export function describe(k: keyof Form, f: Form): string {
  const v = f[k];
  if (k === 'byStatus')
    return STATUSES.map((s) => `${STATUS_LABELS[s]}: ${RAG_SHORT[f.byStatus[s]]}`).join(', ');
  if (k === 'overdue' || k === 'notStartedDueSoon' || k === 'rebaselined') return RAG_SHORT[v as Rag];
  if (k === 'rollUpMilestones' || k === 'rollUpSubActions') return ROLL_UP_LABELS[v as RollUpMode];
  if (typeof v === 'boolean') return v ? 'On' : 'Off';
  return String(v);
}
