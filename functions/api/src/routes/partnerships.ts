import { createRoute, z } from '@hono/zod-openapi';
import type { Principal } from '@peopleplan/auth';
import { forbidden, IsoDate, PartnershipConsent, Plan, PlanKind, planRatings, Slug } from '@peopleplan/core';
import { ConsentChange, ConsentRepo, EVENTUAL, partnerReaders } from '@peopleplan/db';
import type { PartnershipSource } from '@peopleplan/partnerships';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../context.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import {
  body,
  CouncilParam,
  conflictError,
  ErrorSchema,
  errors,
  ItemId,
  json,
  londonToday,
} from './common.js';
import { PlanContents } from './plans.js';

const PartnershipParam = z.object({ p: Slug });
const SharedPlanParams = PartnershipParam.extend({ c: Slug, planId: ItemId });

const Counts = z.record(z.string(), z.number().int());
const TravelCounts = z
  .object({
    improved: z.number().int(),
    same: z.number().int(),
    worse: z.number().int(),
    new: z.number().int(),
    unknown: z.number().int(),
  })
  .openapi({
    description:
      'Each action’s RAG now against its RAG when its plan’s last reporting period was closed. `new`: added since; ' +
      '`unknown`: its plan has no closed period yet.',
  });
const OverviewCounts = z.object({
  plans: z.number().int(),
  actions: z.number().int(),
  byStatus: Counts,
  byRag: Counts,
  overdue: z.number().int(),
  slipping: z.number().int(),
  stale: z.number().int(),
  dueSoon: z.number().int(),
  travel: TravelCounts,
});
const Overview = z.object({
  partnership: z.object({ id: z.string(), name: z.string() }),
  today: IsoDate,
  dueSoonDays: z.number().int(),
  councils: z.array(
    OverviewCounts.extend({
      councilId: z.string(),
      councilName: z.string(),
      sharedPlans: z.array(
        z.object({
          planId: z.string(),
          title: z.string(),
          kind: PlanKind,
          status: Plan.shape.status,
          comparedWith: z
            .object({ key: z.string(), label: z.string() })
            .optional()
            .openapi({ description: 'The closed reporting period direction of travel compares with' }),
        }),
      ),
    }),
  ),
  totals: OverviewCounts,
});
const CombinedMilestone = z.object({
  kind: z.enum(['milestone', 'action']).openapi({ description: 'An overdue action is listed as itself' }),
  councilId: z.string(),
  councilName: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  planKind: PlanKind,
  themeNoun: z
    .string()
    .optional()
    .openapi({ description: 'What the plan calls its groups, when not its kind’s word ("Theme")' }),
  themeId: z.string().optional(),
  themeRef: z.string().optional(),
  themeTitle: z.string().optional(),
  actionId: z.string(),
  actionRef: z.string(),
  actionTitle: z.string(),
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  due: z.unknown().optional(),
  baselineDue: z.unknown().optional(),
  status: z.string(),
  rag: z.string(),
  ragReasons: z.array(z.string()),
  overdue: z.boolean(),
  daysLate: z.number().int().optional(),
  slipping: z.boolean(),
  slippedDays: z.number().int().optional(),
  leads: z.array(z.string()),
  changedAt: z.string(),
});
const ComparedTheme = z.object({
  ref: z.string(),
  title: z.string(),
  total: z.number().int(),
  byStatus: Counts,
  byRag: Counts,
});
const Comparison = z.object({
  kind: PlanKind,
  today: IsoDate,
  plans: z.array(
    z.object({
      councilId: z.string(),
      councilName: z.string(),
      planId: z.string(),
      title: z.string(),
      period: Plan.shape.period,
      status: Plan.shape.status,
      total: z.number().int(),
      byStatus: Counts,
      byRag: Counts,
      overdue: z.number().int(),
      slipping: z.number().int(),
      stale: z.number().int(),
      themes: z.array(ComparedTheme),
      lastUpdateAt: z.string().optional(),
    }),
  ),
  themeRows: z.array(z.object({ ref: z.string(), cells: z.array(ComparedTheme.nullable()) })),
});
const SharedPlanContents = PlanContents.extend({
  partnership: z.object({ id: z.string(), name: z.string() }),
  council: z.object({ id: z.string(), name: z.string() }),
});
const Consent = PartnershipConsent.extend({
  partnershipName: z.string(),
  changedByName: z.string().optional(),
});

const commaList = z
  .string()
  .max(2000)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(Slug).max(100));

