import { createRoute, z } from '@hono/zod-openapi';
import {
  Action,
  myActions,
  PlanKind,
  periodToUpdate,
  type ReportingPeriod,
  reportingPeriods,
  Timescale,
} from '@peopleplan/core';
import { activePlans, type CouncilData } from '@peopleplan/db';
import type { AppDeps } from '../context.js';
import { openCouncil } from '../tenant.js';
import type { App } from '../types.js';
import { CouncilParam, errors, json, londonToday, PlanParams, RagResultSchema } from './common.js';

const Period = z.object({
  value: z.string().describe('What an update stores as its period'),
  label: z.string(),
  date: z.string(),
  fromPlan: z
    .boolean()
    .describe('One of the plan’s own reporting points (else the usual mid-year and year-end)'),
  closed: z.boolean().describe('Closed: its report is frozen, and an update filed under it is refused'),
});
const Periods = z.object({
  items: z.array(Period),
  current: z
    .string()
    .optional()
    .describe(
      'What an update is filed under by default: the period last reported while its report is still gathered (not closed, reported within the last quarter), else the one in progress',
    ),
});

const MyAction = z.object({
  action: Action.extend({ rag: RagResultSchema }),
  plan: z.object({ id: z.string(), title: z.string(), kind: PlanKind }),
  theme: z.object({ id: z.string(), ref: z.string(), title: z.string() }).optional(),
  timeliness: z.enum(['late', 'due-soon', 'later', 'closed']),
  daysLate: z.number().int().optional(),
  milestones: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      title: z.string(),
      due: Timescale,
      daysLate: z.number().int(),
      late: z.boolean(),
    }),
  ),
});

const MyActions = z.object({
  today: z.string(),
  dueSoonDays: z.number().int(),
  person: z.object({ id: z.string() }).optional().describe('Absent: the member is not linked to a person'),
  items: z.array(MyAction),
  /** The reporting periods of each plan the items belong to, for the update round. */
  plans: z.array(Periods.extend({ id: z.string(), title: z.string() })),
});

export function registerMyActionRoutes(app: App, deps: AppDeps) {
  const today = deps.today ?? (() => londonToday());

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/my-actions',
      operationId: 'getMyActions',
      tags: ['Actions'],
      'x-min-role': 'viewer',
      summary: 'Everything the signed-in person leads (through their linked person), late, due soon or later',
      request: { params: CouncilParam },
      responses: { 200: json(MyActions), ...errors },
    }),
    async (c) => {
      const { data, council, member } = await openCouncil(c, deps, c.req.valid('param').c);
      const d = today();
      const dueSoonDays = council.ragRules.dueSoonDays;
      const base = { today: d, dueSoonDays };
      if (!member.personId) return c.json({ ...base, items: [], plans: [] }, 200);
      const plans = await activePlans(data);
      const items = myActions(plans, member.personId, d, council.ragRules, dueSoonDays);
      const used = new Set(items.map((i) => i.plan.id));
      const opts = { financialYearStartMonth: council.financialYearStartMonth, today: d };
      return c.json(
        {
          ...base,
          person: { id: member.personId },
          items,
          plans: await Promise.all(
            plans
              .filter((p) => used.has(p.plan.id))
              .map(async ({ plan }) => {
                const periods = await periodsOf(data, plan.id, reportingPeriods(plan, opts), d);
                return { id: plan.id, title: plan.title, ...periods };
              }),
          ),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/plans/{planId}/reporting-periods',
      operationId: 'listReportingPeriods',
      tags: ['Plans'],
      'x-min-role': 'viewer',
      summary: 'The reporting periods an update to this plan may be filed under, and the one in progress',
      request: { params: PlanParams },
      responses: { 200: json(Periods), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { data, council } = await openCouncil(c, deps, p.c);
      const d = today();
      const periods = reportingPeriods(await data.plans.header(p.planId), {
        financialYearStartMonth: council.financialYearStartMonth,
        today: d,
      });
      return c.json(await periodsOf(data, p.planId, periods, d), 200);
    },
  );
}

/**
 * A plan's reporting periods, each saying whether it is closed, and the one an update goes under by
 * default (core's `periodToUpdate`): one small read of the plan's closed periods.
 */
async function periodsOf(data: CouncilData, planId: string, periods: ReportingPeriod[], today: string) {
  const closed = await data.snapshots.closedTest(planId);
  const current = periodToUpdate(periods, today, (p) => closed(p.value))?.value;
  return {
    items: periods.map((p) => ({ ...p, closed: closed(p.value) })),
    ...(current ? { current } : {}),
  };
}
