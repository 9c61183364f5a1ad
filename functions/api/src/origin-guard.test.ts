import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ORIGIN_VERIFY_HEADER, originGuard } from './origin-guard.js';

const SECRET = 'a'.repeat(20) + 'b'.repeat(28);

function app(secret: string | undefined) {
  const a = new Hono();
  a.use('/api/*', originGuard(secret));
  a.get('/api/v1/thing', (c) => c.json({ ok: true }));
  a.get('/health', (c) => c.json({ status: 'ok' }));
  return a;
}

describe('originGuard', () => {
  it('rejects requests without CloudFront’s header, or with a wrong one, in the API error shape', async () => {
    const a = app(SECRET);
    const none = await a.request('/api/v1/thing');
    expect(none.status).toBe(403);
    expect(await none.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    const wrong = await a.request('/api/v1/thing', { headers: { [ORIGIN_VERIFY_HEADER]: `${SECRET}x` } });
    expect(wrong.status).toBe(403);
    const prefix = await a.request('/api/v1/thing', {
      headers: { [ORIGIN_VERIFY_HEADER]: SECRET.slice(0, 10) },
    });
    expect(prefix.status).toBe(403);
  });

  it('lets requests with the secret through (header names are case-insensitive)', async () => {
    const ok = await app(SECRET).request('/api/v1/thing', { headers: { 'X-Origin-Verify': SECRET } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true });
  });

  it('guards only the paths it is mounted on', async () => {
    expect((await app(SECRET).request('/health')).status).toBe(200);
  });

  it('does nothing without a secret (local stack and tests)', async () => {
    for (const secret of [undefined, '']) {
      expect((await app(secret).request('/api/v1/thing')).status).toBe(200);
    }
  });
});
