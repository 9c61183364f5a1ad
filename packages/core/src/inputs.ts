import { z } from 'zod';
import {
  AlertPreferences,
  AlertSettings,
  Approval,
  CrossRef,
  Id,
  Lead,
  MAX_SECTIONS,
  Measure,
  PeriodValue,
  PlanKind,
  PlanStatus,
  ReportingPoint,
  ReviewCadence,
  Section,
  Slug,
} from './entities.js';
import { normaliseRef } from './order.js';
import { RagRules } from './rag.js';
import { CouncilRole } from './roles.js';
import { Rag, Status } from './status.js';
import { IsoDate, Timescale } from './timescale.js';

/**
 * Request bodies. All strict: an unknown field is a 400, so a typo never silently does nothing.
 * Patches carry the `version` the client last saw; a stale one is a 409.
 */
const title = z.string().trim().min(1, 'must not be empty').max(500);
const text = (max: number) => z.string().trim().max(max);
/** A ref, kept as people mean it (order.ts `normaliseRef`): look-alikes of another ref are that ref. */
const ref = z.string().overwrite(normaliseRef).max(20);
const version = z.number().int().min(1);

/** A plan's reporting points: each is a period updates are filed under, so each needs its own name. */
const ReportingPoints = z
  .array(ReportingPoint)
  .max(24)
  .refine((points) => new Set(points.map((p) => p.label.toLowerCase())).size === points.length, {
    message: 'give each reporting point its own name',
  });

export const PlanCreate = z.strictObject({
  title,
  kind: PlanKind,
  themeNoun: text(40).optional(),
  period: z
    .strictObject({ label: text(100).optional(), start: IsoDate.optional(), end: IsoDate.optional() })
    .default({}),
  ownerPersonId: Id.optional(),
  ownerLabel: text(200).optional(),
  directorate: text(200).optional(),
  division: text(200).optional(),
  status: PlanStatus.default('draft'),
  approval: Approval.optional(),
  reviewCadence: ReviewCadence.default('quarterly'),
  reportingPoints: ReportingPoints.default([]),
  sections: z.array(Section).max(MAX_SECTIONS).default([]),
  themes: z
    .array(z.strictObject({ ref: ref.default(''), title, description: text(20_000).optional() }))
    .max(50)
    .default([]),
});
export type PlanCreate = z.infer<typeof PlanCreate>;

export const PlanPatch = z.strictObject({
  version,
  title: title.optional(),
  /** What kind of plan it is: its columns and the word for its groups follow (frozen reports keep theirs). */
  kind: PlanKind.optional(),
  /** Empty: the plan's groups are called by its kind's word again. */
  themeNoun: text(40).optional(),
  period: z
    .strictObject({ label: text(100).optional(), start: IsoDate.optional(), end: IsoDate.optional() })
    .optional(),
  ownerPersonId: Id.nullable().optional(),
  ownerLabel: text(200).optional(),
  directorate: text(200).optional(),
  division: text(200).optional(),
  status: PlanStatus.optional(),
  approval: Approval.optional(),
  reviewCadence: ReviewCadence.optional(),
  reportingPoints: ReportingPoints.optional(),
  sections: z.array(Section).max(MAX_SECTIONS).optional(),
});
export type PlanPatch = z.infer<typeof PlanPatch>;

export const ThemeCreate = z.strictObject({
  ref: ref.default(''),
  title,
  description: text(20_000).optional(),
});
export type ThemeCreate = z.infer<typeof ThemeCreate>;

export const ThemePatch = z.strictObject({
  version,
  ref: ref.optional(),
  title: title.optional(),
  description: text(20_000).optional(),
});
export type ThemePatch = z.infer<typeof ThemePatch>;

/**
 * A new order for some of a plan's themes, or for some actions that share a theme and a parent: the
 * items named take the places they held between them, in the order given (moving one up is a pair).
 */
export const ThemeOrder = z.strictObject({ themeIds: z.array(Id).min(1).max(50) });
export type ThemeOrder = z.infer<typeof ThemeOrder>;
export const ActionOrder = z.strictObject({ actionIds: z.array(Id).min(1).max(90) });
export type ActionOrder = z.infer<typeof ActionOrder>;

