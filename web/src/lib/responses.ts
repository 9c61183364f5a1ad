import type { ApiData } from './api.js';

/**
 * Names for the API's answers that pages and components pass around. Every one is the generated type of
 * a route (api-schema.d.ts), or its narrowing (api-narrowings.ts): none is written out by hand.
 */
export type ActionRow = ApiData<'get', '/api/v1/councils/{c}/actions/{actionId}'>;
export type MilestoneRow = ApiData<'get', '/api/v1/councils/{c}/milestones/{milestoneId}'>;
export type ProgressUpdateRow = ApiData<
  'get',
  '/api/v1/councils/{c}/actions/{actionId}/updates'
>['items'][number];
export type PlanRow = ApiData<'get', '/api/v1/councils/{c}/plans/{planId}'>;
export type PersonRow = ApiData<'get', '/api/v1/councils/{c}/people'>['items'][number];
export type CouncilSettings = ApiData<'get', '/api/v1/councils/{c}/settings'>;
export type AlertPreferences = ApiData<'get', '/api/v1/councils/{c}/me/alert-preferences'>;

/** A plan with everything in it, as the council's plan page and the partnership's shared copy both show it. */
export type PlanContents = ApiData<'get', '/api/v1/councils/{c}/plans/{planId}/contents'>;
export type ThemeRow = PlanContents['themes'][number];

type Overview = ApiData<'get', '/api/v1/partnerships/{p}/overview'>;
export type OverviewRow = Overview['councils'][number];
export type OverviewCounts = Overview['totals'];
export type SharedPlanRef = OverviewRow['sharedPlans'][number];
export type Comparison = ApiData<'get', '/api/v1/partnerships/{p}/compare'>;
export type ComparedPlan = Comparison['plans'][number];
export type ComparedTheme = ComparedPlan['themes'][number];
export type Consent = ApiData<'get', '/api/v1/councils/{c}/partnerships'>['items'][number];
export type { CombinedMilestone, Me } from './api-narrowings.js';

type MyActionsAnswer = ApiData<'get', '/api/v1/councils/{c}/my-actions'>;
export type MyActionItem = MyActionsAnswer['items'][number];
export type ReportingPeriods = ApiData<'get', '/api/v1/councils/{c}/plans/{planId}/reporting-periods'>;
export type ReportingPeriodRow = ReportingPeriods['items'][number];

export type ReportPeriodChoice = ApiData<
  'get',
  '/api/v1/councils/{c}/plans/{planId}/report-periods'
>['items'][number];
export type ClosePreview = ApiData<
  'get',
  '/api/v1/councils/{c}/plans/{planId}/periods/{periodKey}/close-preview'
>;
export type HistoryEventRow = ApiData<'get', '/api/v1/councils/{c}/audit'>['items'][number];
export type SearchHit = ApiData<'get', '/api/v1/councils/{c}/search'>['items'][number];
export type PlanTrends = ApiData<'get', '/api/v1/councils/{c}/plans/{planId}/trends'>;
export type MyCalendarFeed = ApiData<'get', '/api/v1/councils/{c}/calendar-feeds'>['items'][number];
