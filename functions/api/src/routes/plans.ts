import { createRoute, z } from '@hono/zod-openapi';
import {
  Action,
  Milestone,
  Plan,
  PlanCreate,
  PlanPatch,
  planRatings,
  Theme,
  ThemeCreate,
} from '@peopleplan/core';
import type { AppDeps } from '../context.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import {
  archivedError,
  body,
  CouncilParam,
  errors,
  json,
  ListQuery,
  listOf,
  londonToday,
  PlanParams,
  planConflictError,
  RagResultSchema,
  VersionQuery,
} from './common.js';

export const PlanContents = z.object({
  plan: Plan,
  themes: z.array(Theme),
  actions: z.array(Action.extend({ rag: RagResultSchema })),
  milestones: z.array(Milestone.extend({ rag: RagResultSchema })),
  indicators: z.array(z.unknown()),
  risks: z.array(z.unknown()),
  continuity: z.array(z.unknown()),
  decisions: z.array(z.unknown()),
  dependencies: z.array(z.unknown()),
});

export function registerPlanRoutes(app: App, deps: AppDeps) {
  const today = deps.today ?? (() => londonToday());

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/plans',
      operationId: 'listPlans',
      tags: ['Plans'],
      'x-min-role': 'viewer',
      summary: 'List the council’s plans',
      request: { params: CouncilParam, query: ListQuery },
      responses: { 200: json(listOf(Plan)), ...errors },
    }),
    async (c) => {
      const data = await councilData(c, deps, c.req.valid('param').c, 'viewer');
      const q = c.req.valid('query');
      return c.json(await data.plans.list({ ...q }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/councils/{c}/plans',
      operationId: 'createPlan',
      tags: ['Plans'],
      'x-min-role': 'editor',
      summary: 'Create a plan (optionally with its themes)',
      request: { params: CouncilParam, ...body(PlanCreate) },
      responses: { 201: json(Plan.extend({ themes: z.array(Theme) }), 'Created'), ...errors },
    }),
    async (c) => {
      const data = await councilData(c, deps, c.req.valid('param').c, 'editor');
      const { plan, themes } = await data.plans.create(c.req.valid('json'));
      await deps.directory.count(plan.councilId, 'plans', 1);
      return c.json({ ...plan, themes }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/plans/{planId}',
      operationId: 'getPlan',
      tags: ['Plans'],
      summary: 'One plan’s header: title, kind, period, owner, status, sections',
      'x-min-role': 'viewer',
      request: { params: PlanParams },
      responses: { 200: json(Plan), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'viewer');
      return c.json(await data.plans.get(p.planId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/councils/{c}/plans/{planId}',
      operationId: 'updatePlan',
      tags: ['Plans'],
      summary: 'Edit a plan; send the version you last read (409 if someone saved since)',
      'x-min-role': 'editor',
      request: { params: PlanParams, ...body(PlanPatch) },
      responses: { 200: json(Plan), ...errors, ...planConflictError },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      return c.json(await data.plans.update(p.planId, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/councils/{c}/plans/{planId}',
      operationId: 'archivePlan',
      tags: ['Plans'],
      'x-min-role': 'admin',
      summary: 'Archive a plan. Nothing is erased: its history stays on record.',
      request: { params: PlanParams, query: VersionQuery },
      responses: { 200: json(Plan), ...errors, ...planConflictError },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'admin');
      return c.json(await data.plans.archive(p.planId, c.req.valid('query').version), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/plans/{planId}/contents',
      operationId: 'getPlanContents',
      tags: ['Plans'],
      'x-min-role': 'viewer',
      summary: 'The whole plan: themes, actions and milestones with RAG (rolled up), indicators, risks…',
      request: { params: PlanParams },
      responses: { 200: json(PlanContents), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'viewer');
      // Contents to show (each item's own GET, read before an edit, is strong): packages/db consistency.ts.
      const [tree, council] = await Promise.all([data.plans.tree(p.planId), data.council.get()]);
      const rated = planRatings(tree.actions, tree.milestones, today(), council.ragRules);
      return c.json(
        {
          ...tree,
          actions: tree.actions.map((a) => ({ ...a, rag: rated.actions.get(a.id)! })),
          milestones: tree.milestones.map((m) => ({ ...m, rag: rated.milestones.get(m.id)! })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/plans/{planId}/themes',
      operationId: 'listThemes',
      tags: ['Plans'],
      summary: 'The plan’s themes, in order',
      'x-min-role': 'viewer',
      request: { params: PlanParams },
      responses: { 200: json(listOf(Theme)), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'viewer');
      return c.json({ items: await data.plans.listThemes(p.planId) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/councils/{c}/plans/{planId}/themes',
      operationId: 'createTheme',
      tags: ['Plans'],
      summary: 'Add a theme to the plan',
      'x-min-role': 'editor',
      request: { params: PlanParams, ...body(ThemeCreate) },
      responses: { 201: json(Theme, 'Created'), ...errors, ...archivedError },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      return c.json(await data.plans.createTheme(p.planId, c.req.valid('json')), 201);
    },
  );
}
