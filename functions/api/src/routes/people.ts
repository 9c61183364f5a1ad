import { createRoute, z } from '@hono/zod-openapi';
import { Person } from '@peopleplan/core';
import { DUPLICATE_REASONS } from '@peopleplan/importer/people-reasons';
import type { AppDeps } from '../context.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import { body, CouncilParam, conflictError, ErrorSchema, errors, ItemId, json } from './common.js';

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

/** The people directory's duplicates and merging (issue 15); the directory itself is in council.ts. */
/** Matching people by name loads with the first duplicates check, not at a cold start (docs/architecture.md, section 9). */
const peopleMatching = () => import('@peopleplan/importer/people');

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
      const people = await data.people.list();
      // A person's name and the label plans write for them are both ways of naming them.
      const labels = people.flatMap((p) => [
        { id: p.id, name: p.name },
        ...(p.roleLabel && p.roleLabel !== p.name ? [{ id: p.id, name: p.roleLabel }] : []),
      ]);
      const byId = new Map(people.map((p) => [p.id, p]));
      const items = (await peopleMatching())
        .duplicateGroups(labels)
        .map((g) => ({
          people: [...new Set(g.ids)].map((id) => byId.get(id)!),
          reason: g.reason,
          explanation: g.explanation,
        }))
        .filter((g) => g.people.length > 1);
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
      request: { params: CouncilParam.extend({ personId: ItemId }), ...body(Merge) },
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
      // Merging is rare: its code loads on the first merge, not at every cold start (docs/architecture.md §9).
      const { mergePerson } = await import('@peopleplan/db/people-merge');
      return c.json(await mergePerson(data.store, p.personId, into, version), 200);
    },
  );
}
