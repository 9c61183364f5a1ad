import { describe, expect, it } from 'vitest';
import type { Principal } from './principal.js';
import { rememberingVerifier } from './verifier.js';

const principal = (sub: string) => ({ sub }) as unknown as Principal;

describe('rememberingVerifier', () => {
  it('checks a token once until it expires, then again; refusals are never remembered', async () => {
    let clock = 1_000;
    const checks: string[] = [];
    const v = rememberingVerifier(
      async (token) => {
        checks.push(token);
        if (token === 'forged') throw new Error('bad signature');
        return { principal: principal(token), expiresAt: 5_000 };
      },
      { now: () => clock },
    );
    expect((await v.verify('a')).sub).toBe('a');
    expect((await v.verify('a')).sub).toBe('a');
    expect(checks).toEqual(['a']);
    await expect(v.verify('forged')).rejects.toThrow('bad signature');
    await expect(v.verify('forged')).rejects.toThrow('bad signature');
    expect(checks).toEqual(['a', 'forged', 'forged']);
    clock = 5_000;
    await v.verify('a');
    expect(checks).toEqual(['a', 'forged', 'forged', 'a']);
  });

  it('forgets the oldest token when full', async () => {
    const checks: string[] = [];
    const v = rememberingVerifier(
      async (token) => {
        checks.push(token);
        return { principal: principal(token), expiresAt: Number.MAX_SAFE_INTEGER };
      },
      { max: 2 },
    );
    for (const t of ['a', 'b', 'c', 'b', 'a']) await v.verify(t);
    expect(checks).toEqual(['a', 'b', 'c', 'a']);
  });
});
