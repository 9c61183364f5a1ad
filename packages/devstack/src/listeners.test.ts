import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { startDynamoDbLocal } from './dynamodb-local.js';
import { startMailCatcher } from './mail-catcher.js';

/** Local addresses of the sockets listening on `port` (Linux /proc: IPv4 and IPv6 tables). */
function listeningAddresses(port: number): string[] {
  const out: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== '0A') continue; // 0A: LISTEN
      const [addr, hexPort] = local.split(':');
      if (Number.parseInt(hexPort!, 16) === port) out.push(addr!);
    }
  }
  return out;
}

/** 127.0.0.1 as /proc writes it: little-endian hex, alone (IPv4) or IPv4-mapped (IPv6). */
const LOOPBACK = /^(0100007F|0000000000000000FFFF00000100007F)$/;

const externalAddresses = () =>
  Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && a.family === 'IPv4')
    .map((a) => a!.address);

const refused = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect({ host, port, timeout: 1000 });
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
    s.once('timeout', () => {
      s.destroy();
      resolve(true);
    });
  });

describe('local listeners bind to 127.0.0.1 only', () => {
  it('DynamoDB Local and the mail catcher listen on loopback and nowhere else', async () => {
    const db = await startDynamoDbLocal();
    const mail = await startMailCatcher();
    try {
      for (const port of [db.port, mail.port]) {
        const addrs = listeningAddresses(port);
        expect(addrs.length, `port ${port} is listening`).toBeGreaterThan(0);
        for (const a of addrs) expect(a, `port ${port}`).toMatch(LOOPBACK);
        for (const host of externalAddresses())
          expect(await refused(host, port), `${host}:${port}`).toBe(true);
      }
    } finally {
      await mail.stop();
      await db.stop();
    }
  });
});
