import { createRoute, z } from '@hono/zod-openapi';
import {
  type Action,
  DomainError,
  forbidden,
  type Milestone,
  type Plan,
  repeatOf,
  roleAtLeast,
  Slug,
  STATUS_LABELS,
} from '@peopleplan/core';
import {
  type CalendarFeed,
  CouncilData,
  calendarFeedsOf,
  EVENTUAL,
  type FeedScope,
  tenantContext,
} from '@peopleplan/db';
import type { IcsMilestone } from '@peopleplan/reports/ics';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../context.js';
import { errorBody } from '../errors.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import { CouncilParam, ErrorSchema, errors, ItemId, json, PlanParams } from './common.js';

const PersonParams = CouncilParam.extend({ personId: ItemId });
const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

const FeedCreated = z
  .object({
    url: z.string().openapi({ description: 'The private feed URL. Shown once: it is not stored.' }),
    webcalUrl: z.string().openapi({ description: 'The same URL with the webcal: scheme' }),
    scope: z.enum(['person', 'plan']),
    subjectId: z.string(),
    createdAt: z.string(),
  })
  .openapi('CalendarFeedCreated');
const FeedStatus = z
  .object({
    active: z.boolean(),
    scope: z.enum(['person', 'plan']),
    subjectId: z.string(),
    createdAt: z.string().optional(),
    createdBy: z.string().optional(),
  })
  .openapi('CalendarFeedStatus');
const NoBody = {
  body: { content: { 'application/json': { schema: z.object({}).strict() } }, required: false },
};

/** Milestones to list: not cancelled, of the actions picked (a milestone serves its action and linked ones). */
function milestonesFor(actions: Action[], milestones: Milestone[], pick: (a: Action) => boolean) {
  const byId = new Map(actions.map((a) => [a.id, a]));
  const picked = new Set(actions.filter(pick).map((a) => a.id));
  return milestones
    .filter((m) => m.status !== 'cancelled')
    .filter((m) => picked.has(m.actionId) || m.linkedActionIds.some((id) => picked.has(id)))
    .map((m): IcsMilestone => {
      const action = byId.get(m.actionId);
      return {
        id: m.id,
        ref: m.ref,
        title: m.title,
        actionId: m.actionId,
        actionRef: action?.ref ?? '',
        actionTitle: action?.title ?? '',
        ...(m.due && {
          due: { text: m.due.text, ...(m.due.due && { parsed: m.due.due }), repeats: repeatOf(m.due) },
        }),
        statusLabel: STATUS_LABELS[m.status],
      };
    });
}

async function livePlans(data: CouncilData): Promise<Plan[]> {
  return (await data.plans.listAll()).filter((p) => p.status !== 'archived');
}

/** What a feed lists: the milestones a person leads across live plans, or every milestone of a plan. */
async function feedCalendar(data: CouncilData, feed: CalendarFeed) {
  const council = await data.council.get();
  if (feed.scope === 'plan') {
    // The feed's own record was checked strongly (a revoked feed stops at once); its contents are
    // read to show: eventual (packages/db consistency.ts).
    const tree = await data.plans.tree(feed.subjectId, EVENTUAL);
    return {
      name: `${council.name}: ${tree.plan.title} milestones`,
      milestones: milestonesFor(tree.actions, tree.milestones, () => true),
    };
  }
  const person = await data.people.get(feed.subjectId, EVENTUAL);
  const leads = (a: Action) => a.leads.some((l) => l.personId === person.id);
  const trees = await Promise.all((await livePlans(data)).map((p) => data.plans.tree(p.id, EVENTUAL)));
  return {
    name: `${council.name}: milestones led by ${person.name}`,
    milestones: trees.flatMap((t) => milestonesFor(t.actions, t.milestones, leads)),
  };
}

function feedUrls(webBaseUrl: string, councilId: string, token: string) {
  // The public address (CloudFront in AWS), not the address this request happened to reach.
  const url = new URL(`/calendar/${councilId}/${token}.ics`, webBaseUrl);
  return { url: url.href, webcalUrl: url.href.replace(/^https?:/, 'webcal:') };
}

