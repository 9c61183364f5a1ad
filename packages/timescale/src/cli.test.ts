import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Timescale } from '@peopleplan/core';
import { describe, expect, it } from 'vitest';

const cli = join(dirname(fileURLToPath(import.meta.url)), 'cli.ts');

/** Spawns the CLI as a user would (node + tsx); resolves with its exit code and output. */
function run(args: string[], input: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(input);
  });
}

// Each case starts node + tsx (seconds on a busy machine).
describe('timescale CLI', { timeout: 60_000 }, () => {
  it('writes one JSON timescale per input line, in order, with the text echoed', async () => {
    const lines = ['March 08', 'Within 3 months', '', 'Ongoing Staff Briefings', 'Q4'];
    const r = await run(
      ['--anchor', '2007-09-01', '--period-start', '2007-04-01', '--period-end', '2008-03-31'],
      `${lines.join('\r\n')}\n`,
    );
    expect(r.code).toBe(0);
    const out = r.out
      .trimEnd()
      .split('\n')
      .map((l) => Timescale.parse(JSON.parse(l)));
    expect(out.map((t) => t.text)).toEqual(lines);
    expect(out[0]).toMatchObject({ kind: 'date', due: '2008-03-31', precision: 'month' });
    expect(out[1]).toMatchObject({ kind: 'relative', start: '2007-09-01', due: '2007-12-01' });
    expect(out[2]).toMatchObject({ kind: 'unparsed' });
    expect(out[3]).toMatchObject({ kind: 'ongoing', note: 'Staff Briefings' });
    expect(out[4]).toMatchObject({ kind: 'date', due: '2008-03-31', precision: 'quarter' });
  });

  it('reads calendar quarters when told to', async () => {
    const r = await run(
      ['--calendar-quarters', '--period-start', '2013-01-01', '--period-end', '2013-12-31'],
      'Q1\n',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ kind: 'date', due: '2013-03-31' });
  });

  it('without an anchor, relative forms are unparsed with a reason', async () => {
    const r = await run([], 'Immediate\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ kind: 'unparsed', note: expect.stringMatching(/not known/) });
  });

  it('rejects bad flags with exit code 2 and a message on stderr', async () => {
    const bad = [
      ['--anchr', '2013-04-01'],
      ['--anchor', '2014-02-30'],
      ['--period-start', '2014-04-01', '--period-end', '2013-03-31'],
    ];
    const results: Awaited<ReturnType<typeof run>>[] = [];
    for (const args of bad) results.push(await run(args, 'March 08\n'));
    for (const r of results) {
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^timescale: /);
      expect(r.out).toBe('');
    }
  });
});
