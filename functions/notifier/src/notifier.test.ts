import { type MailCatcher, startMailCatcher } from '@peopleplan/devstack';
import { createSmtpMailer } from '@peopleplan/mail';
import { createLogger } from '@peopleplan/observability';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotifier } from './notifier.js';

const record = (messageId: string, body: unknown) =>
  ({ messageId, body: typeof body === 'string' ? body : JSON.stringify(body), attributes: {} }) as never;

describe('notifier (SQS batch → mailer)', () => {
  let catcher: MailCatcher;
  beforeAll(async () => {
    catcher = await startMailCatcher();
  });
  afterAll(async () => {
    await catcher.stop();
  });

  it('sends each message and reports only the failed ones, so SQS retries them and then dead-letters them', async () => {
    catcher.failWith((env) => (env.to.includes('busy@harrow.test') ? 'try later' : undefined));
    const notify = createNotifier({
      mailer: createSmtpMailer({ port: catcher.port, from: 'alerts@peopleplan.test' }),
      logger: createLogger('test'),
    });
    const email = (to: string) => ({ to, subject: `For ${to}`, text: 'text part', html: '<p>html part</p>' });
    const event: SQSEvent = {
      Records: [
        record('m1', email('ok@harrow.test')),
        record('m2', email('busy@harrow.test')),
        record('m3', '{not json'),
        record('m4', { to: 'not-an-address', subject: 's', text: '', html: '' }),
      ],
    };
    const r = await notify(event);
    expect(r.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['m2', 'm3', 'm4']);
    const got = catcher.messages();
    expect(got).toHaveLength(1);
    expect(got[0]?.envelope.to).toEqual(['ok@harrow.test']);
    expect(got[0]?.html).toContain('<p>html part</p>');
  });
});
