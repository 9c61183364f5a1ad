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
  /** Why the reader is getting this, when it is not obvious ("No one will be told about this: …"). */
  note?: string | undefined;
  recipient: Recipient;
  /** Set for re-baseline alerts: the outbox record that asked for it. */
  outboxSk?: string | undefined;
}

export interface Digest {
  to: string;
  name: string;
  lines: AlertLine[];
}
