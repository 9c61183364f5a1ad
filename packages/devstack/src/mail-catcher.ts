import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMessage {
  id: string;
  receivedAt: string;
  /** SMTP envelope: who the message was really sent to (headers can say otherwise). */
  envelope: { from: string; to: string[] };
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface MailCatcher {
  host: string;
  port: number;
  messages(): CaughtMessage[];
  get(id: string): CaughtMessage | undefined;
  clear(): void;
  /**
   * Make the server refuse messages (a temporary 451) while `reason` returns a string: tests use it to
   * see a failed send retried and recorded.
   */
  failWith(reason: ((envelope: CaughtMessage['envelope']) => string | undefined) | undefined): void;
  /** Resolves when `count` messages have arrived in total. */
  waitFor(count: number, timeoutMs?: number): Promise<CaughtMessage[]>;
  stop(): Promise<void>;
}

export interface MailCatcherOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Keep each message as an .eml file here and load them again at start (npm start's .data/mail). */
  dir?: string;
}

const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).map((x) => x.text).join(', ');

async function parse(
  raw: Buffer,
  meta: Pick<CaughtMessage, 'id' | 'receivedAt' | 'envelope'>,
): Promise<CaughtMessage> {
  const p = await simpleParser(raw);
  const headers: Record<string, string> = {};
  for (const line of p.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
  return {
    ...meta,
    from: addresses(p.from),
    to: addresses(p.to),
    subject: p.subject ?? '',
    text: p.text ?? '',
    html: typeof p.html === 'string' ? p.html : '',
    headers,
  };
}

/**
 * The local stack's mail catcher: a real SMTP server on loopback that keeps what it receives, parsed,
 * for the inbox web page and tests. No authentication and no TLS: it only ever listens on 127.0.0.1.
 */
export async function startMailCatcher(opts: MailCatcherOptions = {}): Promise<MailCatcher> {
  const store: CaughtMessage[] = [];
  const waiters: Array<() => void> = [];
  let failure: ((e: CaughtMessage['envelope']) => string | undefined) | undefined;
  if (opts.dir) {
    mkdirSync(opts.dir, { recursive: true });
    for (const f of readdirSync(opts.dir)
      .filter((n) => n.endsWith('.eml'))
      .sort()) {
      const raw = readFileSync(join(opts.dir, f));
      const [stamp, id] = f.replace(/\.eml$/, '').split('_');
      store.push(
        await parse(raw, {
          id: id ?? f,
          receivedAt: stamp ? new Date(Number(stamp)).toISOString() : new Date().toISOString(),
          envelope: { from: '', to: [] },
        }),
      );
    }
  }

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    banner: 'PeoplePlan local mail catcher',
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (e) => callback(e));
      stream.on('end', () => {
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        const refused = failure?.(envelope);
        if (refused) {
          const err = Object.assign(new Error(refused), { responseCode: 451 });
          return callback(err);
        }
        const raw = Buffer.concat(chunks);
        const now = Date.now();
        const meta = { id: randomUUID(), receivedAt: new Date(now).toISOString(), envelope };
        parse(raw, meta).then(
          (m) => {
            if (opts.dir) writeFileSync(join(opts.dir, `${now}_${m.id}.eml`), raw);
            store.push(m);
            for (const w of waiters.splice(0)) w();
            callback();
          },
          (e: Error) => callback(e),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();

  return {
    host: '127.0.0.1',
    port,
    messages: () => [...store],
    get: (id) => store.find((m) => m.id === id),
    clear: () => {
      store.length = 0;
    },
    failWith: (reason) => {
      failure = reason;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (store.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} messages, have ${store.length}`);
        await new Promise<void>((r) => {
          const t = setTimeout(r, left);
          waiters.push(() => {
            clearTimeout(t);
            r();
          });
        });
      }
      return [...store];
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
