import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { type Mailer, type MailMessage, outgoing, type SendResult } from './message.js';

export interface SesMailerOptions {
  from: string;
  configurationSet?: string | undefined;
  client?: SESv2Client;
  region?: string;
}

/** SES v2 `SendEmail` with simple content: SES builds the MIME message with both parts. */
export function createSesMailer(opts: SesMailerOptions): Mailer {
  const client = opts.client ?? new SESv2Client(opts.region ? { region: opts.region } : {});
  return {
    async send(message: MailMessage): Promise<SendResult> {
      const m = outgoing(message);
      const r = await client.send(
        new SendEmailCommand({
          FromEmailAddress: m.from ?? opts.from,
          Destination: { ToAddresses: [m.to] },
          ...(opts.configurationSet ? { ConfigurationSetName: opts.configurationSet } : {}),
          Content: {
            Simple: {
              Subject: { Data: m.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: m.text, Charset: 'UTF-8' },
                Html: { Data: m.html, Charset: 'UTF-8' },
              },
              ...(m.headers
                ? { Headers: Object.entries(m.headers).map(([Name, Value]) => ({ Name, Value })) }
                : {}),
            },
          },
        }),
      );
      return { messageId: r.MessageId ?? '' };
    },
  };
}
