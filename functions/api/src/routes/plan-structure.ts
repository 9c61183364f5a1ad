import { createRoute, z } from '@hono/zod-openapi';
import { Action, ActionOrder, Theme, ThemeOrder, ThemePatch } from '@peopleplan/core';
import type { AppDeps } from '../context.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import { body, errors, ItemId, json, listOf, PlanParams, planConflictError, VersionQuery } from './common.js';

const ThemeParams = PlanParams.extend({ themeId: ItemId });

/** A plan's shape: renaming a theme, and the order of its themes and of the actions under each. */
export function registerPlanStructureRoutes(app: App, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/councils/{c}/plans/{planId}/themes/{themeId}',
      operationId: 'updateTheme',
      tags: ['Plans'],
      summary: 'Rename a theme or change its reference or description; send the version you last read',
      'x-min-role': 'editor',
      request: { params: ThemeParams, ...body(ThemePatch) },
      responses: { 200: json(Theme), ...errors, ...planConflictError },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      return c.json(await data.plans.updateTheme(p.planId, p.themeId, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/councils/{c}/plans/{planId}/themes/{themeId}',
      operationId: 'removeTheme',
      tags: ['Plans'],
      summary:
        'Remove a theme with no actions under it (409 while it has any); send the version you last read',
      'x-min-role': 'editor',
      request: { params: ThemeParams, query: VersionQuery },
      responses: { 204: { description: 'Removed' }, ...errors, ...planConflictError },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      await data.plans.removeTheme(p.planId, p.themeId, c.req.valid('query').version);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/councils/{c}/plans/{planId}/theme-order',
      operationId: 'orderThemes',
      tags: ['Plans'],
      summary: 'Put themes in a new order: those named take the places they held, in the order given',
      'x-min-role': 'editor',
      request: { params: PlanParams, ...body(ThemeOrder) },
      responses: { 200: json(listOf(Theme)), ...errors, ...planConflictError },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      return c.json({ items: await data.plans.reorderThemes(p.planId, c.req.valid('json')) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/councils/{c}/plans/{planId}/action-order',
      operationId: 'orderActions',
      tags: ['Actions'],
      summary:
        'Put actions that share a theme and a parent in a new order: those named take the places they held',
      'x-min-role': 'editor',
      request: { params: PlanParams, ...body(ActionOrder) },
      responses: { 200: json(z.object({ items: z.array(Action) })), ...errors, ...planConflictError },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      return c.json({ items: await data.actions.reorder(p.planId, c.req.valid('json')) }, 200);
    },
  );
}
