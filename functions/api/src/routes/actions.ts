import { createRoute, z } from '@hono/zod-openapi';
import {
  Action,
  ActionCreate,
  ActionPatch,
  Milestone,
  MilestoneCompletion,
  MilestoneCreate,
  MilestonePatch,
  ProgressUpdate,
  ProgressUpdateCreate,
  type RagResult,
} from '@peopleplan/core';
import { actionRatings } from '@peopleplan/services/ratings';
import type { AppDeps } from '../context.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import {
  archivedError,
  body,
  CouncilParam,
  errors,
  ItemId,
  json,
  ListQuery,
  listOf,
  londonToday,
  PlanParams,
  planConflictError,
  RagResultSchema,
  VersionQuery,
  withRag,
} from './common.js';

const ActionParams = CouncilParam.extend({ actionId: ItemId });
const MilestoneParams = CouncilParam.extend({ milestoneId: ItemId });
const ActionWithRag = Action.extend({ rag: RagResultSchema });
const MilestoneWithRag = Milestone.extend({ rag: RagResultSchema });
const Removability = z.object({
  removable: z.boolean(),
  /** Why not, in words to show beside it ("It has progress updates: cancel it instead."). */
  reason: z.string().optional(),
});
/** Removing an action is rare: its code loads with the first request for it (docs/architecture.md, §9). */
const actionRemoval = () => import('@peopleplan/db/action-removal');

