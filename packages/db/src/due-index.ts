import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { isCalendarDate } from '@peopleplan/core';
import { type DueItem, type OutboxEntry, toDueItem } from './alerts.js';
import { councilFromPk, DUE_OUTBOX_PARTITION, duePartitions } from './keys.js';
import type { Item } from './store.js';
import { TABLE } from './table.js';

/** A stored item the job could not use, named so that an operator can find and mend it. */
export interface ItemProblem {
  councilId: string;
  itemId: string;
  problem: string;
}

/**
 * The one cross-council read: the sparse due index, with the job's own credentials (IAM allows this
 * index and nothing in any council's partition). Everything else the job does goes through each
 * council's own session (alerts.ts). Items that cannot be used are reported, never thrown: one bad item
 * must not stop any council's alerts.
 */
export class DueIndexRepo {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private async queryAll(input: Omit<QueryCommandInput, 'TableName' | 'IndexName'>): Promise<Item[]> {
    const out: Item[] = [];
    let start: Item | undefined;
    do {
      const r = await this.doc.send(
        new QueryCommand({
          ...input,
          TableName: this.tableName,
          IndexName: TABLE.indexes.due.name,
          ExclusiveStartKey: start,
        }),
      );
      out.push(...(r.Items ?? []));
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /**
   * Everything open and due on or before `horizon`, across councils: one query per shard. The index is
   * sparse (open, dated items only), so this reads what is due or overdue and nothing else.
   */
  async upTo(horizon: string): Promise<{ items: DueItem[]; problems: ItemProblem[] }> {
    const ix = TABLE.indexes.due;
    const pages = await Promise.all(
      duePartitions().map((pk) =>
        this.queryAll({
          KeyConditionExpression: '#pk = :pk AND #sk <= :to',
          ExpressionAttributeNames: { '#pk': ix.partitionKey, '#sk': ix.sortKey },
          // `~` sorts after `#C#…`, so every item due on the horizon day itself is included.
          ExpressionAttributeValues: { ':pk': pk, ':to': `${horizon}#~` },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      ),
    );
    const items: DueItem[] = [];
    const problems: ItemProblem[] = [];
    for (const raw of pages.flat()) {
      const item = toDueItem(raw);
      if (!item) continue;
      if (item.dataProblems) {
        problems.push({ councilId: item.councilId, itemId: item.id, problem: item.dataProblems.join('; ') });
      }
      items.push(item);
    }
    return { items, problems };
  }

  /** Re-baseline alerts saved with the milestone change and not yet delivered. */
  async outbox(): Promise<{ entries: OutboxEntry[]; problems: ItemProblem[] }> {
    const raws = await this.queryAll({
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': TABLE.indexes.due.partitionKey },
      ExpressionAttributeValues: { ':pk': DUE_OUTBOX_PARTITION },
    });
    const entries: OutboxEntry[] = [];
    const problems: ItemProblem[] = [];
    for (const r of raws) {
      const councilId = councilFromPk(r.PK);
      if (!isCalendarDate(r.due)) {
        problems.push({
          councilId,
          itemId: String(r.itemId),
          problem: `re-baseline alert with no real due date (${JSON.stringify(r.due)?.slice(0, 40)})`,
        });
        continue;
      }
      entries.push({
        councilId,
        sk: String(r.SK),
        milestoneId: String(r.itemId),
        planId: String(r.planId),
        actionId: String(r.actionId),
        due: r.due,
        previousDue: isCalendarDate(r.previousDue) ? r.previousDue : undefined,
        baselineDue: isCalendarDate(r.baselineDue) ? r.baselineDue : undefined,
      });
    }
    return { entries, problems };
  }
}
