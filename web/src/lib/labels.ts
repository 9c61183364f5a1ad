import type { LeadRole, PlanKind, Rag, Status } from '@peopleplan/core';

export { RAG_LABELS, RAGS, STATUS_LABELS, STATUSES } from '@peopleplan/core';

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

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  'people-strategy': 'People strategy',
  'peer-review': 'Peer review action plan',
  'best-value-review': 'Best value review',
  'business-plan': 'Business plan',
  'iip-assessment': 'Investors in People assessment',
};

export const PLAN_STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  active: 'Active',
  closed: 'Closed',
  archived: 'Archived',
};

export const LEAD_ROLE_LABELS: Record<LeadRole, string> = {
  member: 'Member lead',
  strategic: 'Strategic lead',
  operational: 'Operational lead',
  accountable: 'Accountable officer',
  responsible: 'Responsible',
};

/**
 * Core's LEAD_ROLES lives beside the zod schemas (entities.ts), which would pull zod into the browser;
 * the record above is typed by core's LeadRole, so this list cannot miss one.
 */
export const LEAD_ROLES = Object.keys(LEAD_ROLE_LABELS) as LeadRole[];

export const ROLE_LABELS: Record<string, string> = {
  admin: 'Administrator',
  editor: 'Editor',
  contributor: 'Contributor',
  viewer: 'Viewer',
  'partner-reader': 'Partner reader',
};
