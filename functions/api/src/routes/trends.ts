import { createRoute, z } from '@hono/zod-openapi';
import {
  type Action,
  burnUp,
  type DueFacts,
  dueOn,
  isOpen,
  notFound,
  overdueOverPeriods,
  planRatings,
  RAGS,
  type Rag,
  ragMixOverPeriods,
} from '@peopleplan/core';
import { EVENTUAL } from '@peopleplan/db';
import type { AppDeps } from '../context.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import { errors, ItemId, json, londonToday, PlanParams } from './common.js';

const RagCounts = z.object(
  Object.fromEntries(RAGS.map((r) => [r, z.number().int()])) as Record<Rag, z.ZodNumber>,
);
const PeriodPoint = { periodKey: z.string(), label: z.string(), end: z.string() };
const Trends = z
  .object({
    planId: z.string(),
    themeId: z.string().optional(),
    today: z.string(),
    ragMix: z.array(
      z.object({
        ...PeriodPoint,
        total: z.number().int(),
        byRag: RagCounts.nullable().openapi({ description: 'Null: per-theme counts were not kept then' }),
      }),
    ),
    overdue: z.array(
      z.object({
        ...PeriodPoint,
        actions: z.number().int().nullable(),
        milestones: z.number().int().nullable(),
      }),
    ),
    current: z.object({
      asOf: z.string(),
      total: z.number().int(),
      byRag: RagCounts,
      overdueActions: z.number().int(),
      overdueMilestones: z.number().int(),
    }),
    burnUp: z.object({
      total: z.number().int(),
      undated: z.number().int(),
      completedUndated: z.number().int(),
      months: z.array(
        z.object({
          month: z.string(),
          planned: z.number().int(),
          due: z.number().int(),
          completed: z
            .number()
            .int()
            .nullable()
            .openapi({ description: 'Null for a month still to come: what will be completed is not known' }),
        }),
      ),
    }),
    indicators: z.array(
      z.object({
        id: z.string(),
        ref: z.string().optional(),
        name: z.string(),
        unit: z.string().optional(),
        goodDirection: z.enum(['up', 'down', 'none']),
        floorStandard: z.number().optional(),
        points: z.array(
          z.object({
            period: z.string(),
            target: z.number().nullable(),
            actual: z.number().nullable(),
            rag: z.enum(RAGS),
            assessment: z.string(),
          }),
        ),
      }),
    ),
  })
  .openapi('PlanTrends');

/** The theme an action sits in: its own, or its parent's (sub-actions often carry none). */
function themeOf(a: Action, byId: Map<string, Action>): string | undefined {
  let x: Action | undefined = a;
  for (let depth = 0; x && depth < 10; depth++) {
    if (x.themeId) return x.themeId;
    x = x.parentId ? byId.get(x.parentId) : undefined;
  }
  return undefined;
}

/** Trends for a plan or one of its themes (issue 17): over closed periods, by month, per indicator. */
export function registerTrendRoutes(app: App, deps: AppDeps) {
  const today = deps.today ?? (() => londonToday());

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/plans/{planId}/trends',
      operationId: 'getPlanTrends',
      tags: ['Reports'],
      'x-min-role': 'viewer',
      summary:
        'RAG mix and overdue over closed periods, milestones burn-up by month, indicators against targets',
      description:
        'RAG mix and overdue counts are those each closed period’s report showed (`current` is today’s); ' +
        'the burn-up counts milestones by baseline (planned), current due and completion month; indicators ' +
        'are the plan’s, so they are left out for a theme. With `themeId`, everything else is that theme’s.',
      request: {
        params: PlanParams,
        query: z.object({ themeId: ItemId.optional().openapi({ description: 'One theme of the plan' }) }),
      },
      responses: { 200: json(Trends), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { themeId } = c.req.valid('query');
      const data = await councilData(c, deps, p.c, 'viewer');
      const [council, plan, tree, periods] = await Promise.all([
        data.council.get(),
        data.plans.header(p.planId, EVENTUAL),
        data.plans.summaries(p.planId, EVENTUAL),
        data.snapshots.list(p.planId, EVENTUAL),
      ]);
      if (themeId && !tree.themes.some((t) => t.id === themeId)) throw notFound('Theme');
      const d = today();
      const byId = new Map(tree.actions.map((a) => [a.id, a]));
      const inScope = (actionId: string) => {
        const a = byId.get(actionId);
        return !themeId || (a !== undefined && themeOf(a, byId) === themeId);
      };
      const actions = tree.actions.filter((a) => inScope(a.id));
      const milestones = tree.milestones.filter((m) => inScope(m.actionId));
      // Rated as every other page rates them: rolled up from milestones and sub-actions (core board.ts).
      const rated = planRatings(tree.actions, tree.milestones, d, council.ragRules).actions;
      const byRag = Object.fromEntries(RAGS.map((r) => [r, 0])) as Record<Rag, number>;
      for (const a of actions) byRag[rated.get(a.id)?.rag ?? 'grey']++;
      const overdue = (x: { status: Action['status']; due?: DueFacts | undefined }) => {
        const due = dueOn(x.due, d);
        return isOpen(x.status) && due !== undefined && due < d;
      };
      const indicators = themeId ? [] : await data.indicators.list(p.planId, EVENTUAL);
      // Reading indicator periods (and the date formatting behind it) loads only for plans that have some.
      const trend = indicators.length
        ? (await import('@peopleplan/reports/trends')).indicatorTrend
        : undefined;
      return c.json(
        {
          planId: p.planId,
          ...(themeId && { themeId }),
          today: d,
          ragMix: ragMixOverPeriods(periods, themeId),
          overdue: overdueOverPeriods(periods, themeId),
          current: {
            asOf: d,
            total: actions.length,
            byRag,
            overdueActions: actions.filter(overdue).length,
            overdueMilestones: milestones.filter(overdue).length,
          },
          burnUp: burnUp(milestones, { today: d, start: plan.period.start, end: plan.period.end }),
          indicators: trend ? indicators.map((i) => trend(i, council.financialYearStartMonth)) : [],
        },
        200,
      );
    },
  );
}
