import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSesMailer } from './ses.js';

/**
 * What reaches SES is one recipient and one-line headers (security probe: a council renamed by its
 * admin over two lines puts its name in every alert's subject). SES builds the message from these.
 */
const ses = mockClient(SESv2Client);
const mailer = () => createSesMailer({ from: 'alerts@peopleplan.example', client: new SESv2Client({}) });
const message = { to: 'alice@harrow.test', subject: 'Alerts', text: 'Hello', html: '<p>Hello</p>' };

describe('the SES mailer', () => {
  beforeEach(() => {
    ses.reset();
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
  });

  it('sends a subject and headers with line breaks on one line', async () => {
    await mailer().send({
      ...message,
      subject:
        'PeoplePlan alerts for Harrow\r\nBcc: someone@elsewhere.test\r\n\r\nReset your password: 1 overdue',
      headers: { 'X-Council': 'Harrow\nBcc: someone@elsewhere.test' },
    });
    const sent = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(sent.Content?.Simple?.Subject?.Data).toBe(
      'PeoplePlan alerts for Harrow Bcc: someone@elsewhere.test Reset your password: 1 overdue',
    );
    expect(sent.Content?.Simple?.Headers).toEqual([
      { Name: 'X-Council', Value: 'Harrow Bcc: someone@elsewhere.test' },
    ]);
    expect(sent.Destination).toEqual({ ToAddresses: ['alice@harrow.test'] });
  });

  it.each([
    'alice@harrow.test, someone@elsewhere.test',
    'alice@harrow.test; someone@elsewhere.test',
    'Alice <alice@harrow.test>',
    'alice@harrow.test\r\nBcc: someone@elsewhere.test',
    'alice',
  ])('refuses a recipient that is not one address: %j', async (to) => {
    await expect(mailer().send({ ...message, to })).rejects.toThrow(/not one email address/);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });
});
