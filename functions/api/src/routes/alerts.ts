import { createRoute, z } from '@hono/zod-openapi';
import { AlertPreferences, DomainError, notFound, type Person, Slug } from '@peopleplan/core';
import { alertLinkOwner, CouncilData, tenantContext } from '@peopleplan/db';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import type { AppDeps, AppEnv } from '../context.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import { body, CouncilParam, conflictError, errors, json } from './common.js';

const MyAlertPreferences = z.object({
  personId: z.string(),
  name: z.string(),
  email: z.string().optional(),
  alertPreferences: AlertPreferences,
});
const PreferencesBody = z.strictObject({
  frequency: z.enum(['immediate', 'weekly']),
  dueSoon: z.boolean(),
});

/**
 * A person's alert settings are theirs to change whatever their role (a councillor with read-only
 * access may still want weekly emails). This is the only write done this way: it touches nothing but
 * the person's own `alertPreferences`, and is audited under their name.
 */
async function ownPreferencesData(deps: AppDeps, councilId: string, actor: { sub: string; name: string }) {
  const doc = await deps.docFor(councilId, 'readwrite');
  return new CouncilData(doc, deps.config.TABLE_NAME, tenantContext(councilId, 'system', actor));
}

async function savePreferences(data: CouncilData, personId: string, prefs: z.infer<typeof PreferencesBody>) {
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
  const data = await councilData(c, deps, councilId, 'viewer');
  const principal = c.get('principal');
  const member = await data.members.get(principal.sub);
  if (member?.personId) return data.people.get(member.personId);
  const email = (member?.email ?? principal.email)?.toLowerCase();
  const person = email ? (await data.people.list()).find((p) => p.email?.toLowerCase() === email) : undefined;
  if (!person) throw notFound('Your entry in this council’s people directory');
  return person;
}

const view = (p: Person) => ({
  personId: p.id,
  name: p.name,
  ...(p.email ? { email: p.email } : {}),
  alertPreferences: p.alertPreferences,
});

const page = (title: string, content: unknown) => html`<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} – PeoplePlan</title>
    <style>
      body{font-family:Arial,sans-serif;max-width:40rem;margin:0 auto;padding:1rem;color:#0b0c0c;line-height:1.4}
      fieldset{border:0;padding:0;margin:0 0 1.5rem}legend{font-weight:bold;font-size:1.2rem;margin-bottom:.5rem}
      label{display:block;margin:.5rem 0}input{width:1.25rem;height:1.25rem;vertical-align:middle;margin-right:.5rem}
      button{background:#00703c;color:#fff;border:0;padding:.6rem 1rem;font-size:1rem;cursor:pointer}
      button:focus,input:focus{outline:3px solid #fd0;outline-offset:2px}
    </style>
  </head>
  <body>
    <main>${content}</main>
  </body>
</html>`;

const form = (p: Person, councilName: string, saved: boolean) =>
  page(
    'Alert emails',
    html`<h1>Alert emails from PeoplePlan</h1>
      ${saved ? html`<div role="status"><p><strong>Saved.</strong> Your choices apply from the next alert run.</p></div>` : ''}
      <p>For ${p.name} at ${councilName}.</p>
      <form method="post">
        <fieldset>
          <legend>How often do you want alert emails?</legend>
          <label><input type="radio" name="frequency" value="immediate" ${p.alertPreferences.frequency === 'immediate' ? 'checked' : ''} />Each morning when something needs attention</label>
          <label><input type="radio" name="frequency" value="weekly" ${p.alertPreferences.frequency === 'weekly' ? 'checked' : ''} />One digest on Monday mornings</label>
        </fieldset>
        <fieldset>
          <legend>Reminders before a deadline</legend>
          <label><input type="checkbox" name="dueSoon" value="on" ${p.alertPreferences.dueSoon ? 'checked' : ''} />Remind me when something I lead is due soon</label>
          <p>You will always be told when something is overdue: that cannot be switched off.</p>
        </fieldset>
        <button type="submit">Save choices</button>
      </form>`,
  );

const LinkParams = z.object({ c: Slug, token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

export function registerAlertRoutes(app: App, deps: AppDeps) {
  const route = '/api/v1/councils/{c}/me/alert-preferences';
  app.openapi(
    createRoute({
      method: 'get',
      path: route,
      operationId: 'getMyAlertPreferences',
      tags: ['Alerts'],
      'x-min-role': 'viewer',
      summary: 'Your own alert email preferences in this council',
      request: { params: CouncilParam },
      responses: { 200: json(MyAlertPreferences), ...errors },
    }),
    async (c) => c.json(view(await myPerson(c, deps, c.req.valid('param').c)), 200),
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

  // The link in every alert email: works without signing in, through the token only that email carries.
  const linkTarget = async (c: Context<AppEnv>) => {
    const parsed = LinkParams.safeParse({ c: c.req.param('c'), token: c.req.param('token') });
    const missing = () =>
      c.html(
        page(
          'Link not recognised',
          html`<h1>This link is not recognised</h1><p>Sign in to PeoplePlan to change your alert emails.</p>`,
        ),
        404,
      );
    if (!parsed.success) return missing();
    const { c: urlCouncil, token } = parsed.data;
    // The council is the one the link's lookup names, never the URL's: only its session is opened, and a
    // link under another council's URL is not recognised (docs/architecture.md, "Tenant isolation").
    const link = await deps.directory.secretLinks.resolve(token, 'alert-link');
    if (!link || link.councilId !== urlCouncil) return missing();
    const councilId = link.councilId;
    const reader = await ownPreferencesData(deps, councilId, { sub: 'alert-link', name: 'Alert email link' });
    // The council's own record of the link must agree (and not have lapsed).
    const personId = await alertLinkOwner(reader.store, token);
    if (!personId || personId !== link.subjectId) return missing();
    // A suspended council's data is read by no one, through no link (as its calendar feeds).
    const council = await reader.council.get();
    if (council.status === 'suspended') return missing();
    const person = await reader.people.get(personId);
    if (c.req.method === 'GET') return c.html(form(person, council.name, false));
    const f = await c.req.parseBody();
    const prefs = {
      frequency: f.frequency === 'weekly' ? 'weekly' : 'immediate',
      dueSoon: f.dueSoon === 'on',
    } as const;
    const data = await ownPreferencesData(deps, councilId, {
      sub: `alert-link:${person.id}`,
      name: `${person.name} (from an alert email link)`,
    });
    return c.html(form(await savePreferences(data, person.id, prefs), council.name, true));
  };
  app.use('/api/alert-preferences/*', bodyLimit({ maxSize: 4096 }));
  app.get('/api/alert-preferences/:c/:token', linkTarget);
  app.post('/api/alert-preferences/:c/:token', linkTarget);
}
