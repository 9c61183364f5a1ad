import { createRoute, z } from '@hono/zod-openapi';
import { DomainError } from '@peopleplan/core';
import type { App } from '../app.js';
import type { AppDeps } from '../context.js';
import { openCouncil } from '../tenant.js';
import { errors, json } from './common.js';

const Me = z.object({
  sub: z.string(),
  name: z.string(),
  email: z.string().optional(),
  councils: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  partnerships: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
});

export function registerMeRoutes(app: App, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/me',
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
              return [{ id, role: open.role, name: open.council.name }];
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
        })),
      );
      return c.json(
        {
          sub: p.sub,
          name: p.name,
          ...(p.email ? { email: p.email } : {}),
          councils: councils.sort((a, b) => a.name.localeCompare(b.name)),
          partnerships: partnerships.sort((a, b) => a.name.localeCompare(b.name)),
        },
        200,
      );
    },
  );
}
