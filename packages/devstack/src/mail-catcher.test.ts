import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSmtpMailer, MailSendError, withRetry } from '@peopleplan/mail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MailCatcher, startMailCatcher } from './mail-catcher.js';
import { createInboxApp } from './mail-inbox.js';

describe('SMTP mailer → mail catcher', () => {
  let catcher: MailCatcher;
  const dir = mkdtempSync(join(tmpdir(), 'pp-mail-'));
  beforeAll(async () => {
    catcher = await startMailCatcher({ dir });
  });
  afterAll(async () => {
    await catcher.stop();
  });

  it('delivers both parts over real SMTP and keeps the message on disk', async () => {
    const mailer = createSmtpMailer({ port: catcher.port, from: 'alerts@peopleplan.local' });
    await mailer.send({
      to: 'lead@harrow.test',
      subject: 'Due soon: 2 items',
      text: 'plain part',
      html: '<p>html part &amp; more</p>',
    });
    const [m] = await catcher.waitFor(1);
    expect(m?.envelope.to).toEqual(['lead@harrow.test']);
    expect(m?.subject).toBe('Due soon: 2 items');
    expect(m?.text.trim()).toBe('plain part');
    expect(m?.html).toContain('html part &amp; more');
    expect(readdirSync(dir).filter((f) => f.endsWith('.eml'))).toHaveLength(1);

    const again = await startMailCatcher({ dir });
    expect(again.messages().map((x) => x.subject)).toEqual(['Due soon: 2 items']);
    await again.stop();
  });

  it('retries a refused send, then reports it failed after the last try', async () => {
    let refusals = 1;
    catcher.failWith(() => (refusals-- > 0 ? 'mailbox busy' : undefined));
    const retries: number[] = [];
    const mailer = withRetry(createSmtpMailer({ port: catcher.port, from: 'a@b.test' }), {
      attempts: 3,
      backoffMs: 10,
      onRetry: (n) => retries.push(n),
    });
    const before = catcher.messages().length;
    await mailer.send({ to: 'x@harrow.test', subject: 'once refused', text: 't', html: '<p>t</p>' });
    expect(retries).toEqual([1]);
    expect(catcher.messages().length).toBe(before + 1);

    catcher.failWith(() => 'always busy');
    await expect(
      mailer.send({ to: 'y@harrow.test', subject: 'never', text: 't', html: '<p>t</p>' }),
    ).rejects.toBeInstanceOf(MailSendError);
    expect(catcher.messages().some((m) => m.subject === 'never')).toBe(false);
    catcher.failWith(undefined);
  });

  it('shows the inbox as accessible HTML with user text escaped, and as JSON', async () => {
    const mailer = createSmtpMailer({ port: catcher.port, from: 'a@b.test' });
    await mailer.send({
      to: 'z@harrow.test',
      subject: '<script>alert(1)</script>',
      text: 't',
      html: '<p>x</p>',
    });
    const app = createInboxApp(catcher);
    const list = await app.request('/');
    const body = await list.text();
    expect(body).toContain('<html lang="en-GB">');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).not.toContain('<script>alert(1)');
    const api = (await (await app.request('/api/messages')).json()) as {
      items: Array<{ id: string; subject: string }>;
    };
    const mine = api.items.find((m) => m.subject === '<script>alert(1)</script>');
    expect(mine).toBeDefined();
    const one = await (await app.request(`/messages/${mine!.id}`)).text();
    expect(one).toContain('sandbox=""');
    expect((await app.request('/messages/nope')).status).toBe(404);
  });
});
