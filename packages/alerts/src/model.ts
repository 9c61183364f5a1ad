import type { Person, Status, Timescale } from '@peopleplan/core';
import type { Stage } from './stages.js';

/** An open action or milestone as the due index (or a council's plans) gives it. */
export type { DueItem } from '@peopleplan/db';

/** Someone an alert can go to: a directory person, or (as a last resort) a council admin. */
export interface Recipient {
  /** Person id, or `member:<sub>` for an admin who is not in the people directory. */
  key: string;
  councilId: string;
  name: string;
  email: string;
  prefs: Person['alertPreferences'];
  personId?: string | undefined;
}

/** Why a line reaches its reader: they lead the action, are escalated to, own the plan, or administer the council (when no one named can be emailed). */
export type LineRole = 'lead' | 'escalation' | 'owner' | 'admin';

/** One item in one recipient's digest. */
export interface AlertLine {
  stage: Stage;
  councilId: string;
  councilName: string;
  planId: string;
  planTitle: string;
  itemType: 'action' | 'milestone';
  itemId: string;
  actionId: string;
  /** The action's ref (a milestone also shows its own). */
  actionRef: string;
  ref: string;
  title: string;
  due?: Timescale | undefined;
  /** The date in the alert's identity: the due date, or the last update's date for stale progress. */
  keyDate: string;
  /** Positive when late, negative when still to come. */
  daysLate?: number | undefined;
  status: Status;
  role: LineRole;
  /** Why the reader is getting this, when it is not obvious ("This plan has no owner, so this comes to you…"). */
  note?: string | undefined;
  /** A milestone due later than its baseline: the baseline, so a reminder says it has slipped before. */
  movedFrom?: string | undefined;
  /** Set for re-baseline alerts: what moved, and what its history says of who, when and why. */
  moved?: DeadlineMove | undefined;
  recipient: Recipient;
  /** Set for re-baseline alerts: the outbox record that asked for it. */
  outboxSk?: string | undefined;
}

/** One re-baseline of a milestone's deadline. Dates are `YYYY-MM-DD`. */
export interface DeadlineMove {
  /** The first committed date. */
  baseline?: string | undefined;
  /** The deadline before this move (the baseline, unless it had moved before). */
  from?: string | undefined;
  to: string;
  /** From the milestone's re-baseline history, when it has this move. */
  recorded?: { reason?: string | undefined; by: string; at: string } | undefined;
}

export interface Digest {
  to: string;
  name: string;
  lines: AlertLine[];
}
