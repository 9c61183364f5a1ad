import { createRoute, z } from '@hono/zod-openapi';
import { Person, PlanStatus, Status } from '@peopleplan/core';
import { DUPLICATE_REASONS } from '@peopleplan/importer/people-reasons';
import type { AppDeps } from '../context.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import { body, CouncilParam, conflictError, ErrorSchema, errors, ItemId, json } from './common.js';

const PersonParams = CouncilParam.extend({ personId: ItemId });
const Ids = z.array(ItemId).max(2000).optional();
const HandOver = z.strictObject({
  /** The person who takes the work over. */
  to: ItemId,
  /** The version of the person handing over, as the caller last saw them. */
  version: z.number().int().min(1),
  /** The actions to hand over; absent: every open action they lead. */
  actionIds: Ids,
  /** The plans to hand over; absent: every plan they own. */
  planIds: Ids,
});
const Leads = z.object({
  actions: z.array(
    z.object({
      planId: ItemId,
      planTitle: z.string(),
      id: ItemId,
      ref: z.string(),
      title: z.string(),
      status: Status,
      due: z.string().optional(),
    }),
  ),
  plans: z.array(z.object({ id: ItemId, title: z.string(), status: PlanStatus })),
});

const Merge = z.strictObject({
  /** The person who stays. */
  into: ItemId,
  /** The version of the person merged away, as the caller last saw it. */
  version: z.number().int().min(1),
});
const Duplicates = z.object({
  items: z.array(
    z.object({
      people: z.array(Person),
      reason: z.enum(DUPLICATE_REASONS),
      explanation: z.string(),
    }),
  ),
});

/** The people directory's duplicates, merging (issue 15) and handing over; the directory itself is in council.ts. */
/** Matching people by name loads with the first duplicates check, not at a cold start (docs/architecture.md, section 9). */
const peopleMatching = () => import('@peopleplan/importer/people');
/** Merging and handing over are rare: their code loads with the first request for either (§9). */
const peopleMoves = () => import('@peopleplan/db/people-moves');

export function registerPeopleRoutes(app: App, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/people/duplicates',
      operationId: 'listDuplicatePeople',
      tags: ['Council'],
      'x-min-role': 'viewer',
      summary:
        'People of the directory who are likely one person (offered for merging, never merged by themselves)',
      request: { params: CouncilParam },
      responses: { 200: json(Duplicates), ...errors },
    }),
    async (c) => {
      const data = await councilData(c, deps, c.req.valid('param').c, 'viewer');
      const items = (await peopleMatching()).duplicatePeople(await data.people.list());
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/councils/{c}/people/{personId}/merge',
      operationId: 'mergePerson',
      tags: ['Council'],
      'x-min-role': 'editor',
      summary:
        'Merge this person into another: every action lead, plan owner and member link moves; the history stays',
      description:
        'The person in the path is kept as a record pointing at `into` (`mergedInto`), so the history still ' +
        'reads and imports still match their labels. Sending the same merge again finishes one that stopped ' +
        'part way. 409: a version changed meanwhile, or either person was merged into someone else; 422: the ' +
        'same person twice, or more references than one merge moves.',
      request: { params: PersonParams, ...body(Merge) },
      responses: {
        200: json(
          z.object({
            person: Person,
            merged: Person,
            moved: z.object({ actions: z.number(), plans: z.number(), members: z.number() }),
          }),
          'Merged',
        ),
        ...errors,
        ...conflictError,
        422: json(ErrorSchema, 'The same person twice, or too many references for one merge'),
      },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      const { into, version } = c.req.valid('json');
      const { mergePerson } = await peopleMoves();
      return c.json(await mergePerson(data.store, p.personId, into, version), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/people/{personId}/leads',
      operationId: 'listPersonLeads',
      tags: ['Council'],
      'x-min-role': 'viewer',
      summary: 'Open actions the person leads and plans they own (not archived)',
      request: { params: PersonParams },
      responses: { 200: json(Leads), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'viewer');
      const { personLeads } = await peopleMoves();
      return c.json(await personLeads(data, p.personId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/councils/{c}/people/{personId}/hand-over',
      operationId: 'handOverPerson',
      tags: ['Council'],
      'x-min-role': 'editor',
      summary: 'Hand the person’s open actions (as lead) and plans (as owner) over to another person',
      description: '409: something changed meanwhile (send it again to move the rest).',
      request: { params: PersonParams, ...body(HandOver) },
      responses: {
        200: json(z.object({ moved: z.object({ actions: z.number(), plans: z.number() }) }), 'Handed over'),
        ...errors,
        ...conflictError,
        422: json(ErrorSchema, 'To themselves, a leaver or a merged person'),
      },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      const { handOver } = await peopleMoves();
      return c.json(await handOver(data, p.personId, c.req.valid('json')), 200);
    },
  );
}
