import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../context.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import { body, ErrorSchema, errors, json, londonToday } from './common.js';
import { PeriodParams } from './reports.js';

const Counts = z.record(z.string(), z.number().int());
const PeriodRef = z.object({
  key: z.string().openapi({ example: 'mid-year-2026-27' }),
  label: z.string().openapi({ example: 'Mid-year 2026-27' }),
  kind: z.enum(['mid-year', 'year-end', 'month', 'quarter']),
  start: z.string(),
  end: z.string(),
});
const Facts = z.object({
  overdueActions: z.number().int(),
  milestones: z.object({ total: z.number().int(), completed: z.number().int(), overdue: z.number().int() }),
  exceptions: z.number().int(),
  themes: z.array(
    z.object({
      id: z.string(),
      heading: z.string(),
      total: z.number().int(),
      byRag: Counts,
      overdueActions: z.number().int(),
      overdueMilestones: z.number().int(),
    }),
  ),
});
const Preview = z
  .object({
    period: PeriodRef,
    closed: z.boolean().openapi({ description: 'Already closed: the counts are the frozen ones' }),
    closedAt: z.string().optional(),
    closedBy: z.object({ sub: z.string(), name: z.string() }).optional(),
    asOf: z.string().openapi({ description: 'Status and RAG are judged at this date' }),
    actionCount: z.number().int(),
    byStatus: Counts,
    byRag: Counts,
    facts: Facts.optional(),
    travel: z
      .object({ improved: z.number(), same: z.number(), worse: z.number(), new: z.number() })
      .optional(),
    comparedWith: z.object({ key: z.string(), label: z.string() }).optional(),
    notUpdated: z
      .array(
        z.object({
          actionId: z.string(),
          ref: z.string(),
          title: z.string(),
          themeId: z.string(),
          themeHeading: z.string(),
        }),
      )
      .optional()
      .openapi({
        description:
          'Open actions with no update for the period, as its report will list them (a period not yet closed only)',
      }),
  })
  .openapi('ClosePreview');
const Reopen = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(3, 'say why the period is reopened')
    .max(2000)
    .openapi({ example: 'Kent’s year-end figures were corrected after closing' }),
});
const Reopened = z
  .object({
    planId: z.string(),
    key: z.string(),
    label: z.string(),
    reopenedAt: z.string(),
    reopenedBy: z.object({ sub: z.string(), name: z.string() }),
    reason: z.string(),
    fallsBackTo: z
      .object({ key: z.string(), label: z.string() })
      .optional()
      .openapi({ description: 'The closed period direction of travel now measures against' }),
  })
  .openapi('PeriodReopened');

/** Closing a period, seen first (what will be frozen), and reopening one (admins, with a reason). */
/** Closing, previewing and reopening periods (report summaries included) load with their first use (docs/architecture.md, section 9). */
const periodService = () => import('@peopleplan/services/periods');

export function registerPeriodRoutes(app: App, deps: AppDeps) {
  const today = deps.today ?? (() => londonToday());

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/plans/{planId}/periods/{periodKey}/close-preview',
      operationId: 'previewClosePeriod',
      tags: ['Reports'],
      'x-min-role': 'editor',
      summary: 'What closing the period will freeze: counts by status and RAG, overdue, period dates',
      description:
        'Nothing is written. For a period already closed, the counts it froze (`closed: true`). A period ' +
        'that has not started, or that the plan does not offer (`GET …/report-periods`), cannot be closed (422).',
      request: { params: PeriodParams },
      responses: {
        200: json(Preview),
        422: json(ErrorSchema, 'The period has not started, or is not one of the plan’s'),
        ...errors,
      },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      return c.json(await (await periodService()).closePreview(data, p.planId, p.periodKey, today()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/councils/{c}/plans/{planId}/periods/{periodKey}/reopen',
      operationId: 'reopenPeriod',
      tags: ['Reports'],
      'x-min-role': 'admin',
      summary: 'Reopen a closed period (admins): its snapshot and frozen report go; the reason is kept',
      description:
        'The reason is kept in the audit trail (and the plan’s history). Direction of travel falls back to ' +
        'the latest closed period still standing; the period’s report is built from live data again until ' +
        'it is closed anew. 404 if the period is not closed.',
      request: { params: PeriodParams, ...body(Reopen) },
      responses: {
        200: json(Reopened),
        409: json(
          ErrorSchema,
          'Closed or reopened meanwhile (`conflict`), or the plan is archived (`plan-archived`)',
        ),
        ...errors,
      },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'admin');
      const { reason } = c.req.valid('json');
      return c.json(
        await (await periodService()).reopenPeriod(data, p.planId, p.periodKey, today(), reason),
        200,
      );
    },
  );
}