const actionFields = {
  themeId: Id.optional(),
  parentId: Id.optional(),
  ref: ref.default(''),
  title,
  outcome: text(20_000).optional(),
  currentPosition: text(20_000).optional(),
  constraints: text(20_000).optional(),
  measureOfSuccess: text(20_000).optional(),
  leads: z.array(Lead).max(20).default([]),
  start: Timescale.optional(),
  due: Timescale.optional(),
  status: Status.default('not-started'),
  crossRefs: z.array(CrossRef).max(20).default([]),
};
export const ActionCreate = z.strictObject(actionFields);
export type ActionCreate = z.infer<typeof ActionCreate>;

export const ActionPatch = z.strictObject({
  version,
  themeId: Id.nullable().optional(),
  ref: ref.optional(),
  title: title.optional(),
  outcome: text(20_000).optional(),
  currentPosition: text(20_000).optional(),
  constraints: text(20_000).optional(),
  measureOfSuccess: text(20_000).optional(),
  leads: z.array(Lead).max(20).optional(),
  start: Timescale.nullable().optional(),
  due: Timescale.nullable().optional(),
  status: Status.optional(),
  ragOverride: z
    .strictObject({ rag: Rag, reason: z.string().trim().min(3).max(2000) })
    .nullable()
    .optional(),
  crossRefs: z.array(CrossRef).max(20).optional(),
  /** The text an import could not place, tidied or cleared by hand (the history keeps what it said). */
  unplaced: z.array(text(20_000)).max(200).optional(),
  /** Why `due` moves later: kept with the action, as a milestone's re-baseline is. */
  rebaselineReason: z.string().trim().min(3, 'say why it is moving later').max(2000).optional(),
});
export type ActionPatch = z.infer<typeof ActionPatch>;

export const MilestoneCreate = z.strictObject({
  ref: ref.default(''),
  title,
  due: Timescale.optional(),
  linkedActionIds: z.array(Id).max(50).default([]),
  status: Status.default('not-started'),
});
export type MilestoneCreate = z.infer<typeof MilestoneCreate>;

/**
 * Marking a milestone done, or not done after all: what a contributor may change on the milestones of
 * the actions they lead. `completedOn` is the day it was done (default today), never in the future.
 */
export const MilestoneCompletion = z.strictObject({
  version,
  completed: z.boolean(),
  completedOn: IsoDate.optional(),
});
export type MilestoneCompletion = z.infer<typeof MilestoneCompletion>;

export const MilestonePatch = z.strictObject({
  version,
  ref: ref.optional(),
  title: title.optional(),
  due: Timescale.nullable().optional(),
  linkedActionIds: z.array(Id).max(50).optional(),
  status: Status.optional(),
  completedOn: IsoDate.nullable().optional(),
  /** Why the current due moves later (a re-baseline): kept with the milestone. */
  rebaselineReason: z.string().trim().min(3, 'say why it is moving later').max(2000).optional(),
  /**
   * An admin's correction of the first committed date (a baseline stored wrongly, e.g. an impossible
   * date kept from an older release). The reason is kept with the milestone and in the audit trail.
   */
  baselineCorrection: z
    .strictObject({
      due: Timescale,
      reason: z.string().trim().min(3, 'say why the baseline is wrong').max(2000),
    })
    .optional(),
});
export type MilestonePatch = z.infer<typeof MilestonePatch>;

export const ProgressUpdateCreate = z.strictObject({
  narrative: z.string().trim().min(1, 'write what has happened').max(20_000),
  status: Status,
  rag: Rag.optional(),
  /** One of the periods the plan offers (GET …/reporting-periods); left out: the one in progress. */
  period: text(100).optional(),
  /** The earlier update of the same action that this one corrects. */
  corrects: Id.optional(),
});
export type ProgressUpdateCreate = z.infer<typeof ProgressUpdateCreate>;

