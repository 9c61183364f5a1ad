import nodemailer from 'nodemailer';
import { type Mailer, type MailMessage, outgoing, type SendResult } from './message.js';

export interface SmtpMailerOptions {
  host?: string;
  port: number;
  from: string;
  /** Milliseconds to wait for the server at each step (connect, greeting, each command). */
  timeoutMs?: number;
}

/**
 * SMTP through nodemailer. Meant for the local mail catcher on loopback, which offers no TLS
 * (`ignoreTLS`): never point it at a server across a network.
 */
export function createSmtpMailer(opts: SmtpMailerOptions): Mailer {
  const timeout = opts.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    host: opts.host ?? '127.0.0.1',
    port: opts.port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(message: MailMessage): Promise<SendResult> {
      const m = outgoing(message);
      const info = await transport.sendMail({
        from: m.from ?? opts.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        ...(m.headers ? { headers: m.headers } : {}),
      });
      return { messageId: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}
