/**
 * Longer runs of the fuzzed API (issue 12): the very property `npm test` runs
 * (test/api/fuzz.test.ts, on its own DynamoDB Local), with more batches and any seed.
 *
 *   npm run fuzz -- --runs 200              a new random seed, printed first
 *   npm run fuzz -- --runs 200 --seed 42    replays a run exactly
 *   npm run fuzz -- --runs 20 --log f.txt   also writes every request and answer to f.txt
 *
 * A batch is one generated request per operation of the OpenAPI document.
 */
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '50' },
    seed: { type: 'string' },
    log: { type: 'string' },
  },
});
const runs = Number(values.runs);
const seed = values.seed !== undefined ? Number(values.seed) : randomInt(2 ** 31 - 1);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- --runs N [--seed S] [--log FILE]');
  process.exit(2);
}
console.log(
  `fuzz: ${runs} batch(es), seed ${seed}; replay with: npm run fuzz -- --runs ${runs} --seed ${seed}`,
);
const child = spawn('npx', ['vitest', 'run', 'test/api/fuzz.test.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    FUZZ_RUNS: String(runs),
    FUZZ_SEED: String(seed),
    ...(values.log ? { FUZZ_LOG: values.log } : {}),
  },
});
child.on('exit', (code) => {
  console.log(`fuzz: seed ${seed} (${runs} batch(es)) ${code === 0 ? 'held' : 'found violations'}`);
  process.exit(code ?? 1);
});
