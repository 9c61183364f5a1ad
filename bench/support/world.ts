/**
 * A council with synthetic plans, on a DynamoDB Local started here, and the real API app serving it
 * with real tokens: what the API benchmarks measure against. Plans are stored the way the repositories
 * store them (same keys, item types, boards and locators), written in batches to seed quickly.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { createTokenVerifier } from '@peopleplan/auth';
import { isOpen, type Status } from '@peopleplan/core';
import {
  boardShardItems,
  CouncilData,
  councilPk,
  createDocClient,
  DirectoryRepo,
  dueIndexAttributes,
  PartnershipsRepo,
  planIndexAttributes,
  sk,
  tenantContext,
} from '@peopleplan/db';
import { ensureTable } from '@peopleplan/db/create-table';
import {
  createDevIdp,
  type DynamoDbLocal,
  LocalUserDirectory,
  startDynamoDbLocal,
} from '@peopleplan/devstack';
import { localIamClients } from '@peopleplan/iam-local';
import { createLogger } from '@peopleplan/observability';
import { syntheticReportData } from '@peopleplan/reports/testing';
import { createCouncil } from '@peopleplan/services';
import { createApp } from '../../functions/api/src/app.js';
import type { AppDeps } from '../../functions/api/src/context.js';
import { onboardingFor } from '../../functions/api/src/onboarding.js';
import { routeModules } from '../../functions/api/src/routes/index.js';
import type { App } from '../../functions/api/src/types.js';

export const COUNCIL = 'kent';
export const ADMIN = 'admin@kent.bench';
const ISSUER = 'http://127.0.0.1:9/dev/idp';

export interface BenchWorld {
  ddb: DynamoDbLocal;
  tableName: string;
  /** A plain client: the reads the API's requests need, sent directly. */
  raw: CouncilData;
  rawDoc: DynamoDBDocumentClient;
  /** The app; `evaluated` says whether IAM is checked on its calls. */
  app(evaluated: boolean): Promise<App>;
  token: string;
  plans: Array<{ id: string; actionIds: string[]; milestoneIds: string[]; updates: number }>;
  stop(): Promise<void>;
}

async function putAll(doc: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25) {
    let batch: Record<string, unknown>[] | undefined = items.slice(i, i + 25);
    while (batch?.length) {
      const r: BatchWriteCommandOutput = await doc.send(
        new BatchWriteCommand({
          RequestItems: { [tableName]: batch.map((Item) => ({ PutRequest: { Item } })) },
        }),
      );
      batch = r.UnprocessedItems?.[tableName]?.map((w) => w.PutRequest!.Item!);
    }
  }
}

/** One synthetic plan of `actions` actions (with milestones and updates), stored as the app stores it. */
export async function storePlan(w: Pick<BenchWorld, 'rawDoc' | 'tableName'>, actions: number, seed: number) {
  const s = syntheticReportData({ actions, seed, today: '2013-10-15' });
  const planId = randomUUID()
    .replace(/-/g, '')
    .slice(0, 26)
    .toUpperCase()
    .replace(/[ILOU]/g, '0');
  const id = (n: number) => `${planId.slice(0, 16)}${String(n).padStart(10, '0')}`;
  const ids = new Map<string, string>();
  let n = 0;
  const re = (old: string) => {
    if (!ids.has(old)) ids.set(old, id(++n));
    return ids.get(old)!;
  };
  const pk = councilPk(COUNCIL);
  // As the repositories write them: every entity versioned and dated, each action with its latest
  // update and, when open and dated, its due-index keys (actions.ts, milestones.ts, updates.ts).
  const at = '2013-04-01T09:00:00.000Z';
  const stamp = { version: 1, createdAt: at, updatedAt: at };
  const plan = { ...s.plan, id: planId, councilId: COUNCIL, status: 'active', sections: [], unplaced: [] };
  const themes = s.themes.map((t) => ({ ...t, id: re(t.id), planId, ...stamp }));
  const ups = s.updates.map((u) => ({
    ...u,
    id: re(u.id),
    planId,
    actionId: re(u.actionId),
    period: u.at.slice(0, 7),
  }));
  const latest = new Map<string, (typeof ups)[number]>();
  for (const u of ups) if ((latest.get(u.actionId)?.at ?? '') <= u.at) latest.set(u.actionId, u);
  const acts = s.actions.map((a) => {
    const id = re(a.id);
    const last = latest.get(id);
    return {
      ...a,
      id,
      planId,
      themeId: a.themeId ? re(a.themeId) : undefined,
      parentId: a.parentId ? re(a.parentId) : undefined,
      crossRefs: [],
      unplaced: [],
      ...(last && {
        latestUpdate: {
          id: last.id,
          at: last.at,
          authorName: last.authorName,
          status: last.status,
          narrative: last.narrative,
          period: last.period,
        },
      }),
      ...stamp,
    };
  });
  const ms = s.milestones.map((m) => ({
    ...m,
    id: re(m.id),
    planId,
    actionId: re(m.actionId),
    linkedActionIds: [],
    ...stamp,
  }));
  const dueKeys = (x: { id: string; status: Status; due?: { due?: string | undefined } | undefined }) =>
    dueIndexAttributes(COUNCIL, x.id, x.due?.due, isOpen(x.status));
  const items: Record<string, unknown>[] = [
    { ...plan, ...planIndexAttributes(COUNCIL, planId), PK: pk, SK: sk.plan(planId), type: 'plan' },
    ...themes.map((t) => ({ ...t, PK: pk, SK: sk.theme(planId, t.id), type: 'theme' })),
    ...acts.flatMap((a) => [
      { ...a, ...dueKeys(a), PK: pk, SK: sk.action(planId, a.id), type: 'action' },
      { PK: pk, SK: sk.locator(a.id), type: 'locator', target: sk.action(planId, a.id), planId },
    ]),
    ...ms.flatMap((m) => [
      { ...m, ...dueKeys(m), PK: pk, SK: sk.milestone(planId, m.actionId, m.id), type: 'milestone' },
      {
        PK: pk,
        SK: sk.locator(m.id),
        type: 'locator',
        target: sk.milestone(planId, m.actionId, m.id),
        planId,
        actionId: m.actionId,
      },
    ]),
    ...ups.map((u) => ({ ...u, PK: pk, SK: sk.update(planId, u.actionId, u.id), type: 'update' })),
    ...boardShardItems(planId, acts as never, ms as never).map((b) => ({
      ...b.item,
      PK: pk,
      SK: b.sortKey,
      type: 'board',
    })),
  ];
  await putAll(w.rawDoc, w.tableName, JSON.parse(JSON.stringify(items)));
  return {
    id: planId,
    actionIds: acts.map((a) => a.id),
    milestoneIds: ms.map((m) => m.id),
    updates: ups.length,
  };
}

