import { createRoute, z } from '@hono/zod-openapi';
import { DomainError } from '@peopleplan/core';
import type { AppDeps } from '../context.js';
import { openCouncil } from '../tenant.js';
import type { App } from '../types.js';
import { errors, json } from './common.js';

const Me = z.object({
  sub: z.string(),
  name: z.string(),
  email: z.string().optional(),
  councils: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.string(),
      /** The directory person this member is: the actions they lead are theirs to report on. */
      personId: z.string().optional(),
    }),
  ),
  partnerships: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  /** Runs the service (the /operator pages). */
  operator: z.boolean(),
});

export function registerMeRoutes(app: App, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/me',
      operationId: 'getMe',
      tags: ['Me'],
      'x-min-role': 'authenticated',
      summary: 'The signed-in user, their councils and partnerships',
      responses: { 200: json(Me), 401: errors[401] },
    }),
    async (c) => {
      const p = c.get('principal');
      // Councils the caller is a member of now: a group left in the token after removal shows nothing.
      const councils = (
        await Promise.all(
          Object.keys(p.councils).map(async (id) => {
            try {
              const open = await openCouncil(c, deps, id);
              return [{ id, role: open.role, name: open.council.name, member: open.member }];
            } catch (e) {
              if (e instanceof DomainError && e.code === 'not-found') return [];
              throw e;
            }
          }),
        )
      ).flat();
      const directory = deps.partnershipDirectory;
      const partnerships = await Promise.all(
        Object.entries(p.partnerships).map(async ([id, role]) => ({
          id,
          role,
          name: (await directory.get(id).catch(() => undefined))?.name ?? id,
          reader: await directory.getReader(id, p.sub).catch(() => undefined),
        })),
      );
      const operator = p.operator ? await deps.directory.operator(p.sub) : undefined;
      // The token carries no name or email (as Cognito's): they come from the records the app keeps.
      const known =
        councils[0]?.member ?? partnerships.find((x) => x.reader)?.reader ?? operator ?? undefined;
      return c.json(
        {
          sub: p.sub,
          name: known?.name ?? p.name,
          ...(known?.email ? { email: known.email } : {}),
          councils: councils
            .map(({ member, ...x }) => ({ ...x, ...(member.personId ? { personId: member.personId } : {}) }))
            .sort((a, b) => a.name.localeCompare(b.name)),
          partnerships: partnerships
            .map(({ reader: _r, ...x }) => x)
            .sort((a, b) => a.name.localeCompare(b.name)),
          operator: !!operator,
        },
        200,
      );
    },
  );
}
