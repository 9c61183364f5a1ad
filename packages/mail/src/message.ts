/** One email, already rendered: plain text and HTML parts of the same content. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Overrides the mailer's default sender. */
  from?: string | undefined;
  headers?: Record<string, string> | undefined;
}

export interface SendResult {
  messageId: string;
}

/** Anything that can send an email: SMTP locally, SES v2 in AWS. */
export interface Mailer {
  send(message: MailMessage): Promise<SendResult>;
  close?(): Promise<void>;
}

/** One address: no list, display name, space or line break (only the address is ever mailed). */
const ONE_ADDRESS = /^[^\s@,;:<>()[\]"\\]+@[^\s@,;:<>()[\]"\\]+\.[^\s@,;:<>()[\]"\\]+$/;

/** A header's value on one line: a line break in it would start a header of the text's choosing. */
const oneLine = (value: string) => value.replace(/[\r\n\v\f\u0085\u2028\u2029]+/g, ' ');

/**
 * The message as a mailer sends it. Its text comes from councils (a council's name is in every alert's
 * subject, and its admin may rename it), so whatever the renderers do, a subject or header is put on one
 * line and a recipient must be one address: SMTP would mail each of 'a@x, b@y'.
 */
export function outgoing(m: MailMessage): MailMessage {
  if (!ONE_ADDRESS.test(m.to)) throw new Error(`${JSON.stringify(m.to)} is not one email address`);
  return {
    ...m,
    subject: oneLine(m.subject),
    ...(m.headers && {
      headers: Object.fromEntries(Object.entries(m.headers).map(([k, v]) => [k, oneLine(v)])),
    }),
  };
}
