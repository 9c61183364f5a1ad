import { z } from 'zod';
import { RagRules } from './rag.js';
import { CouncilRole, SLUG_PATTERN } from './roles.js';
import { Rag, Status } from './status.js';
import { IsoDate, Timescale } from './timescale.js';

/** Slug ids for councils and partnerships (`east-herts`, `hr-shared-service`). */
export const Slug = z.string().regex(SLUG_PATTERN, 'expected a lower-case slug');
/** Opaque item ids (ULIDs). */
export const Id = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'expected an id');
export const IsoDateTime = z.iso.datetime({ offset: true });

const text = (max: number) => z.string().trim().max(max);
const title = z.string().trim().min(1, 'must not be empty').max(500);

/** Fields every stored, mutable item carries. `version` guards every update (409 on mismatch). */
export const Versioned = z.object({
  version: z.number().int().min(1),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const PLAN_KINDS = [
  'people-strategy',
  'peer-review',
  'best-value-review',
  'business-plan',
  'iip-assessment',
] as const;
export const PlanKind = z.enum(PLAN_KINDS);
export type PlanKind = z.infer<typeof PlanKind>;

export const PlanStatus = z.enum(['draft', 'active', 'closed', 'archived']);
export const ReviewCadence = z.enum(['monthly', 'quarterly', 'six-monthly', 'annual']);
export type ReviewCadence = z.infer<typeof ReviewCadence>;

export const AlertSettings = z.strictObject({
  dueSoonDays: z.number().int().min(1).max(90).default(14),
  escalateAfterDays: z.number().int().min(1).max(365).default(30),
  enabled: z.boolean().default(true),
});
export type AlertSettings = z.infer<typeof AlertSettings>;

export const CouncilStatus = z.enum(['active', 'suspended']);
export type CouncilStatus = z.infer<typeof CouncilStatus>;

export const Council = z.object({
  id: Slug,
  name: title,
  /** A suspended council's members cannot sign in to it; its data is kept. */
  status: CouncilStatus.default('active'),
  financialYearStartMonth: z.number().int().min(1).max(12).default(4),
  timeZone: z.string().default('Europe/London'),
  ragRules: RagRules,
  alertSettings: AlertSettings,
  ...Versioned.shape,
});
export type Council = z.infer<typeof Council>;

export const AlertPreferences = z.strictObject({
  frequency: z.enum(['immediate', 'weekly']).default('immediate'),
  dueSoon: z.boolean().default(true),
});

export const Person = z.object({
  id: Id,
  councilId: Slug,
  name: title,
  /** Label as plans write it: `GM (HR)`, `HOPOS`, `Cllr Jackson`, `L&D Team`. */
  roleLabel: text(200).optional(),
  jobTitle: text(200).optional(),
  email: z.email().optional(),
  /** Set when the importer could not match the label to a known person. */
  unresolved: z.boolean().default(false),
  alertPreferences: AlertPreferences.default({ frequency: 'immediate', dueSoon: true }),
  /**
   * Set when this person was merged into another (a duplicate): every reference now points at that
   * person; this record stays, so the history still reads and its labels still match on import.
   */
  mergedInto: Id.optional(),
  mergedAt: IsoDateTime.optional(),
  /** A merge into this person has started and not finished: references are being moved (people-merge.ts). */
  mergingInto: Id.optional(),
  /**
   * The day they left the council: no longer offered as a lead or a plan's owner, and told nothing by
   * the alert job. Set only once they lead no open action (people-handover.ts); cleared, they are back.
   */
  leftOn: IsoDate.optional(),
  ...Versioned.shape,
});
export type Person = z.infer<typeof Person>;

/** A user's id as the identity provider gives it (Cognito's `sub`: a UUID). */
export const UserSub = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/, 'expected a user id');

export const Membership = z.object({
  councilId: Slug,
  userSub: UserSub,
  email: z.email(),
  name: title,
  role: CouncilRole,
  /** The directory person this user is (contributors report on the actions they lead). */
  personId: Id.optional(),
  invitedBy: z.string().optional(),
  /** Mail to this address bounced or was complained about: alerts stop going to it until it is fixed. */
  undeliverable: z.strictObject({ at: IsoDateTime, reason: z.string().max(500) }).optional(),
  ...Versioned.shape,
});
export type Membership = z.infer<typeof Membership>;

export const LEAD_ROLES = ['member', 'strategic', 'operational', 'accountable', 'responsible'] as const;
export const LeadRole = z.enum(LEAD_ROLES);
export type LeadRole = z.infer<typeof LeadRole>;

/** A lead on an action: points at a person when resolved, always keeps the label as written. */
export const Lead = z.strictObject({
  role: LeadRole,
  label: text(200).min(1),
  personId: Id.optional(),
});
export type Lead = z.infer<typeof Lead>;

/**
 * A plan's narrative sections, each stored in an item of its own (up to 100,000 characters each). Few
 * enough that a new plan with all its themes and sections is still written in one transaction.
 */
export const MAX_SECTIONS = 40;
export const MAX_SECTION_CHARS = 100_000;
export const Section = z.strictObject({
  key: text(60).min(1),
  title: text(300),
  body: text(MAX_SECTION_CHARS),
});
export const Approval = z.strictObject({ body: text(300).optional(), date: IsoDate.optional() });
export const ReportingPoint = z.strictObject({ label: text(100).min(1), date: IsoDate });

export const Plan = z.object({
  id: Id,
  councilId: Slug,
  title,
  kind: PlanKind,
  /** What the plan calls its groups, in the council's own word ("Theme", "Objective"); none: its kind's. */
  themeNoun: text(40).optional(),
  period: z.strictObject({ label: text(100).optional(), start: IsoDate.optional(), end: IsoDate.optional() }),
  ownerPersonId: Id.optional(),
  ownerLabel: text(200).optional(),
  directorate: text(200).optional(),
  division: text(200).optional(),
  status: PlanStatus,
  /** The day the plan last became active: actions with no update count as stale from here (board.ts). */
  activatedOn: IsoDate.optional(),
  approval: Approval.optional(),
  reviewCadence: ReviewCadence.default('quarterly'),
  reportingPoints: z.array(ReportingPoint).max(24).default([]),
  sections: z.array(Section).max(MAX_SECTIONS).default([]),
  /** Text an import could not place anywhere: never dropped. */
  unplaced: z.array(z.string()).default([]),
  ...Versioned.shape,
});
export type Plan = z.infer<typeof Plan>;

export const Theme = z.object({
  id: Id,
  planId: Id,
  ref: text(20),
  title,
  description: text(20_000).optional(),
  order: z.number().int().min(0),
  ...Versioned.shape,
});
export type Theme = z.infer<typeof Theme>;

export const RagOverride = z.strictObject({
  rag: Rag,
  reason: z.string().trim().min(3, 'give a reason for overriding RAG').max(2000),
  by: z.string(),
  at: IsoDateTime,
});
export type RagOverride = z.infer<typeof RagOverride>;

export const CrossRef = z.strictObject({ text: text(500).min(1), actionId: Id.optional() });

/** A cell of the imported plan under a column with no field of its own, kept under the column's name. */
export const ExtraField = z.strictObject({ label: text(300).min(1), text: text(20_000) });
export type ExtraField = z.infer<typeof ExtraField>;

export const LatestUpdate = z.strictObject({
  id: Id,
  at: IsoDateTime,
  authorName: z.string(),
  status: Status,
  rag: Rag.optional(),
  narrative: z.string(),
  /** The reporting period it was given (older updates may have none here). */
  period: z.string().optional(),
});

/**
 * What an effective update says of its filing (recent-updates.ts): the update round asks whether any of
 * them is for the period chosen, as a report reads the whole history (update-period.ts).
 */
export const RecentUpdate = z.strictObject({ period: z.string().optional(), at: IsoDateTime });
export type RecentUpdate = z.infer<typeof RecentUpdate>;

export const Rebaseline = z.strictObject({
  from: Timescale.optional(),
  to: Timescale,
  reason: z.string().max(2000).optional(),
  by: z.string(),
  at: IsoDateTime,
});
export type Rebaseline = z.infer<typeof Rebaseline>;

export const Action = z.object({
  id: Id,
  planId: Id,
  themeId: Id.optional(),
  parentId: Id.optional(),
  ref: text(20),
  title,
  outcome: text(20_000).optional(),
  currentPosition: text(20_000).optional(),
  constraints: text(20_000).optional(),
  measureOfSuccess: text(20_000).optional(),
  leads: z.array(Lead).max(20).default([]),
  start: Timescale.optional(),
  due: Timescale.optional(),
  /**
   * The first committed due, kept when the due first moves later (absent: the due is still the one first
   * committed), so slippage stays visible in reports, as a milestone's does.
   */
  baselineDue: Timescale.optional(),
  /** Each time the due moved later, oldest first, with the reason given. */
  rebaselines: z.array(Rebaseline).max(100).optional(),
  status: Status,
  ragOverride: RagOverride.optional(),
  crossRefs: z.array(CrossRef).max(20).default([]),
  unplaced: z.array(z.string()).default([]),
  /** Columns of the imported plan with no field of their own ("Supporting partners"), as written. */
  extra: z.array(ExtraField).max(50).optional(),
  order: z.number().int().min(0),
  latestUpdate: LatestUpdate.optional(),
  /**
   * The newest effective updates (about RECENT_UPDATES; a correction replaces the update it corrects),
   * by update id. Absent on an action with no update since it was kept: `latestUpdate` says instead.
   */
  recentUpdates: z
    .record(z.string(), RecentUpdate)
    .optional()
    .describe(
      'The newest effective updates’ periods and times, by update id: whether one is for a period (absent: see latestUpdate)',
    ),
  ...Versioned.shape,
});
export type Action = z.infer<typeof Action>;

export const BaselineCorrection = z.strictObject({
  from: Timescale.optional(),
  to: Timescale,
  reason: z.string().max(2000),
  by: z.string(),
  at: IsoDateTime,
});
export type BaselineCorrection = z.infer<typeof BaselineCorrection>;

export const Milestone = z.object({
  id: Id,
  planId: Id,
  actionId: Id,
  /** Other actions the milestone serves (seed 003's key milestones cite several refs). */
  linkedActionIds: z.array(Id).max(50).default([]),
  ref: text(20),
  title,
  /** First committed due: never changes after creation, so slippage stays visible. */
  baselineDue: Timescale.optional(),
  /** Current due: moving it past the baseline is a re-baseline. */
  due: Timescale.optional(),
  completedOn: IsoDate.optional(),
  status: Status,
  /** Corrections of the baseline by an admin, oldest first: the baseline never moves silently. */
  baselineCorrections: z.array(BaselineCorrection).max(50).optional(),
  /** Each time the current due moved later (re-baselined), oldest first, with the reason given. */
  rebaselines: z.array(Rebaseline).max(100).optional(),
  /**
   * Set when the milestone was still open as its action closed, and was closed with it: what it was
   * then, so that reopening the action reopens it as it was (milestones-with-action.ts). Read-only.
   */
  closedWithAction: z.object({ status: Status, completedOn: IsoDate.optional() }).optional(),
  ...Versioned.shape,
});
export type Milestone = z.infer<typeof Milestone>;

/** Append-only: never edited or deleted; corrections are new updates. */
export const ProgressUpdate = z.object({
  id: Id,
  planId: Id,
  actionId: Id,
  authorSub: z.string(),
  authorName: z.string(),
  at: IsoDateTime,
  /**
   * Reporting period the update belongs to: one the plan offers (reporting-periods.ts), e.g.
   * `Mid-year 2026-27`; older updates may hold free text such as `2026-11`.
   */
  period: text(100),
  narrative: z.string().trim().min(1).max(20_000),
  status: Status,
  /**
   * The action's status when the update was made: what a report of an earlier period shows for an action
   * whose only updates came after it (absent on updates made before it was kept).
   */
  statusBefore: Status.optional(),
  rag: Rag.optional(),
  /** The earlier update this one corrects: both stay in the history; the correction counts. */
  corrects: Id.optional(),
});
export type ProgressUpdate = z.infer<typeof ProgressUpdate>;

/**
 * A measured value (indicator targets, actuals, floor standards): finite, and within what DynamoDB and
 * JavaScript both keep exactly (whole numbers to 10^15, fractions to a billionth).
 */
export const Measure = z
  .number()
  .finite()
  .min(-1e15)
  .max(1e15)
  .refine((v) => v === 0 || Math.abs(v) >= 1e-9, { message: 'too small to keep: round it' });

export const PeriodValue = z.strictObject({
  /** `2013-14`, `2013-14 Q1`, `2026-11` */
  period: text(40).min(1),
  value: Measure.nullable(),
  note: text(500).optional(),
});

export const Indicator = z.object({
  id: Id,
  planId: Id,
  ref: text(20).optional(),
  name: title,
  unit: text(40).optional(),
  goodDirection: z.enum(['up', 'down', 'none']).default('up'),
  floorStandard: Measure.nullable().optional(),
  baseline: PeriodValue.optional(),
  benchmark: text(200).optional(),
  targets: z.array(PeriodValue).max(60).default([]),
  actuals: z.array(PeriodValue).max(60).default([]),
  ...Versioned.shape,
});
export type Indicator = z.infer<typeof Indicator>;

export const Risk = z.object({
  id: Id,
  planId: Id,
  ref: text(20).optional(),
  description: title,
  likelihood: text(40).optional(),
  impact: text(40).optional(),
  mitigation: text(20_000).optional(),
  ownerLabel: text(200).optional(),
  ...Versioned.shape,
});
export type Risk = z.infer<typeof Risk>;

export const ContinuityFunction = z.object({
  id: Id,
  planId: Id,
  name: title,
  /** Recovery timescale as written ("24 hours", "1 week"). */
  timescale: text(200).optional(),
  minimumServiceLevel: text(5000).optional(),
  ...Versioned.shape,
});
export type ContinuityFunction = z.infer<typeof ContinuityFunction>;

export const Decision = z.object({
  id: Id,
  planId: Id,
  ref: text(20).optional(),
  title,
  decisionMaker: text(200).optional(),
  due: Timescale.optional(),
  description: text(20_000).optional(),
  ...Versioned.shape,
});
export type Decision = z.infer<typeof Decision>;

/** Activity that needs support from another division ("activity needing support" in seed 003). */
export const Dependency = z.object({
  id: Id,
  planId: Id,
  fromUnit: text(200),
  description: title,
  actionRefs: z.array(text(20)).default([]),
  /** When the support is needed, as written. */
  expected: Timescale.optional(),
  ...Versioned.shape,
});
export type Dependency = z.infer<typeof Dependency>;

export const AuditEvent = z.object({
  id: Id,
  councilId: Slug,
  at: IsoDateTime,
  actorSub: z.string(),
  actorName: z.string().optional(),
  operation: z.enum(['create', 'update', 'delete', 'append', 'import', 'grant', 'revoke']),
  entityType: z.string(),
  entityId: z.string(),
  planId: Id.optional(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const Partnership = z.object({
  id: Slug,
  name: title,
  leadCouncilId: Slug,
  memberCouncilIds: z.array(Slug).default([]),
  ...Versioned.shape,
});
export type Partnership = z.infer<typeof Partnership>;

/**
 * A member council's consent to share with a partnership. Kept in the council's own partition so
 * that only the council (its admin) controls it and partner reads go through its tenant role.
 */
export const PartnershipConsent = z.object({
  partnershipId: Slug,
  councilId: Slug,
  status: z.enum(['invited', 'granted', 'revoked']),
  scope: z.union([z.literal('all'), z.strictObject({ planIds: z.array(Id).min(1).max(500) })]),
  changedBy: z.string(),
  ...Versioned.shape,
});
export type PartnershipConsent = z.infer<typeof PartnershipConsent>;

/** A whole plan with everything in it, ids assigned: what an import commit writes in one go. */
export interface PlanBundle {
  plan: Plan;
  themes: Theme[];
  actions: Action[];
  milestones: Milestone[];
  updates: ProgressUpdate[];
  people: Person[];
  indicators: Indicator[];
  risks: Risk[];
  continuity: ContinuityFunction[];
  decisions: Decision[];
  dependencies: Dependency[];
}
