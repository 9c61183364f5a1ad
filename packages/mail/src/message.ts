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