/** A partner reader holds no council role: any write is refused as such (the same for every council). */
function assertNotPartnerOnly(principal: Principal, councilId?: string): void {
  const isPartner = Object.keys(principal.partnerships).length > 0;
  const inCouncil = councilId ? principal.councils[councilId] !== undefined : false;
  if (isPartner && !inCouncil) throw forbidden('Partner readers can only read');
}

/** The combined views load with the first partnership request, not at a cold start (docs/architecture.md, section 9). */
const views = () => import('@peopleplan/partnerships');

export function registerPartnershipRoutes(app: App, deps: AppDeps) {
  const today = deps.today ?? (() => londonToday());

  const open = async (c: Context<AppEnv>, partnershipId: string) => {
    const principal = c.get('principal');
    const source: PartnershipSource = {
      directory: deps.partnershipDirectory,
      readerFor: partnerReaders(deps.docFor, deps.config.TABLE_NAME),
    };
    const partnership = await (await views()).openPartnership(source, principal, partnershipId);
    const actor = { sub: principal.sub, name: principal.name, email: principal.email };
    return { source, partnership, actor };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/partnerships/{p}/overview',
      operationId: 'getPartnershipOverview',
      tags: ['Partnerships'],
      'x-min-role': 'partner-reader',
      summary:
        'Combined dashboard: one row per consenting council (counts by status and RAG, overdue, slipping, stale, direction of travel)',
      request: {
        params: PartnershipParam,
        query: z.object({
          days: z.coerce
            .number()
            .int()
            .min(1)
            .max(365)
            .optional()
            .openapi({ description: 'Due-soon window' }),
        }),
      },
      responses: { 200: json(Overview), ...errors },
    }),
    async (c) => {
      const { source, partnership, actor } = await open(c, c.req.valid('param').p);
      const q = c.req.valid('query');
      const councils = await (await views()).loadCouncilBoards(source, partnership, actor);
      // As on the council dashboard: counted right from the items, mended by `npm run boards`.
      const fromItems = councils.flatMap((x) =>
        x.plans.filter((p) => p.from === 'items').map((p) => `${x.councilId}/${p.plan.id}`),
      );
      if (fromItems.length) deps.logger.warn('plan boards incomplete: run `npm run boards`', { fromItems });
      return c.json(
        (await views()).buildOverview(partnership, councils, today(), { dueSoonDays: q.days }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/partnerships/{p}/milestones',
      operationId: 'listPartnershipMilestones',
      tags: ['Partnerships'],
      'x-min-role': 'partner-reader',
      summary: 'Overdue and re-baselined actions and milestones across the consenting councils, by due date',
      request: {
        params: PartnershipParam,
        query: z.object({
          council: commaList.optional().openapi({ description: 'Council ids, comma-separated' }),
          theme: z
            .string()
            .trim()
            .min(1)
            .max(200)
            .optional()
            .openapi({ description: 'Theme id, ref or title words' }),
          lead: z
            .string()
            .trim()
            .min(1)
            .max(200)
            .optional()
            .openapi({ description: 'Words from a lead label' }),
          from: IsoDate.optional().openapi({ description: 'Due on or after' }),
          to: IsoDate.optional().openapi({ description: 'Due on or before' }),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(CombinedMilestone) })), ...errors },
    }),
    async (c) => {
      const { source, partnership, actor } = await open(c, c.req.valid('param').p);
      const q = c.req.valid('query');
      const councils = await (await views()).loadSharedCouncils(source, partnership, actor);
      const items = (await views()).combinedMilestones(councils, today(), { ...q, councils: q.council });
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/partnerships/{p}/compare',
      operationId: 'comparePartnershipPlans',
      tags: ['Partnerships'],
      'x-min-role': 'partner-reader',
      summary: 'Side by side: every consenting council’s shared plans of one kind',
      request: { params: PartnershipParam, query: z.object({ kind: PlanKind }) },
      responses: { 200: json(Comparison), ...errors },
    }),
    async (c) => {
      const { source, partnership, actor } = await open(c, c.req.valid('param').p);
      const { kind } = c.req.valid('query');
      const councils = await (await views()).loadSharedCouncils(source, partnership, actor, { kind });
      return c.json((await views()).comparePlans(councils, kind, today()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/partnerships/{p}/councils/{c}/plans/{planId}',
      operationId: 'getSharedPlan',
      tags: ['Partnerships'],
      'x-min-role': 'partner-reader',
      summary: 'One shared plan, read-only: themes, actions and milestones with RAG, indicators, risks…',
      request: { params: SharedPlanParams },
      responses: { 200: json(SharedPlanContents), ...errors },
    }),
    async (c) => {
      const params = c.req.valid('param');
      const { source, partnership, actor } = await open(c, params.p);
      const { council, tree } = await (await views()).loadSharedPlan(
        source,
        partnership,
        actor,
        params.c,
        params.planId,
      );
      // Rated as the council's own plan page rates them (rolled up, core ratings.ts).
      const rated = planRatings(tree.actions, tree.milestones, today(), council.ragRules);
      return c.json(
        {
          ...tree,
          partnership: { id: partnership.id, name: partnership.name },
          council: { id: council.id, name: council.name },
          actions: tree.actions.map((a) => ({ ...a, rag: rated.actions.get(a.id)! })),
          milestones: tree.milestones.map((m) => ({ ...m, rag: rated.milestones.get(m.id)! })),
        },
        200,
      );
    },
  );

  const Digest = z.object({
    registered: z.boolean().openapi({ description: 'Whether email from this partnership is set up for you' }),
    weeklyDigest: z.boolean(),
    email: z
      .string()
      .optional()
      .openapi({ description: 'Where the digest goes (as your administrator recorded it)' }),
  });
  const digestOf = (r: { weeklyDigest: boolean; email: string } | undefined) => ({
    registered: r !== undefined,
    weeklyDigest: r?.weeklyDigest ?? false,
    ...(r?.email ? { email: r.email } : {}),
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/partnerships/{p}/me/digest',
      operationId: 'getMyPartnershipDigest',
      tags: ['Partnerships'],
      'x-min-role': 'partner-reader',
      summary: 'Whether you get the weekly email of what slipped across the partnership',
      request: { params: PartnershipParam },
      responses: { 200: json(Digest), ...errors },
    }),
    async (c) => {
      const { source, partnership, actor } = await open(c, c.req.valid('param').p);
      return c.json(digestOf(await source.directory.getReader(partnership.id, actor.sub)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/partnerships/{p}/me/digest',
      operationId: 'setMyPartnershipDigest',
      tags: ['Partnerships'],
      'x-min-role': 'partner-reader',
      summary: 'Switch your own weekly digest on or off (the one thing a partner reader may change)',
      request: { params: PartnershipParam, ...body(z.strictObject({ weeklyDigest: z.boolean() })) },
      responses: {
        200: json(Digest),
        ...errors,
        422: json(ErrorSchema, 'Email from this partnership has not been set up for you'),
      },
    }),
    async (c) => {
      const { source, partnership, actor } = await open(c, c.req.valid('param').p);
      const saved = await source.directory.setWeeklyDigest(
        partnership.id,
        actor.sub,
        c.req.valid('json').weeklyDigest,
      );
      return c.json(digestOf(saved), 200);
    },
  );

  // No other partnership route writes: say so plainly rather than "no such route".
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '/api/v1/partnerships/*', () => {
    throw forbidden('Partnership views are read-only');
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/partnerships',
      operationId: 'listCouncilPartnerships',
      tags: ['Partnerships'],
      'x-min-role': 'admin',
      summary: 'The partnerships that invited this council, and what it shares with each (admins)',
      request: { params: CouncilParam },
      responses: { 200: json(z.object({ items: z.array(Consent) })), ...errors },
    }),
    async (c) => {
      const data = await councilData(c, deps, c.req.valid('param').c, 'admin');
      return c.json({ items: await new ConsentRepo(data.store).list(EVENTUAL) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/councils/{c}/partnerships/{p}/consent',
      operationId: 'setPartnershipConsent',
      tags: ['Partnerships'],
      'x-min-role': 'admin',
      summary: 'Grant (all plans, or chosen plans) or revoke a partnership’s read access (admins)',
      description:
        'Takes effect on the partners’ next request. Granting needs `scope`; revoking keeps the last scope on record. ' +
        'Send the `version` you saw to guard against a concurrent change (409).',
      request: { params: CouncilParam.extend({ p: Slug }), ...body(ConsentChange) },
      responses: {
        200: json(Consent),
        ...errors,
        ...conflictError,
        422: json(ErrorSchema, 'A chosen plan is not this council’s current plan'),
      },
    }),
    async (c) => {
      const params = c.req.valid('param');
      assertNotPartnerOnly(c.get('principal'), params.c);
      const data = await councilData(c, deps, params.c, 'admin');
      return c.json(await new ConsentRepo(data.store).change(params.p, c.req.valid('json')), 200);
    },
  );
}
