/**
 * What the evaluating layer costs: the time to authorize each kind of command (no I/O), by the simulator
 * and when the decision is remembered, and a GetItem round trip to DynamoDB Local with and without
 * evaluation, measured side by side (interleaved rounds, so drift in the machine's load affects all alike).
 */
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '@peopleplan/db/create-table';
import { AppPolicies, loadAppPolicies } from './app-policies.js';
import type { DynamoInput } from './dynamodb-requests.js';
import type { SessionPrincipal } from './evaluate.js';
import { assumeRole } from './local-sts.js';
import { evaluateCommand, withIamEvaluation } from './with-iam-evaluation.js';

export interface EvaluationCost {
  /** Loading the cached policies (first call in this process; synthesises if the cache is cold). */
  policyLoadMs: number;
  /** Mean time to authorize one command by the simulator (nothing remembered), by case, in microseconds. */
  perCommandMicros: Record<string, number>;
  /** The same when the decision is remembered (a repeated request: the usual case in a test run). */
  rememberedMicros: Record<string, number>;
  /** Median GetItem round trip to DynamoDB Local, milliseconds: no evaluation, remembered, simulated each time. */
  getItemMs: { plain: number; evaluated: number; simulatedEachTime: number };
  /** evaluated / plain and simulatedEachTime / plain. */
  getItemRatio: { evaluated: number; simulatedEachTime: number };
}

const S = (s: string) => ({ S: s });

function cases(table: string): Record<string, [string, DynamoInput]> {
  const key = { PK: S('C#harrow'), SK: S('PLAN#1') };
  return {
    'GetItem (allowed)': ['GetItem', { TableName: table, Key: key }],
    'GetItem (denied: other council)': ['GetItem', { TableName: table, Key: { ...key, PK: S('C#kent') } }],
    'PutItem (allowed)': ['PutItem', { TableName: table, Item: { ...key, title: S('x') } }],
    'Query on table (allowed)': [
      'Query',
      {
        TableName: table,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :sk)',
        ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK' },
        ExpressionAttributeValues: { ':pk': S('C#harrow'), ':sk': S('PLAN#') },
      },
    ],
    'Query on council index (allowed)': [
      'Query',
      {
        TableName: table,
        IndexName: 'council',
        KeyConditionExpression: 'CPK = :pk',
        ExpressionAttributeValues: { ':pk': S('C#harrow') },
      },
    ],
    'TransactWriteItems, 4 items (allowed)': [
      'TransactWriteItems',
      {
        TransactItems: [
          { Put: { TableName: table, Item: { ...key, SK: S('A#1') } } },
          { Update: { TableName: table, Key: key, UpdateExpression: 'SET v = :v' } },
          { ConditionCheck: { TableName: table, Key: { ...key, SK: S('A#2') } } },
          { Delete: { TableName: table, Key: { ...key, SK: S('A#3') } } },
        ],
      },
    ],
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function meanMicros(rounds: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(50, rounds); i++) await fn(); // warm-up: iam-data loads lazily
  const t = performance.now();
  for (let i = 0; i < rounds; i++) await fn();
  return ((performance.now() - t) * 1000) / rounds;
}

export async function measureEvaluationCost(opts: {
  /** DynamoDB Local endpoint; the function creates and drops its own table. */
  endpoint: string;
  policies?: AppPolicies;
  /** Authorizations per case (default 2,000). */
  evaluations?: number;
  /** GetItem round trips per client (default 500). */
  roundTrips?: number;
}): Promise<EvaluationCost> {
  const t0 = performance.now();
  const policies = opts.policies ?? (await loadAppPolicies());
  const policyLoadMs = performance.now() - t0;
  const tenant: SessionPrincipal = { role: 'tenant', sessionName: 'bench', tags: { council: 'harrow' } };

  const simulated = new AppPolicies(policies.set, { memoize: false });
  const remembered = new AppPolicies(policies.set);
  const perCommandMicros: Record<string, number> = {};
  const rememberedMicros: Record<string, number> = {};
  for (const [name, [command, input]] of Object.entries(cases('bench'))) {
    const n = opts.evaluations ?? 2000;
    perCommandMicros[name] = await meanMicros(n, () => evaluateCommand(simulated, tenant, command, input));
    rememberedMicros[name] = await meanMicros(n, () => evaluateCommand(remembered, tenant, command, input));
  }

  const region = policies.region;
  const local = new DynamoDBClient({
    endpoint: opts.endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const tableName = `bench-iam-${randomUUID()}`;
  await ensureTable(local, tableName);
  try {
    const key = { PK: S('C#harrow'), SK: S('PLAN#1') };
    await local.send(new PutItemCommand({ TableName: tableName, Item: { ...key, title: S('Plan') } }));
    const credentials = await assumeRole({
      policies,
      roleName: 'tenant',
      sourceRole: 'api',
      sessionTags: { council: 'harrow' },
    });
    const client = (p?: AppPolicies) => {
      const c = new DynamoDBClient({ endpoint: opts.endpoint, region, credentials });
      return p ? withIamEvaluation(c, { policies: p, env: {} }) : c;
    };
    // Same credentials and a new client each, so only the evaluating layer differs.
    const clients = { plain: client(), evaluated: client(remembered), simulatedEachTime: client(simulated) };
    const samples: Record<keyof typeof clients, number[]> = {
      plain: [],
      evaluated: [],
      simulatedEachTime: [],
    };
    const blocks = 10;
    const perBlock = Math.max(1, Math.round((opts.roundTrips ?? 500) / blocks));
    for (const c of Object.values(clients))
      await c.send(new GetItemCommand({ TableName: tableName, Key: key }));
    // Interleaved blocks so every client sees the same machine load; medians so a stall elsewhere on a
    // shared machine does not decide the result.
    for (let b = 0; b < blocks; b++) {
      for (const [name, c] of Object.entries(clients) as [keyof typeof clients, DynamoDBClient][]) {
        for (let i = 0; i < perBlock; i++) {
          const t = performance.now();
          await c.send(new GetItemCommand({ TableName: tableName, Key: key }));
          samples[name].push(performance.now() - t);
        }
      }
    }
    const getItemMs = {
      plain: median(samples.plain),
      evaluated: median(samples.evaluated),
      simulatedEachTime: median(samples.simulatedEachTime),
    };
    return {
      policyLoadMs,
      perCommandMicros,
      rememberedMicros,
      getItemMs,
      getItemRatio: {
        evaluated: getItemMs.evaluated / getItemMs.plain,
        simulatedEachTime: getItemMs.simulatedEachTime / getItemMs.plain,
      },
    };
  } finally {
    await local.send(new DeleteTableCommand({ TableName: tableName }));
  }
}
