import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../context.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import { CouncilParam, errors, json, londonToday, PlanParams } from './common.js';

const PeriodChoice = z
  .object({
    key: z.string().openapi({ example: 'mid-year-2013-14' }),
    label: z.string().openapi({ example: 'Mid-year 2013-14' }),
    kind: z.enum(['mid-year', 'year-end', 'month', 'quarter']),
    start: z.string(),
    end: z.string(),
    running: z.boolean(),
    closed: z.boolean(),
    closedAt: z.string().optional(),
    closedBy: z.string().optional(),
  })
  .openapi('ReportPeriodChoice');

/** The periods a plan can be reported on and closed, each saying whether it is closed. */
function registerReportPeriodChoices(app: App, deps: AppDeps, today: () => string) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/plans/{planId}/report-periods',
      operationId: 'listReportPeriods',
      tags: ['Reports'],
      'x-min-role': 'viewer',
      summary: 'The periods the plan can be reported on: mid-year, year-end and months, newest first',
      description:
        'Every mid-year and year-end of the financial years the plan’s period touches, then its months ' +
        '(the latest 36), all started by today; each says whether it is closed (its report is frozen).',
      request: { params: PlanParams },
      responses: { 200: json(z.object({ items: z.array(PeriodChoice) })), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'viewer');
      const [council, plan, closed] = await Promise.all([
        data.council.get(),
        data.plans.header(p.planId),
        data.snapshots.list(p.planId),
      ]);
      const { planPeriods } = await import('@peopleplan/services/plan-periods');
      const d = today();
      const byKey = new Map(closed.map((s) => [s.key, s]));
      const items = planPeriods(plan, council, d).periods.map((x) => {
        const s = byKey.get(x.key);
        return {
          key: x.key,
          label: x.label,
          kind: x.kind,
          start: x.start,
          end: x.end,
          running: x.start <= d && d <= x.end,
          closed: !!s,
          ...(s && { closedAt: s.closedAt, closedBy: s.closedBy.name }),
        };
      });
      return c.json({ items }, 200);
    },
  );
}

const MyFeed = z
  .object({
    scope: z.enum(['person', 'plan']),
    subjectId: z.string(),
    subjectName: z.string().openapi({ description: 'The person’s name or the plan’s title' }),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .openapi('MyCalendarFeed');
/**
 * The caller's own calendar feeds in the council: those they made, and the one of the person they are
 * linked to. Never the URLs (only their hashes are kept).
 */
function registerFeedList(app: App, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/calendar-feeds',
      operationId: 'listMyCalendarFeeds',
      tags: ['Calendars'],
      'x-min-role': 'contributor',
      summary: 'Your calendar feeds: those you made and your own person’s, newest first (never the URLs)',
      request: { params: CouncilParam },
      responses: { 200: json(z.object({ items: z.array(MyFeed) })), ...errors },
    }),
    async (c) => {
      const data = await councilData(c, deps, c.req.valid('param').c, 'contributor');
      const { myCalendarFeeds } = await import('@peopleplan/services/my-feeds');
      const items = await myCalendarFeeds(data);
      return c.json({ items }, 200);
    },
  );
}

/**
 * Lists the reporting cycle's pages need (issue 17): the periods a plan can be reported on, and one's
 * own calendar feeds. Served by the API function: neither needs the documents function's writers.
 */
export function registerReportListRoutes(app: App, deps: AppDeps) {
  registerReportPeriodChoices(app, deps, deps.today ?? (() => londonToday()));
  registerFeedList(app, deps);
}
