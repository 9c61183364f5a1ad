/**
 * The page an alert email's link opens, to change how often the person hears from PeoplePlan without
 * signing in. Loaded with its first request: nobody else's request needs it.
 */
import { z } from '@hono/zod-openapi';
import { type Person, Slug } from '@peopleplan/core';
import { alertLinkOwner } from '@peopleplan/db';
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { AppDeps, AppEnv } from '../context.js';
import { ownPreferencesData, savePreferences } from './alerts.js';

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

/** The link in every alert email: works without signing in, through the token only that email carries. */
export async function linkTarget(c: Context<AppEnv>, deps: AppDeps) {
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
}
