import { createRoute, z } from '@hono/zod-openapi';
import { AlertPreferences, DomainError, notFound, type Person } from '@peopleplan/core';
import { CouncilData, tenantContext } from '@peopleplan/db';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from '../context.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import { body, CouncilParam, conflictError, errors, json } from './common.js';

const MyAlertPreferences = z.object({
  linked: z.literal(true),
  personId: z.string(),
  name: z.string(),
  email: z.string().optional(),
  alertPreferences: AlertPreferences,
});
/**
 * No directory entry is the caller (a councillor, say): they lead nothing in the plans, so no alert is
 * about them. An expected answer, not an error, so a page can say so without a failed request.
 */
const NotLinked = z.object({ linked: z.literal(false) });
const PreferencesBody = z.strictObject({
  frequency: z.enum(['immediate', 'weekly']),
  dueSoon: z.boolean(),
});

/**
 * A person's alert settings are theirs to change whatever their role (a councillor with read-only
 * access may still want weekly emails). This is the only write done this way: it touches nothing but
 * the person's own `alertPreferences`, and is audited under their name.
 */
export async function ownPreferencesData(
  deps: AppDeps,
  councilId: string,
  actor: { sub: string; name: string },
) {
  const doc = await deps.docFor(councilId, 'readwrite');
  return new CouncilData(doc, deps.config.TABLE_NAME, tenantContext(councilId, 'system', actor));
}

export async function savePreferences(
  data: CouncilData,
  personId: string,
  prefs: z.infer<typeof PreferencesBody>,
) {
  // Not a document edit, so no version from the client: a concurrent change is retried on the fresh copy.
  for (let attempt = 0; ; attempt++) {
    const p = await data.people.get(personId);
    try {
      return await data.people.update(personId, { version: p.version, alertPreferences: prefs });
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'conflict') || attempt >= 3) throw e;
    }
  }
}

/** The caller's own directory entry: linked through their membership, else matched by email. */
async function myPerson(c: Context<AppEnv>, deps: AppDeps, councilId: string): Promise<Person> {
  const person = await findMyPerson(c, deps, councilId);
  if (!person) throw notFound('Your entry in this council’s people directory');
  return person;
}

async function findMyPerson(
  c: Context<AppEnv>,
  deps: AppDeps,
  councilId: string,
): Promise<Person | undefined> {
  const data = await councilData(c, deps, councilId, 'viewer');
  const principal = c.get('principal');
  const member = await data.members.get(principal.sub);
  if (member?.personId) return data.people.get(member.personId);
  const email = (member?.email ?? principal.email)?.toLowerCase();
  return email ? (await data.people.list()).find((p) => p.email?.toLowerCase() === email) : undefined;
}

const view = (p: Person) => ({
  linked: true as const,
  personId: p.id,
  name: p.name,
  ...(p.email ? { email: p.email } : {}),
  alertPreferences: p.alertPreferences,
});

export function registerAlertRoutes(app: App, deps: AppDeps) {
  const route = '/api/v1/councils/{c}/me/alert-preferences';
  app.openapi(
    createRoute({
      method: 'get',
      path: route,
      operationId: 'getMyAlertPreferences',
      tags: ['Alerts'],
      'x-min-role': 'viewer',
      summary:
        'Your own alert email preferences in this council; `linked: false` when you are in no directory entry',
      request: { params: CouncilParam },
      responses: { 200: json(z.union([MyAlertPreferences, NotLinked])), ...errors },
    }),
    async (c) => {
      const person = await findMyPerson(c, deps, c.req.valid('param').c);
      return c.json(person ? view(person) : { linked: false as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: route,
      operationId: 'setMyAlertPreferences',
      tags: ['Alerts'],
      'x-min-role': 'viewer',
      summary: 'Choose immediate or weekly alert emails, and whether to get due-soon reminders',
      request: { params: CouncilParam, ...body(PreferencesBody) },
      responses: { 200: json(MyAlertPreferences), ...errors, ...conflictError },
    }),
    async (c) => {
      const councilId = c.req.valid('param').c;
      const person = await myPerson(c, deps, councilId);
      const p = c.get('principal');
      const data = await ownPreferencesData(deps, councilId, { sub: p.sub, name: p.name });
      return c.json(view(await savePreferences(data, person.id, c.req.valid('json'))), 200);
    },
  );

  // The link in every alert email, opened rarely: its page loads with its first request (alert-link-page.ts).
  const linkTarget = async (c: Context<AppEnv>) => (await import('./alert-link-page.js')).linkTarget(c, deps);
  app.use('/api/alert-preferences/*', bodyLimit({ maxSize: 4096 }));
  app.get('/api/alert-preferences/:c/:token', linkTarget);
  app.post('/api/alert-preferences/:c/:token', linkTarget);
}
