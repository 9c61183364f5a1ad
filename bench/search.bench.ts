/**
 * Search at 5,000 items in one council (issue 17: under 300 ms on this machine): plans, themes,
 * actions, milestones, people and progress updates in the council's search shards on a DynamoDB Local
 * started here, searched through the service the route calls (`searchCouncil`). Timed: a search in a
 * process that has not read the council yet (every shard read, the index built), a search after
 * that (the stamps read, nothing else), and a search just after a write (one shard read again).
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SEARCH_TEXT_CHARS, type SearchDoc, type SearchKind } from '@peopleplan/core';
import {
  CouncilData,
  createDocClient,
  newId,
  provisionCouncil,
  SearchIndexRepo,
  searchWrites,
  tenantContext,
} from '@peopleplan/db';
import { ensureTable } from '@peopleplan/db/create-table';
import { startDynamoDbLocal } from '@peopleplan/devstack';
import { clearSearchCache, searchCouncil } from '@peopleplan/services/search';
import type { BenchResult } from './run.js';

const MIX: Array<[SearchKind, number]> = [
  ['plan', 10],
  ['theme', 60],
  ['action', 1500],
  ['milestone', 1400],
  ['person', 250],
  ['update', 1780],
];
const WORDS = (
  'recruitment retention apprenticeship workforce wellbeing sickness absence appraisal training ' +
  'leadership development equality diversity pay reward pension restructure consultation union ' +
  'policy review survey engagement induction coaching mentoring succession planning agency spend ' +
  'vacancy turnover flexible working hybrid estates digital skills learning management programme'
).split(' ');
const QUERIES = ['apprenticeship', 'sickness absence', 'leader', 'flexible working policy', 'mentor'];

/** A small seeded generator, so every run indexes the same text. */
function words(seed: number, n: number): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1_103_515_245 + 12_345) >>> 0;
    out.push(WORDS[x % WORDS.length]!);
  }
  return out.join(' ');
}

function docs(): SearchDoc[] {
  const plans: string[] = [];
  const out: SearchDoc[] = [];
  let seed = 7;
  for (const [kind, n] of MIX) {
    for (let i = 0; i < n; i++) {
      const id = newId();
      if (kind === 'plan') plans.push(id);
      out.push({
        kind,
        id,
        planId: kind === 'person' ? undefined : kind === 'plan' ? id : plans[i % plans.length],
        ref: kind === 'action' || kind === 'milestone' ? `${(i % 9) + 1}.${i % 13}` : undefined,
        title: kind === 'update' ? 'Progress update by Officer' : words(seed++, 6),
        // As the index keeps them: a narrative's first SEARCH_TEXT_CHARS characters.
        text: kind === 'milestone' ? undefined : words(seed++, 50).slice(0, SEARCH_TEXT_CHARS),
      });
    }
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<BenchResult[]> {
  const ddb = await startDynamoDbLocal();
  try {
    const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    const tableName = `bench-${randomUUID()}`;
    await ensureTable(
      new DynamoDBClient({ endpoint: ddb.endpoint, region: 'eu-west-2', credentials }),
      tableName,
    );
    const doc = createDocClient({ endpoint: ddb.endpoint });
    await provisionCouncil(doc, tableName, { id: 'kent', name: 'Kent' });
    const data = new CouncilData(
      doc,
      tableName,
      tenantContext('kent', 'editor', { sub: 'b', name: 'Bench' }),
    );
    const all = docs();
    await new SearchIndexRepo(data.store).write(all);
    const shards = await new SearchIndexRepo(data.store).shards();
    const bytes = shards.reduce((n, s) => n + s.entries.reduce((m, [k, v]) => m + k.length + v.length, 0), 0);

    const cold: number[] = [];
    for (let i = 0; i < 5; i++) {
      clearSearchCache();
      const t0 = performance.now();
      const r = await searchCouncil(data, QUERIES[i % QUERIES.length]!);
      cold.push(performance.now() - t0);
      if (!r.total) throw new Error('the benchmark found nothing');
    }
    const warm: number[] = [];
    for (let i = 0; i < 25; i++) {
      const t0 = performance.now();
      await searchCouncil(data, QUERIES[i % QUERIES.length]!);
      warm.push(performance.now() - t0);
    }
    const afterWrite: number[] = [];
    for (let i = 0; i < 10; i++) {
      const changed = { ...all[100 + i]!, title: `${all[100 + i]!.title} restructure ${i}` };
      await data.store.transact(searchWrites(data.store, [changed]), [], 'bench');
      const t0 = performance.now();
      await searchCouncil(data, 'restructure');
      afterWrite.push(performance.now() - t0);
    }
    return [
      {
        name: 'machine load while measuring (1-minute average; 2 cores, shared)',
        value: loadavg()[0]!,
        unit: '',
      },
      {
        name: `items indexed (${all.length}), shard text in all`,
        value: Math.round(bytes / 1024),
        unit: 'KB',
      },
      {
        name: 'search, first in a process (read every shard, build)',
        value: median(cold),
        unit: 'ms',
        goal: '< 300',
      },
      { name: 'search, index cached (read stamps only)', value: median(warm), unit: 'ms', goal: '< 300' },
      {
        name: 'search just after a write (one shard read again)',
        value: median(afterWrite),
        unit: 'ms',
        goal: '< 300',
      },
    ];
  } finally {
    await ddb.stop();
  }
}