export const IndicatorCreate = z.strictObject({
  ref: ref.optional(),
  name: title,
  unit: text(40).optional(),
  goodDirection: z.enum(['up', 'down', 'none']).default('up'),
  floorStandard: Measure.nullable().optional(),
  baseline: PeriodValue.optional(),
  benchmark: text(200).optional(),
  targets: z.array(PeriodValue).max(60).default([]),
  actuals: z.array(PeriodValue).max(60).default([]),
});
export type IndicatorCreate = z.infer<typeof IndicatorCreate>;

export const IndicatorPatch = IndicatorCreate.partial().extend({ version });
export type IndicatorPatch = z.infer<typeof IndicatorPatch>;

export const RiskCreate = z.strictObject({
  ref: ref.optional(),
  description: title,
  likelihood: text(40).optional(),
  impact: text(40).optional(),
  mitigation: text(20_000).optional(),
  ownerLabel: text(200).optional(),
});
export type RiskCreate = z.infer<typeof RiskCreate>;

export const RiskPatch = RiskCreate.partial().extend({ version });
export type RiskPatch = z.infer<typeof RiskPatch>;

export const ContinuityCreate = z.strictObject({
  name: title,
  timescale: text(200).optional(),
  minimumServiceLevel: text(5000).optional(),
});
export type ContinuityCreate = z.infer<typeof ContinuityCreate>;

export const ContinuityPatch = ContinuityCreate.partial().extend({ version });
export type ContinuityPatch = z.infer<typeof ContinuityPatch>;

export const DecisionCreate = z.strictObject({
  ref: ref.optional(),
  title,
  decisionMaker: text(200).optional(),
  due: Timescale.optional(),
  description: text(20_000).optional(),
});
export type DecisionCreate = z.infer<typeof DecisionCreate>;

export const DecisionPatch = DecisionCreate.partial().extend({ version });
export type DecisionPatch = z.infer<typeof DecisionPatch>;

export const PersonCreate = z.strictObject({
  name: title,
  roleLabel: text(200).optional(),
  jobTitle: text(200).optional(),
  email: z.email().optional(),
});
export type PersonCreate = z.infer<typeof PersonCreate>;

export const PersonPatch = PersonCreate.partial().extend({
  version,
  unresolved: z.boolean().optional(),
  alertPreferences: AlertPreferences.optional(),
  /** The day they left the council (`null`: they have not, or are back). */
  leftOn: IsoDate.nullable().optional(),
});
export type PersonPatch = z.infer<typeof PersonPatch>;

export const CouncilSettingsPatch = z.strictObject({
  version,
  name: title.optional(),
  ragRules: RagRules.optional(),
  alertSettings: AlertSettings.optional(),
});
export type CouncilSettingsPatch = z.infer<typeof CouncilSettingsPatch>;

/** One email address, as every address PeoplePlan mails is (never a list, a display name or a header). */
export const EmailAddress = z.email().max(254);

/** A council admin invites someone by email, with a role (and, optionally, who they are in the plans). */
export const MemberInvite = z.strictObject({
  email: EmailAddress,
  role: CouncilRole,
  name: title.optional(),
  personId: Id.optional(),
});
export type MemberInvite = z.infer<typeof MemberInvite>;

export const MemberPatch = z.strictObject({
  version,
  role: CouncilRole.optional(),
  name: title.optional(),
  personId: Id.nullable().optional(),
});
export type MemberPatch = z.infer<typeof MemberPatch>;

/** An operator creates a council and invites its first admin. */
export const CouncilCreate = z.strictObject({
  id: Slug,
  name: title,
  financialYearStartMonth: z.number().int().min(1).max(12).default(4),
  ragRules: RagRules.optional(),
  alertSettings: AlertSettings.optional(),
  adminEmail: EmailAddress,
  adminName: title.optional(),
});
export type CouncilCreate = z.infer<typeof CouncilCreate>;

export const CouncilStatusChange = z.strictObject({ status: z.enum(['active', 'suspended']) });
export type CouncilStatusChange = z.infer<typeof CouncilStatusChange>;
