import { createRoute } from '@hono/zod-openapi';
import {
  ContinuityCreate,
  ContinuityFunction,
  ContinuityPatch,
  Decision,
  DecisionCreate,
  DecisionPatch,
  Indicator,
  IndicatorCreate,
  IndicatorPatch,
  Risk,
  RiskCreate,
  RiskPatch,
} from '@peopleplan/core';
import type { AppDeps } from '../context.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import {
  archivedError,
  body,
  errors,
  ItemId,
  json,
  listOf,
  PlanParams,
  planConflictError,
  VersionQuery,
} from './common.js';

const ItemParams = PlanParams.extend({ id: ItemId });

/**
 * Indicators, risks, continuity functions and key decisions (seed 003's tables): the same three routes
 * each, over the generic plan-items repository.
 */
export function registerPlanItemRoutes(app: App, deps: AppDeps) {
  const kinds = [
    {
      path: 'indicators',
      repo: 'indicators',
      one: 'Indicator',
      many: 'Indicators',
      words: 'performance indicator',
      schema: Indicator,
      create: IndicatorCreate,
      patch: IndicatorPatch,
    },
    {
      path: 'risks',
      repo: 'risks',
      one: 'Risk',
      many: 'Risks',
      words: 'risk',
      schema: Risk,
      create: RiskCreate,
      patch: RiskPatch,
    },
    {
      path: 'continuity',
      repo: 'continuity',
      one: 'ContinuityFunction',
      many: 'ContinuityFunctions',
      words: 'business continuity function',
      schema: ContinuityFunction,
      create: ContinuityCreate,
      patch: ContinuityPatch,
    },
    {
      path: 'decisions',
      repo: 'decisions',
      one: 'Decision',
      many: 'Decisions',
      words: 'key decision',
      schema: Decision,
      create: DecisionCreate,
      patch: DecisionPatch,
    },
  ] as const;

  for (const k of kinds) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/api/v1/councils/{c}/plans/{planId}/${k.path}`,
        operationId: `list${k.many}`,
        tags: ['Plans'],
        summary: `The plan’s ${k.words}s`,
        'x-min-role': 'viewer',
        request: { params: PlanParams },
        responses: { 200: json(listOf(k.schema)), ...errors },
      }),
      async (c) => {
        const p = c.req.valid('param');
        const data = await councilData(c, deps, p.c, 'viewer');
        return c.json({ items: await data[k.repo].list(p.planId) }, 200);
      },
    );
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/v1/councils/{c}/plans/{planId}/${k.path}`,
        operationId: `create${k.one}`,
        tags: ['Plans'],
        summary: `Add a ${k.words} to the plan`,
        'x-min-role': 'editor',
        request: { params: PlanParams, ...body(k.create) },
        responses: { 201: json(k.schema, 'Created'), ...errors, ...archivedError },
      }),
      async (c) => {
        const p = c.req.valid('param');
        const data = await councilData(c, deps, p.c, 'editor');
        // biome-ignore lint/suspicious/noExplicitAny: the pair (repo, schema) is fixed per kind above
        return c.json(await data[k.repo].create(p.planId, c.req.valid('json') as any), 201);
      },
    );
    app.openapi(
      createRoute({
        method: 'patch',
        path: `/api/v1/councils/{c}/plans/{planId}/${k.path}/{id}`,
        operationId: `update${k.one}`,
        tags: ['Plans'],
        summary: `Edit a ${k.words}; send the version you last read`,
        'x-min-role': 'editor',
        request: { params: ItemParams, ...body(k.patch) },
        responses: { 200: json(k.schema), ...errors, ...planConflictError },
      }),
      async (c) => {
        const p = c.req.valid('param');
        const data = await councilData(c, deps, p.c, 'editor');
        // biome-ignore lint/suspicious/noExplicitAny: the pair (repo, schema) is fixed per kind above
        return c.json(await data[k.repo].update(p.planId, p.id, c.req.valid('json') as any), 200);
      },
    );
    app.openapi(
      createRoute({
        method: 'delete',
        path: `/api/v1/councils/{c}/plans/{planId}/${k.path}/{id}`,
        operationId: `remove${k.one}`,
        tags: ['Plans'],
        summary: `Remove a ${k.words} (the audit trail keeps it); send the version you last read`,
        'x-min-role': 'editor',
        request: { params: ItemParams, query: VersionQuery },
        responses: { 204: { description: 'Removed' }, ...errors, ...planConflictError },
      }),
      async (c) => {
        const p = c.req.valid('param');
        const data = await councilData(c, deps, p.c, 'editor');
        await data[k.repo].remove(p.planId, p.id, c.req.valid('query').version);
        return c.body(null, 204);
      },
    );
  }
}