export async function benchWorld(opts: { plans: number; actions: number }): Promise<BenchWorld> {
  const ddb = await startDynamoDbLocal();
  const tableName = `bench-${randomUUID()}`;
  await ensureTable(
    new DynamoDBClient({
      endpoint: ddb.endpoint,
      region: 'eu-west-2',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    tableName,
  );
  const rawDoc = createDocClient({ endpoint: ddb.endpoint });
  const users = new LocalUserDirectory();
  const idp = await createDevIdp({ issuer: ISSUER, clientId: 'bench', users });
  const build = async (evaluated: boolean): Promise<{ app: App; deps: AppDeps }> => {
    const clients = await localIamClients({
      endpoint: ddb.endpoint,
      role: 'api',
      env: { PEOPLEPLAN_IAM_EVALUATION: evaluated ? 'on' : 'off' },
    });
    const deps: AppDeps = {
      config: { TABLE_NAME: tableName, MAX_BODY_BYTES: 1_048_576, WEB_BASE_URL: 'http://x', STAGE: 'bench' },
      logger: createLogger('bench'),
      verifier: createTokenVerifier({
        issuer: ISSUER,
        audience: 'bench',
        jwksUri: `${ISSUER}/jwks`,
        jwks: idp.jwks as never,
      }),
      docFor: clients.docFor,
      partnershipDirectory: new PartnershipsRepo(clients.own, tableName),
      directory: new DirectoryRepo(clients.own, tableName),
      identity: users,
      today: () => '2013-10-15',
    };
    return { app: createApp(deps, await routeModules()), deps };
  };
  const plain = await build(false);
  await createCouncil(
    onboardingFor(plain.deps),
    { id: COUNCIL, name: 'Kent', financialYearStartMonth: 4, adminEmail: ADMIN },
    { sub: 'bench', name: 'Bench' },
  );
  const w: Omit<BenchWorld, 'plans'> = {
    ddb,
    tableName,
    rawDoc,
    raw: new CouncilData(
      rawDoc,
      tableName,
      tenantContext(COUNCIL, 'system', { sub: 'bench', name: 'Bench' }),
    ),
    app: async (evaluated) => (evaluated ? (await build(true)).app : plain.app),
    token: await idp.tokenFor(ADMIN, { expiresIn: '8h' }),
    stop: () => ddb.stop(),
  };
  const plans = [];
  for (let i = 0; i < opts.plans; i++) plans.push(await storePlan(w, opts.actions, i + 1));
  return { ...w, plans };
}

/**
 * Median wall time of each function, run interleaved (a, b, a, b…) after `warmup` untimed rounds, so a
 * busy machine or the JVM warming up skews them alike.
 */
export async function sideBySide(fns: (() => unknown)[], runs: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn();
  const times = fns.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of fns.entries()) {
      const t0 = performance.now();
      await fn();
      times[k]!.push(performance.now() - t0);
    }
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!);
}