/** A plan's ratings, rolled up from milestones and sub-actions, from its summaries (one query). */
export function registerActionRoutes(app: App, deps: AppDeps) {
  const today = deps.today ?? (() => londonToday());

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/plans/{planId}/actions',
      operationId: 'listActions',
      tags: ['Actions'],
      summary: 'The plan’s actions, a page at a time',
      'x-min-role': 'viewer',
      request: { params: PlanParams, query: ListQuery },
      responses: { 200: json(listOf(ActionWithRag)), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'viewer');
      const [page, council] = await Promise.all([
        data.actions.list(p.planId, c.req.valid('query')),
        data.council.get(),
      ]);
      const rated = {
        actions: await actionRatings(
          data,
          p.planId,
          page.items.map((a) => a.id),
          today(),
        ),
      };
      const d = today();
      return c.json(
        {
          ...page,
          // An action written since the ratings were read is rated on its own.
          items: page.items.map((a) => ({
            ...withRag(a, d, council.ragRules),
            ...rateOf(rated.actions, a.id),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/councils/{c}/plans/{planId}/actions',
      operationId: 'createAction',
      tags: ['Actions'],
      summary: 'Add an action (or a sub-action) to the plan',
      'x-min-role': 'editor',
      request: { params: PlanParams, ...body(ActionCreate) },
      responses: { 201: json(Action, 'Created'), ...errors, ...archivedError },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      return c.json(await data.actions.create(p.planId, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/actions/{actionId}',
      operationId: 'getAction',
      tags: ['Actions'],
      summary: 'One action with its leads, dates, status, latest update and RAG (rolled up, with reasons)',
      'x-min-role': 'viewer',
      request: { params: ActionParams },
      responses: { 200: json(ActionWithRag), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'viewer');
      const [action, council] = await Promise.all([data.actions.get(p.actionId), data.council.get()]);
      const rated = { actions: await actionRatings(data, action.planId, [action.id], today()) };
      return c.json(
        { ...withRag(action, today(), council.ragRules), ...rateOf(rated.actions, action.id) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/councils/{c}/actions/{actionId}',
      operationId: 'updateAction',
      tags: ['Actions'],
      'x-min-role': 'editor',
      summary: 'Edit an action; send the version you last read (409 if someone saved since)',
      request: { params: ActionParams, ...body(ActionPatch) },
      responses: { 200: json(Action), ...errors, ...planConflictError },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      return c.json(await data.actions.update(p.actionId, c.req.valid('json'), today()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/councils/{c}/actions/{actionId}',
      operationId: 'removeAction',
      tags: ['Actions'],
      'x-min-role': 'editor',
      summary: 'Remove an action entered by mistake, at the version you read (the audit trail keeps it)',
      description: '409 if a committee may have seen it; `GET …/removal` says why.',
      request: { params: ActionParams, query: VersionQuery },
      responses: { 204: { description: 'Removed' }, ...errors, ...planConflictError },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      await (await actionRemoval()).removeAction(data, p.actionId, c.req.valid('query').version);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/actions/{actionId}/removal',
      operationId: 'getActionRemoval',
      tags: ['Actions'],
      'x-min-role': 'editor',
      summary: 'Whether the action can be removed, and if not why',
      request: { params: ActionParams },
      responses: { 200: json(Removability), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      return c.json(await (await actionRemoval()).actionRemovability(data, p.actionId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/actions/{actionId}/updates',
      operationId: 'listProgressUpdates',
      tags: ['Actions'],
      'x-min-role': 'viewer',
      summary: 'Progress history, newest first',
      request: { params: ActionParams, query: ListQuery },
      responses: { 200: json(listOf(ProgressUpdate)), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'viewer');
      return c.json(await data.updates.list(p.actionId, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/councils/{c}/actions/{actionId}/updates',
      operationId: 'addProgressUpdate',
      tags: ['Actions'],
      'x-min-role': 'contributor',
      summary:
        'Add a progress update (append-only), filed under one of the plan’s reporting periods; `corrects` names an update it corrects',
      request: { params: ActionParams, ...body(ProgressUpdateCreate) },
      responses: {
        201: json(z.object({ update: ProgressUpdate, action: Action }), 'Created'),
        ...errors,
        ...archivedError,
      },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'contributor');
      return c.json(await data.updates.append(p.actionId, c.req.valid('json'), today()), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/actions/{actionId}/milestones',
      operationId: 'listMilestones',
      tags: ['Actions'],
      summary: 'The action’s milestones',
      'x-min-role': 'viewer',
      request: { params: ActionParams },
      responses: { 200: json(listOf(MilestoneWithRag)), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'viewer');
      const [items, council] = await Promise.all([data.milestones.list(p.actionId), data.council.get()]);
      const d = today();
      return c.json(
        { items: items.map((m) => withRag(m, d, council.ragRules, m.baselineDue, 'This milestone')) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/councils/{c}/actions/{actionId}/milestones',
      operationId: 'createMilestone',
      tags: ['Actions'],
      summary: 'Add a milestone; its first due date becomes its baseline',
      'x-min-role': 'editor',
      request: { params: ActionParams, ...body(MilestoneCreate) },
      responses: { 201: json(Milestone, 'Created'), ...errors, ...archivedError },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      return c.json(await data.milestones.create(p.actionId, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/milestones/{milestoneId}',
      operationId: 'getMilestone',
      tags: ['Actions'],
      summary: 'One milestone with its baseline and current due dates',
      'x-min-role': 'viewer',
      request: { params: MilestoneParams },
      responses: { 200: json(MilestoneWithRag), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'viewer');
      const [m, council] = await Promise.all([data.milestones.get(p.milestoneId), data.council.get()]);
      return c.json(withRag(m, today(), council.ragRules, m.baselineDue, 'This milestone'), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/councils/{c}/milestones/{milestoneId}',
      operationId: 'updateMilestone',
      tags: ['Actions'],
      'x-min-role': 'editor',
      summary: 'Edit a milestone; moving `due` keeps the baseline, so slippage stays visible',
      request: { params: MilestoneParams, ...body(MilestonePatch) },
      responses: { 200: json(Milestone), ...errors, ...planConflictError },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      return c.json(await data.milestones.update(p.milestoneId, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/councils/{c}/milestones/{milestoneId}/completion',
      operationId: 'setMilestoneCompletion',
      tags: ['Actions'],
      'x-min-role': 'contributor',
      summary: 'Mark a milestone done (on the day it was done) or not done',
      description:
        'Contributors may, on the milestones of the actions they lead, as they report progress on them ' +
        '(403 on any other); editors and admins on any. `completedOn` defaults to today and is never in the future.',
      request: { params: MilestoneParams, ...body(MilestoneCompletion) },
      responses: { 200: json(Milestone), ...errors, ...planConflictError },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'contributor');
      return c.json(await data.milestones.setCompleted(p.milestoneId, c.req.valid('json')), 200);
    },
  );
}

/** The rolled-up rating, when the plan's ratings have it. */
const rateOf = (ratings: Map<string, RagResult>, id: string) => {
  const rag = ratings.get(id);
  return rag ? { rag } : {};
};
