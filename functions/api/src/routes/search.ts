import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../context.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import { CouncilParam, errors, json } from './common.js';

const Kind = z.enum(['plan', 'theme', 'action', 'milestone', 'person', 'update']);
const Hit = z
  .object({
    kind: Kind,
    id: z.string(),
    title: z.string(),
    ref: z.string().optional(),
    planId: z.string().optional(),
    planTitle: z.string().optional(),
    actionId: z.string().optional(),
    actionRef: z.string().optional(),
    actionTitle: z.string().optional(),
    date: z.string().optional().openapi({ description: 'A progress update’s date' }),
    snippet: z.string().optional().openapi({ description: 'Text around the first word that matched' }),
    matched: z.array(z.string()).openapi({ description: 'The words of the item that matched' }),
    score: z.number(),
  })
  .openapi('SearchHit');
const Answer = z
  .object({
    query: z.string(),
    items: z.array(Hit),
    total: z.number().int(),
    complete: z
      .boolean()
      .openapi({ description: 'False while the council’s search index is still being built' }),
  })
  .openapi('SearchAnswer');

/** Search within the caller's council (docs/architecture.md, "Search"). */
/** MiniSearch and the council's index load with the first search, not at a cold start (docs/architecture.md). */
const searchService = () => import('@peopleplan/services/search');

export function registerSearchRoutes(app: App, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/search',
      operationId: 'searchCouncil',
      tags: ['Search'],
      'x-min-role': 'viewer',
      summary: 'Find plans, themes, actions, milestones, people and progress updates of the council',
      description:
        'Every word must match the start of a word (longer words also a near spelling); titles weigh most, ' +
        'then refs. Ranked by relevance, each hit with the words that matched and a snippet.',
      request: {
        params: CouncilParam,
        query: z.object({
          q: z.string().trim().min(1, 'say what to look for').max(200).openapi({ example: 'recruitment' }),
          kind: Kind.optional().openapi({ description: 'Only items of this kind' }),
          limit: z.coerce.number().int().min(1).max(50).optional(),
        }),
      },
      responses: { 200: json(Answer), ...errors },
    }),
    async (c) => {
      const data = await councilData(c, deps, c.req.valid('param').c, 'viewer');
      const q = c.req.valid('query');
      return c.json(
        await (await searchService()).searchCouncil(data, q.q, {
          limit: q.limit,
          ...(q.kind && { kinds: [q.kind] }),
        }),
        200,
      );
    },
  );
}
