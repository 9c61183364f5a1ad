import { Hono } from 'hono';
import { html } from 'hono/html';
import type { CaughtMessage, MailCatcher } from './mail-catcher.js';

const STYLE = `body{font-family:Arial,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#0b0c0c;line-height:1.4}
a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
table{border-collapse:collapse;width:100%}th,td{text-align:left;border-bottom:1px solid #b1b4b6;padding:.5rem;vertical-align:top}
pre{white-space:pre-wrap;background:#f3f2f1;padding:1rem}iframe{width:100%;min-height:32rem;border:1px solid #b1b4b6}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:bold}`;

const page = (title: string, body: unknown) => html`<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} – PeoplePlan local mail</title>
    <style>
      ${STYLE}
    </style>
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>`;

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London' });

/**
 * The mail catcher's inbox in the browser (mounted at /dev/mail by the local stack), and a JSON API for
 * tests. Message HTML is shown in a sandboxed frame: it cannot run scripts or reach this page.
 */
export function createInboxApp(catcher: MailCatcher): Hono {
  const app = new Hono();
  const newestFirst = () => catcher.messages().reverse();

  // Links are built from the request path, so the inbox works wherever it is mounted (/dev/mail).
  app.get('/', (c) => {
    const root = c.req.path.replace(/\/+$/, '');
    const messages = newestFirst();
    return c.html(
      page(
        'Inbox',
        html`<h1>Local mail (${messages.length})</h1>
          <p>
            Email the local stack sends (alerts) arrives here instead of real inboxes. SMTP on
            127.0.0.1:${catcher.port}.
          </p>
          ${
            messages.length === 0
              ? html`<p>No messages yet. Run <code>npm run alerts -- --today YYYY-MM-DD</code> to send alerts.</p>`
              : html`<table>
                <caption>
                  Messages, newest first
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Received</th>
                    <th scope="col">To</th>
                    <th scope="col">Subject</th>
                  </tr>
                </thead>
                <tbody>
                  ${messages.map(
                    (m) =>
                      html`<tr>
                        <td>${when(m.receivedAt)}</td>
                        <td>${m.to}</td>
                        <td><a href="${root}/messages/${m.id}">${m.subject || '(no subject)'}</a></td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
          }`,
      ),
    );
  });

  app.get('/messages/:id', (c) => {
    const root = c.req.path.replace(/\/messages\/[^/]*$/, '') || '/';
    const m = catcher.get(c.req.param('id'));
    if (!m)
      return c.html(
        page('Not found', html`<h1>No such message</h1><p><a href="${root}">Back to the inbox</a></p>`),
        404,
      );
    return c.html(
      page(
        m.subject || '(no subject)',
        html`<p><a href="${root}">Back to the inbox</a></p>
          <h1>${m.subject || '(no subject)'}</h1>
          <dl>
            <dt>From</dt>
            <dd>${m.from}</dd>
            <dt>To</dt>
            <dd>${m.to}</dd>
            <dt>Received</dt>
            <dd>${when(m.receivedAt)}</dd>
          </dl>
          ${
            m.html
              ? html`<h2>HTML part</h2>
                <iframe title="HTML part of the message" sandbox="" srcdoc="${m.html}"></iframe>`
              : ''
          }
          <h2>Plain text part</h2>
          <pre>${m.text}</pre>`,
      ),
    );
  });

  app.get('/api/messages', (c) => c.json({ items: newestFirst() satisfies CaughtMessage[] }));
  app.get('/api/messages/:id', (c) => {
    const m = catcher.get(c.req.param('id'));
    return m ? c.json(m) : c.json({ error: { code: 'not-found', message: 'No such message' } }, 404);
  });
  app.delete('/api/messages', (c) => {
    catcher.clear();
    return c.body(null, 204);
  });
  return app;
}
