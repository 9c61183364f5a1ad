import type { Mailer, MailMessage, SendResult } from './message.js';

export interface RetryOptions {
  /** Total tries, the first included. */
  attempts?: number;
  /** Delay before the second try; doubled for each further one. */
  backoffMs?: number;
  onRetry?: (attempt: number, error: unknown) => void;
}

/** Wraps a mailer so a transient failure (server busy, connection dropped) is tried again. */
export function withRetry(mailer: Mailer, opts: RetryOptions = {}): Mailer {
  const attempts = Math.max(1, opts.attempts ?? 3);
  const backoff = opts.backoffMs ?? 500;
  return {
    async send(m: MailMessage): Promise<SendResult> {
      let last: unknown;
      for (let i = 1; i <= attempts; i++) {
        try {
          return await mailer.send(m);
        } catch (e) {
          last = e;
          if (i < attempts) {
            opts.onRetry?.(i, e);
            await new Promise((r) => setTimeout(r, backoff * 2 ** (i - 1)));
          }
        }
      }
      throw new MailSendError(`sending to ${m.to} failed after ${attempts} tries`, attempts, last);
    },
    ...(mailer.close ? { close: () => mailer.close!() } : {}),
  };
}

export class MailSendError extends Error {
  override name = 'MailSendError';
  constructor(
    message: string,
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super(`${message}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}
