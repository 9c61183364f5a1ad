import { createRoute, z } from '@hono/zod-openapi';
import { Council, CouncilSettingsPatch, Person, PersonCreate, PersonPatch } from '@peopleplan/core';
import { councilDashboard } from '@peopleplan/db';
import type { AppDeps } from '../context.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import { body, CouncilParam, conflictError, errors, ItemId, json, listOf, londonToday } from './common.js';
import { AuditQuery, auditTrail, HistoryEvent, historyPage } from './history.js';

export function registerCouncilRoutes(app: App, deps: AppDeps) {
  const today = deps.today ?? (() => londonToday());

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/settings',
      operationId: 'getCouncilSettings',
      tags: ['Council'],
      'x-min-role': 'viewer',
      summary: 'The council, its RAG rules and alert settings',
      request: { params: CouncilParam },
      responses: { 200: json(Council), ...errors },
    }),
    async (c) => {
      const data = await councilData(c, deps, c.req.valid('param').c, 'viewer');
      return c.json(await data.council.get(), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/councils/{c}/settings',
      operationId: 'updateCouncilSettings',
      tags: ['Council'],
      summary: 'Change the council’s name, RAG rules or alert settings (admins)',
      'x-min-role': 'admin',
      request: { params: CouncilParam, ...body(CouncilSettingsPatch) },
      responses: { 200: json(Council), ...errors, ...conflictError },
    }),
    async (c) => {
      const data = await councilData(c, deps, c.req.valid('param').c, 'admin');
      return c.json(await data.council.updateSettings(c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/people',
      operationId: 'listPeople',
      tags: ['Council'],
      'x-min-role': 'viewer',
      summary: 'The council’s people directory (leads on actions)',
      request: { params: CouncilParam },
      responses: { 200: json(listOf(Person)), ...errors },
    }),
    async (c) => {
      const data = await councilData(c, deps, c.req.valid('param').c, 'viewer');
      return c.json({ items: await data.people.list() }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/councils/{c}/people',
      operationId: 'createPerson',
      tags: ['Council'],
      summary: 'Add a person to the council’s directory',
      'x-min-role': 'editor',
      request: { params: CouncilParam, ...body(PersonCreate) },
      responses: { 201: json(Person, 'Created'), ...errors },
    }),
    async (c) => {
      const data = await councilData(c, deps, c.req.valid('param').c, 'editor');
      return c.json(await data.people.create(c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/councils/{c}/people/{personId}',
      operationId: 'updatePerson',
      tags: ['Council'],
      summary: 'Edit a person in the directory',
      description:
        '`leftOn` marks them as having left (`null`: back). 409 while they lead open actions or own a draft or ' +
        'active plan; 422 for a day more than a year ahead.',
      'x-min-role': 'editor',
      request: { params: CouncilParam.extend({ personId: ItemId }), ...body(PersonPatch) },
      responses: { 200: json(Person), ...errors, ...conflictError },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      const patch = c.req.valid('json');
      // Marking someone as left is refused while they lead open actions or own a plan in use, and for a
      // day over a year ahead (loaded only then: §9).
      const leaving = patch.leftOn
        ? await (await import('@peopleplan/db/people-moves')).refuseLeavingWhileLeading(
            data,
            p.personId,
            patch.leftOn,
            today(),
          )
        : undefined;
      return c.json(await data.people.update(p.personId, patch, leaving), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/audit',
      operationId: 'listAuditEvents',
      tags: ['Council'],
      'x-min-role': 'admin',
      summary: 'Who changed what, newest first (admins), filterable by person, item and dates',
      description:
        'A page may hold fewer than `limit` events while more remain: follow `nextCursor` until there is none.',
      request: { params: CouncilParam, query: AuditQuery },
      responses: { 200: json(listOf(HistoryEvent)), ...errors },
    }),
    async (c) => {
      const data = await councilData(c, deps, c.req.valid('param').c, 'admin');
      return c.json(historyPage(await auditTrail(data, c.req.valid('query'))), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/dashboard',
      operationId: 'getDashboard',
      tags: ['Council'],
      'x-min-role': 'viewer',
      summary: 'Counts by status and RAG per plan and theme; overdue, slipping, stale and due-soon lists',
      request: {
        params: CouncilParam,
        query: z.object({
          days: z.coerce.number().int().min(1).max(365).optional(),
          directorate: z.string().trim().min(1).max(200).optional(),
        }),
      },
      responses: { 200: json(z.unknown()), ...errors },
    }),
    async (c) => {
      const data = await councilData(c, deps, c.req.valid('param').c, 'viewer');
      const council = await data.council.get();
      const { dashboard, fromItems } = await councilDashboard(data, {
        today: today(),
        rules: council.ragRules,
        dueSoonDays: c.req.valid('query').days ?? 30,
        directorate: c.req.valid('query').directorate,
      });
      // Counted right from their items, but slower: the board is mended by `npm run boards`, not here.
      if (fromItems.length) deps.logger.warn('plan boards incomplete: run `npm run boards`', { fromItems });
      return c.json(dashboard, 200);
    },
  );
}
