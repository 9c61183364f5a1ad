import { createRoute, z } from '@hono/zod-openapi';
import { AuditEvent, CalendarDate, meansTheSame, startOfLondonDay, UserSub } from '@peopleplan/core';
import { type CouncilData, EVENTUAL, type Page } from '@peopleplan/db';
import type { AppDeps } from '../context.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import { CouncilParam, errors, ItemId, json, ListQuery, listOf, PlanParams } from './common.js';

const Change = z.object({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() });
export const HistoryEvent = AuditEvent.extend({
  changes: z
    .array(Change)
    .optional()
    .openapi({ description: 'For an update: each field that changed, before and after' }),
}).openapi('HistoryEvent');

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An event with its changes field by field (an update's event keeps changed fields only). Events
 * written before `auditChange` compared values by meaning may still hold fields that did not change
 * ('' for none, the same period with its keys in another order): they are left out here too.
 */
function withChanges(e: z.infer<typeof AuditEvent>): z.infer<typeof HistoryEvent> {
  if (e.operation !== 'update' || !isObj(e.before) || !isObj(e.after)) return e;
  const before = e.before;
  const after = e.after;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((field) => !meansTheSame(before[field], after[field]))
    .sort();
  return {
    ...e,
    changes: fields.map((field) => ({
      field,
      ...(field in before && { before: before[field] }),
      ...(field in after && { after: after[field] }),
    })),
  };
}

export const historyPage = (page: Page<z.infer<typeof AuditEvent>>) => ({
  ...page,
  items: page.items.map(withChanges),
});

/** `item` names whose history to show: an id as the API gives them (no `#`, no spaces). */
const ItemFilter = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,199}$/, 'expected an item id')
  .openapi({ description: 'Only events in this item’s history (a plan, action, milestone or person id)' });

export const AuditQuery = ListQuery.extend({
  actor: UserSub.optional().openapi({ description: 'Only changes made by this user (their user id)' }),
  item: ItemFilter.optional(),
  from: CalendarDate.optional().openapi({ description: 'Changes on or after this day (Europe/London)' }),
  to: CalendarDate.optional().openapi({ description: 'Changes on or before this day (Europe/London)' }),
}).refine((q) => !q.from || !q.to || q.from <= q.to, {
  message: 'from must not be after to',
  path: ['from'],
});

const dayAfter = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The audit trail for the council, filtered: days are Europe/London days, `to` included whole. */
export function auditTrail(data: CouncilData, q: z.infer<typeof AuditQuery>) {
  return data.history.trail({
    actor: q.actor,
    item: q.item,
    fromMs: q.from ? startOfLondonDay(q.from) : undefined,
    toMs: q.to ? startOfLondonDay(dayAfter(q.to)) : undefined,
    cursor: q.cursor,
    limit: q.limit,
    // A list to read: nothing is written from it (packages/db consistency.ts).
    ...EVENTUAL,
  });
}

const ActionParams = CouncilParam.extend({ actionId: ItemId });
const MilestoneParams = CouncilParam.extend({ milestoneId: ItemId });

/**
 * Every change to a plan, an action or a milestone (who, when, each field before and after), newest
 * first, paged. A plan's history holds its own changes and its themes', indicators', risks' and
 * closed periods'; an action's holds its progress updates.
 */
export function registerHistoryRoutes(app: App, deps: AppDeps) {
  const doc = (kind: string) => ({
    method: 'get' as const,
    'x-min-role': 'viewer',
    summary: `Every change to the ${kind}, newest first: who, when, each field before and after`,
    responses: { 200: json(listOf(HistoryEvent)), ...errors },
  });

  app.openapi(
    createRoute({
      ...doc('plan'),
      operationId: 'getPlanHistory',
      tags: ['History'],
      path: '/api/v1/councils/{c}/plans/{planId}/history',
      request: { params: PlanParams, query: ListQuery },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'viewer');
      await data.plans.header(p.planId);
      const page = await data.history.of(p.planId, c.req.valid('query'));
      return c.json(historyPage(page), 200);
    },
  );

  app.openapi(
    createRoute({
      ...doc('action'),
      operationId: 'getActionHistory',
      tags: ['History'],
      path: '/api/v1/councils/{c}/actions/{actionId}/history',
      request: { params: ActionParams, query: ListQuery },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'viewer');
      await data.actions.get(p.actionId);
      const page = await data.history.of(p.actionId, c.req.valid('query'));
      return c.json(historyPage(page), 200);
    },
  );

  app.openapi(
    createRoute({
      ...doc('milestone'),
      operationId: 'getMilestoneHistory',
      tags: ['History'],
      path: '/api/v1/councils/{c}/milestones/{milestoneId}/history',
      request: { params: MilestoneParams, query: ListQuery },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'viewer');
      await data.milestones.get(p.milestoneId);
      const page = await data.history.of(p.milestoneId, c.req.valid('query'));
      return c.json(historyPage(page), 200);
    },
  );
}
