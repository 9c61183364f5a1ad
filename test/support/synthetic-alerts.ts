import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Action, Milestone, Person, Plan } from '@peopleplan/core';
import {
  CouncilData,
  firstVersion,
  newId,
  planIndexAttributes,
  provisionCouncil,
  sk,
  tenantContext,
} from '@peopleplan/db';
import { chunks, mapLimit } from '../../packages/alerts/src/concurrency.js';
import { plusDays } from '../../packages/alerts/src/dates.js';

export interface SyntheticOptions {
  councils: number;
  milestonesPerCouncil: number;
  milestonesPerAction?: number;
  /** Every `dueEvery`-th milestone is due within [today - 20, today + 14]; the rest fall well after. */
  dueEvery: number;
  today: string;
  prefix?: string;
  /** Also write each action's and milestone's locator item (as the API does); the bench leaves them out to seed faster. */
  locators?: boolean;
}

/**
 * Many councils with many milestones, few of them due: for the read-cost test and the bench. Items are
 * built by the real repositories' item builders and written with BatchWrite (25 per request).
 */
export async function seedSynthetic(
  doc: DynamoDBDocumentClient,
  tableName: string,
  o: SyntheticOptions,
): Promise<{ due: number; milestones: number; councilIds: string[] }> {
  const perAction = o.milestonesPerAction ?? 20;
  const items: Record<string, unknown>[] = [];
  const councilIds: string[] = [];
  let due = 0;
  let n = 0;
  for (let c = 0; c < o.councils; c++) {
    const councilId = `${o.prefix ?? 'synthetic'}-${c}`;
    councilIds.push(councilId);
    await provisionCouncil(doc, tableName, { id: councilId, name: `Synthetic council ${c}` });
    const data = new CouncilData(
      doc,
      tableName,
      tenantContext(councilId, 'system', { sub: 'system', name: 'Bench' }),
    );
    const put = (t: { Put?: { Item?: Record<string, unknown> } }) => items.push(t.Put!.Item!);
    const lead: Person = {
      ...data.people.newPerson({ name: `Lead ${c}`, email: `lead${c}@synthetic.test` }),
    };
    put(data.store.putNew(sk.person(lead.id), 'person', lead));
    const plan: Plan = {
      id: newId(),
      councilId,
      title: `Workforce plan ${c}`,
      kind: 'business-plan',
      period: {},
      ownerPersonId: lead.id,
      status: 'active',
      reviewCadence: 'quarterly',
      reportingPoints: [],
      sections: [],
      unplaced: [],
      ...firstVersion(),
    };
    put(data.store.putNew(sk.plan(plan.id), 'plan', plan, planIndexAttributes(councilId, plan.id)));
    let action: Action | undefined;
    for (let i = 0; i < o.milestonesPerCouncil; i++, n++) {
      if (i % perAction === 0) {
        action = {
          id: newId(),
          planId: plan.id,
          ref: String(i / perAction + 1),
          title: `Action ${i / perAction + 1}`,
          leads: [{ role: 'operational', label: `Lead ${c}`, personId: lead.id }],
          status: 'on-track',
          crossRefs: [],
          unplaced: [],
          order: i,
          ...firstVersion(),
        };
        for (const t of data.actions.createItems(action).slice(0, o.locators === false ? 1 : 2)) put(t);
      }
      const isDue = n % o.dueEvery === 0;
      if (isDue) due++;
      const date = isDue ? plusDays(o.today, (n % 35) - 20) : plusDays(o.today, 60 + (n % 1400));
      const m: Milestone = {
        id: newId(),
        planId: plan.id,
        actionId: action!.id,
        linkedActionIds: [],
        ref: String.fromCharCode(65 + (i % 26)),
        title: `Milestone ${i}`,
        due: { text: date, kind: 'date', due: date, precision: 'day' },
        baselineDue: { text: date, kind: 'date', due: date, precision: 'day' },
        status: 'not-started',
        ...firstVersion(),
      };
      for (const t of data.milestones.createItems(m).slice(0, o.locators === false ? 1 : 2)) put(t);
    }
    // Written council by council, so a large bench never holds the whole table in memory.
    await batchWrite(doc, tableName, items.splice(0));
  }
  return { due, milestones: n, councilIds };
}

async function batchWrite(doc: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]) {
  await mapLimit(chunks(items, 25), 32, async (batch) => {
    let request = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; request.length; attempt++) {
      const r = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: request } }));
      request = (r.UnprocessedItems?.[tableName] ?? []) as typeof request;
      if (request.length) await new Promise((res) => setTimeout(res, 20 * 2 ** Math.min(attempt, 6)));
    }
  });
}