/**
 * Private, revocable ICS feeds of milestones: one per person (what they lead) and one per plan (for
 * its owners). Managing a feed needs a bearer token; fetching it needs only the feed URL, which
 * carries the secret (calendar clients such as Outlook cannot send headers).
 */
export function registerCalendarRoutes(app: App, deps: AppDeps) {
  /** Who may manage a person's feed: the person themself (a contributor linked to them), editors, admins. */
  const forPerson = async (c: Context<AppEnv>, councilId: string, personId: string) => {
    const data = await councilData(c, deps, councilId, 'contributor');
    const { role, actor } = data.ctx;
    const editor = role !== 'partner-reader' && role !== 'system' && roleAtLeast(role, 'editor');
    if (!editor && actor.personId !== personId) {
      throw forbidden('Only the person themself, an editor or an admin can manage this calendar feed');
    }
    await data.people.get(personId);
    return data;
  };
  /** A plan's feed: editors and admins, or the plan's owner. */
  const forPlan = async (c: Context<AppEnv>, councilId: string, planId: string) => {
    const data = await councilData(c, deps, councilId, 'contributor');
    const { role, actor } = data.ctx;
    const plan = await data.plans.get(planId);
    const editor = role !== 'partner-reader' && role !== 'system' && roleAtLeast(role, 'editor');
    if (!editor && (!actor.personId || plan.ownerPersonId !== actor.personId)) {
      throw forbidden('Only the plan’s owner, an editor or an admin can manage this calendar feed');
    }
    return data;
  };

  const manage = (scope: FeedScope, path: string, params: typeof PersonParams | typeof PlanParams) => {
    const Scope = scope === 'person' ? 'Person' : 'Plan';
    const access = (c: Context<AppEnv>, p: { c: string; personId?: string; planId?: string }) =>
      scope === 'person' ? forPerson(c, p.c, p.personId!) : forPlan(c, p.c, p.planId!);
    const subjectOf = (p: { personId?: string; planId?: string }) => (p.personId ?? p.planId)!;
    const who = scope === 'person' ? 'the milestones this person leads' : 'every milestone of the plan';

    app.openapi(
      createRoute({
        method: 'post',
        path,
        operationId: `create${Scope}CalendarFeed`,
        tags: ['Calendars'],
        'x-min-role': 'contributor',
        summary: `Create a private calendar feed (ICS) of ${who}`,
        description:
          'Answers the feed URL once (only a hash of its secret is stored). Creating a new feed revokes the ' +
          'previous one. Anyone with the URL can read the feed: treat it like a password.',
        request: { params, ...NoBody },
        responses: { 201: json(FeedCreated, 'Created'), ...errors },
      }),
      async (c) => {
        const p = c.req.valid('param') as { c: string; personId?: string; planId?: string };
        const data = await access(c, p);
        const { token, feed } = await calendarFeedsOf(data).create(
          scope,
          subjectOf(p),
          deps.directory.secretLinks,
        );
        c.header('Cache-Control', 'no-store');
        return c.json(
          {
            ...feedUrls(deps.config.WEB_BASE_URL, p.c, token),
            scope,
            subjectId: feed.subjectId,
            createdAt: feed.createdAt,
          },
          201,
        );
      },
    );

    app.openapi(
      createRoute({
        method: 'get',
        path,
        operationId: `get${Scope}CalendarFeed`,
        tags: ['Calendars'],
        'x-min-role': 'contributor',
        summary: `Whether a calendar feed of ${who} is active (never the URL)`,
        request: { params },
        responses: { 200: json(FeedStatus), ...errors },
      }),
      async (c) => {
        const p = c.req.valid('param') as { c: string; personId?: string; planId?: string };
        const data = await access(c, p);
        const feed = await calendarFeedsOf(data).current(scope, subjectOf(p));
        return c.json(
          {
            active: !!feed && !feed.revokedAt,
            scope,
            subjectId: subjectOf(p),
            ...(feed && !feed.revokedAt && { createdAt: feed.createdAt, createdBy: feed.createdBy.name }),
          },
          200,
        );
      },
    );

    app.openapi(
      createRoute({
        method: 'delete',
        path,
        operationId: `revoke${Scope}CalendarFeed`,
        tags: ['Calendars'],
        'x-min-role': 'contributor',
        summary: 'Revoke the calendar feed: its URL answers 404 from the next fetch',
        request: { params },
        responses: { 204: { description: 'Revoked' }, ...errors },
      }),
      async (c) => {
        const p = c.req.valid('param') as { c: string; personId?: string; planId?: string };
        const data = await access(c, p);
        await calendarFeedsOf(data).revoke(scope, subjectOf(p), deps.directory.secretLinks);
        return c.body(null, 204);
      },
    );
  };
  manage('person', '/api/v1/councils/{c}/people/{personId}/calendar-feed', PersonParams);
  manage('plan', '/api/v1/councils/{c}/plans/{planId}/calendar-feed', PlanParams);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/calendar/{councilId}/{file}',
      operationId: 'getCalendarFeed',
      tags: ['Calendars'],
      'x-min-role': 'public',
      summary: 'Fetch a calendar feed (no bearer token: the URL is the credential)',
      description:
        '`file` is `<token>.ics`. Unknown, revoked or malformed tokens, and a token used with another ' +
        'council, all answer the same 404.',
      security: [],
      request: {
        params: z.object({
          councilId: z.string().max(64),
          file: z.string().max(100).openapi({ example: 'Zk3…43 characters….ics' }),
        }),
      },
      responses: {
        200: { description: 'iCalendar feed', content: { 'text/calendar': { schema: z.string() } } },
        404: json(ErrorSchema, 'No such feed'),
      },
    }),
    async (c) => {
      const { councilId, file } = c.req.valid('param');
      // The path holds the secret: keep it out of the logs.
      deps.logger.appendKeys({ path: '/calendar/{councilId}/{token}.ics', council: councilId });
      const notFound = () => c.json(errorBody('not-found', 'Calendar feed not found'), 404);
      const token = FEED_FILE.exec(file)?.[1];
      if (!token || !Slug.safeParse(councilId).success) return notFound();
      // The council comes from the secret's lookup, never from the URL: a session is opened only for the
      // council the feed belongs to, and a feed under another council's URL is not found
      // (docs/architecture.md, "Tenant isolation").
      const link = await deps.directory.secretLinks.resolve(token, 'calendar-feed');
      if (!link || link.councilId !== councilId) return notFound();
      const doc = await deps.docFor(link.councilId, 'read');
      const data = new CouncilData(
        doc,
        deps.config.TABLE_NAME,
        tenantContext(link.councilId, 'viewer', { sub: 'calendar-feed', name: 'Calendar feed' }),
      );
      // …and the council's own record decides whether the feed is live (revoked feeds are kept there).
      const feed = await calendarFeedsOf(data).resolve(token);
      if (!feed || feed.subjectId !== link.subjectId) return notFound();
      // A feed is someone's view of the council: it stops with a suspended council, and with its maker
      // leaving the council (a feed made by the service itself, `system:…`, has no maker to leave).
      const { council, member } = await data.council.withMember(feed.createdBy.sub);
      if (!council || council.status === 'suspended') return notFound();
      if (!member && !feed.createdBy.sub.startsWith('system:')) return notFound();
      let calendar: Awaited<ReturnType<typeof feedCalendar>>;
      try {
        calendar = await feedCalendar(data, feed);
      } catch (e) {
        // The person or plan was removed after the feed was made.
        if (e instanceof DomainError && e.code === 'not-found') return notFound();
        throw e;
      }
      // ical-generator loads with the first feed a calendar asks for, not at a cold start.
      const { renderIcs } = await import('@peopleplan/reports/ics');
      const { ics } = renderIcs({ ...calendar, baseUrl: deps.config.WEB_BASE_URL, councilId });
      c.header('Content-Type', 'text/calendar; charset=utf-8');
      c.header('Content-Disposition', 'inline; filename="milestones.ics"');
      // Revocation must bite on the next fetch: no shared or stored copies.
      c.header('Cache-Control', 'private, no-store');
      c.header('Referrer-Policy', 'no-referrer');
      return c.body(ics, 200);
    },
  );
}
