/**
 * The fuzzed API (issue 12): every operation of the served OpenAPI document, with hostile path
 * parameters, query parameters and bodies, as each kind of caller; see test/support/fuzz.ts for the
 * generators and the invariants. A fixed seed and a small budget keep `npm test` quick; longer runs:
 * `npm run fuzz -- --runs N [--seed S]` (scripts/fuzz.ts), which runs this same file.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureAppErrors,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  type FuzzState,
  fuzzProperty,
  newFuzzState,
  summarise,
  type Violation,
} from '../support/fuzz.js';
import { type Operation, operationsOf } from '../support/openapi.js';
import { createWorld, type World } from '../support/world.js';

// The app's logger stays silent under vitest; at ERROR it reports each unhandled error, which
// captureAppErrors takes off the console and attaches to the 5xx it caused.
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';

const RUNS = Number(process.env.FUZZ_RUNS ?? DEFAULT_RUNS);
const SEED = Number(process.env.FUZZ_SEED ?? DEFAULT_SEED);

describe('fuzzed API: hostile requests to every operation, as every kind of caller', () => {
  let world: World;
  let ops: Operation[];
  let st: FuzzState;
  let release: () => void = () => {};

  beforeAll(async () => {
    world = await createWorld();
    ops = operationsOf((await world.api.call('GET', '/api/v1/openapi.json')).body);
    st = await newFuzzState(world);
    release = captureAppErrors(st);
  });
  afterAll(async () => {
    release();
    await world?.api.drop();
  });

  it(
    `holds every invariant over ${RUNS} batch(es) of one request per operation (seed ${SEED})`,
    async () => {
      expect(ops.length).toBeGreaterThan(50);
      const tokens = new Map<string, Promise<string>>();
      const tokenOf = (email: string) => {
        if (!tokens.has(email)) tokens.set(email, world.api.token(email));
        return tokens.get(email) as Promise<string>;
      };
      const found: Violation[] = [];
      await fc.assert(fuzzProperty(ops, st, found, tokenOf), {
        seed: SEED,
        numRuns: RUNS,
        endOnFailure: true,
      });
      const report = summarise(found);
      console.info(
        `fuzz: seed ${SEED}, ${RUNS} batch(es), ${st.sent} requests, statuses ${JSON.stringify(Object.fromEntries(st.statuses))}; ` +
          `${found.length} violation(s) in ${report.length} group(s). Replay: npm run fuzz -- --runs ${RUNS} --seed ${SEED}`,
      );
      // The generators reached the data, not only the validators: some requests succeeded, on many routes.
      expect(report).toEqual([]);
      expect(st.sent).toBe(RUNS * ops.length);
      expect(st.statuses.get('200') ?? 0).toBeGreaterThan(RUNS * 5);
    },
    Math.max(120_000, RUNS * 60_000),
  );
});
