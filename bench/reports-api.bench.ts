/**
 * Reports through the data layer: time to build the DOCX committee paper for a synthetic 500-action
 * plan, as a ratio to the time of fetching its data from DynamoDB Local (what the report route does:
 * council, plan tree with its whole progress history in one query, and the closed period to compare
 * with). Both are measured side by side in one run, on a DynamoDB Local started here. The goal: building
 * the paper takes at most twice as long as fetching what it reports.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { CouncilData, councilPk, createDocClient, provisionCouncil, sk, tenantContext } from '@peopleplan/db';
import { ensureTable } from '@peopleplan/db/create-table';
import { startDynamoDbLocal } from '@peopleplan/devstack';
import { renderReport, summarise } from '@peopleplan/reports';
import { renderDocx } from '@peopleplan/reports/docx';
import { syntheticReportData } from '@peopleplan/reports/testing';
import { loadReport } from '@peopleplan/services';
import type { BenchResult } from './run.js';
import { sideBySide } from './support/world.js';

const ACTIONS = 500;
const PERIOD = 'mid-year:2013-14';
const TODAY = '2013-10-15';

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
    const synthetic = syntheticReportData({ actions: ACTIONS, seed: 7, today: TODAY });
    await provisionCouncil(doc, tableName, { id: 'kent', name: synthetic.council.name });

    // The synthetic plan, stored the way the repositories store it (same keys and item types).
    const planId = synthetic.plan.id;
    const pk = councilPk('kent');
    const items: Record<string, unknown>[] = [
      { ...synthetic.plan, councilId: 'kent', PK: pk, SK: sk.plan(planId), type: 'plan' },
      ...synthetic.themes.map((t) => ({ ...t, planId, PK: pk, SK: sk.theme(planId, t.id), type: 'theme' })),
      ...synthetic.actions.map((a) => ({
        ...a,
        planId,
        PK: pk,
        SK: sk.action(planId, a.id),
        type: 'action',
      })),
      ...synthetic.milestones.map((m) => ({
        ...m,
        planId,
        PK: pk,
        SK: sk.milestone(planId, m.actionId, m.id),
        type: 'milestone',
      })),
      ...synthetic.updates.map((u) => ({
        ...u,
        planId,
        period: u.at.slice(0, 7),
        PK: pk,
        SK: sk.update(planId, u.actionId, u.id),
        type: 'update',
      })),
      ...synthetic.indicators.map((x) => ({
        ...x,
        planId,
        PK: pk,
        SK: sk.planItem(planId, 'PI', x.id),
        type: 'indicator',
      })),
      ...synthetic.risks.map((x) => ({
        ...x,
        planId,
        PK: pk,
        SK: sk.planItem(planId, 'RISK', x.id),
        type: 'risk',
      })),
    ];
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
    const data = new CouncilData(
      doc,
      tableName,
      tenantContext('kent', 'editor', { sub: 'bench', name: 'Bench' }),
    );
    // A closed previous period, so the fetch includes the snapshot that direction of travel reads.
    await data.snapshots.close(
      planId,
      {
        key: 'year-end-2012-13',
        label: 'Year-end 2012-13',
        kind: 'year-end',
        start: '2012-04-01',
        end: '2013-03-31',
        asOf: '2013-03-31',
      },
      synthetic.snapshots,
    );

    const { data: fetched } = await loadReport(data, planId, PERIOD, TODAY);
    if (fetched.actions.length !== ACTIONS || fetched.updates.length !== synthetic.updates.length) {
      throw new Error('the stored plan did not read back whole');
    }
    const model = summarise(fetched);
    const [treeMs, fetchMs, modelMs, docxMs, docxOnlyMs] = (await sideBySide(
      [
        () => data.plans.treeWithUpdates(planId),
        () => loadReport(data, planId, PERIOD, TODAY),
        () => summarise(fetched),
        () => renderReport(fetched, 'docx'),
        () => renderDocx(model),
      ],
      // Medians of 15 interleaved rounds: on a shared machine fewer let one busy moment move the ratio.
      15,
    )) as [number, number, number, number, number];

    return [
      {
        name: `items in the plan (${ACTIONS} actions, ${synthetic.updates.length} updates)`,
        value: items.length,
        unit: 'items',
      },
      { name: 'fetch: plan tree + updates (one query, DynamoDB Local)', value: treeMs, unit: 'ms' },
      { name: 'fetch: report data (council + tree + updates + snapshot)', value: fetchMs, unit: 'ms' },
      { name: 'build: report model (summarise)', value: modelMs, unit: 'ms' },
      { name: 'build: DOCX (model + document)', value: docxMs, unit: 'ms' },
      { name: 'build: DOCX document only', value: docxOnlyMs, unit: 'ms' },
      { name: 'reports: DOCX build / data fetch', value: docxMs / fetchMs, unit: 'x', goal: '≤ 2' },
      { name: 'ratio (fetch + DOCX) / fetch', value: (fetchMs + docxMs) / fetchMs, unit: 'x' },
    ];
  } finally {
    await ddb.stop();
  }
}
