import {
  LEAD_ROLE_LABELS,
  type LeadRole,
  PLAN_KIND_NAMES,
  type PlanKind,
  type Rag,
  type ReviewCadence,
  type Status,
  type Timeliness,
} from '@peopleplan/core';

// Lead roles' words and "None named" are core's: the reports say them as the pages do.
export {
  LEAD_ROLE_LABELS,
  NO_LEAD,
  RAG_LABELS,
  RAGS,
  ROLL_UP_EXPLAINED,
  ROLL_UP_LABELS,
  STATUS_LABELS,
  STATUSES,
} from '@peopleplan/core';

/** GOV.UK tag colours. The tag always carries the words too: colour is never the only signal. */
export const STATUS_TAG: Record<Status, string> = {
  'not-started': 'govuk-tag--grey',
  'on-track': 'govuk-tag--green',
  'at-risk': 'govuk-tag--orange',
  'off-track': 'govuk-tag--red',
  completed: 'govuk-tag--blue',
  deferred: 'govuk-tag--purple',
  cancelled: 'govuk-tag--grey',
  ongoing: 'govuk-tag--turquoise',
};

export const RAG_TAG: Record<Rag, string> = {
  red: 'govuk-tag--red',
  amber: 'govuk-tag--orange',
  green: 'govuk-tag--green',
  blue: 'govuk-tag--blue',
  grey: 'govuk-tag--grey',
};

/** Short RAG words for tags and table cells; the long form (RAG_LABELS) goes in titles and legends. */
export const RAG_SHORT: Record<Rag, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  blue: 'Blue',
  grey: 'Grey',
};

/** The kinds' names are core's (reports and import notes use them too). */
export const PLAN_KIND_LABELS: Record<PlanKind, string> = PLAN_KIND_NAMES;

export const PLAN_STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  active: 'Active',
  closed: 'Closed',
  archived: 'Archived',
};

/**
 * Core's LEAD_ROLES lives beside the zod schemas (entities.ts), which would pull zod into the browser;
 * core's LEAD_ROLE_LABELS is typed by LeadRole, so this list cannot miss one.
 */
export const LEAD_ROLES = Object.keys(LEAD_ROLE_LABELS) as LeadRole[];

export const ROLE_LABELS: Record<string, string> = {
  admin: 'Administrator',
  editor: 'Editor',
  contributor: 'Contributor',
  viewer: 'Viewer',
  'partner-reader': 'Partner reader',
};

export const REVIEW_CADENCE_LABELS: Record<ReviewCadence, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  'six-monthly': 'Every six months',
  annual: 'Once a year',
};

/** Where an action sits in a person's list ("my actions"). */
export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  late: 'Late',
  'due-soon': 'Due soon',
  later: 'Later',
  closed: 'Completed or closed',
};

/** What a plan's status change is called, on its button and in its confirmation. */
export const PLAN_MOVES: Record<string, { verb: string; confirm: string }> = {
  active: {
    verb: 'Make this plan active',
    confirm: 'Its actions will be reported on, and count as stale when not updated in time.',
  },
  closed: { verb: 'Close this plan', confirm: 'It stays on record and can be reopened.' },
  reopen: { verb: 'Reopen this plan', confirm: 'It becomes active again.' },
  archived: {
    verb: 'Archive this plan',
    confirm: 'It leaves the dashboard and current work for good. Its history is kept.',
  },
};

/** Audit events in words ("Changed an action"), never the raw operation and type. */
const OPERATION_WORDS: Record<string, string> = {
  create: 'Added',
  update: 'Changed',
  delete: 'Removed',
  append: 'Added',
  import: 'Imported',
  grant: 'Granted',
  revoke: 'Revoked',
};
const ENTITY_WORDS: Record<string, string> = {
  plan: 'a plan',
  // The app's word for what a plan groups its actions under, when the plan's own word is not known
  // (history-words.ts uses the plan's: "Added an objective").
  theme: 'a group',
  action: 'an action',
  milestone: 'a milestone',
  update: 'a progress update',
  indicator: 'an indicator',
  risk: 'a risk',
  continuity: 'a continuity function',
  decision: 'a decision',
  person: 'a person',
  member: 'a member',
  council: 'the council settings',
  consent: 'sharing with a partnership',
  'period-snapshot': 'a closed period',
};
/** "Added an objective": what happened to an item; `what` names it in a plan's own word (a theme). */
export const auditWords = (operation: string, entityType: string, what?: string) =>
  `${OPERATION_WORDS[operation] ?? 'Changed'} ${what ?? ENTITY_WORDS[entityType] ?? 'an item'}`;
