/**
 * Which reporting periods of a plan are closed, in one small item per plan (`CLOSED#<plan>`): a string
 * set of each closed period's name as words (its label's and its key's). A progress update must not be
 * filed under a closed period (its report is frozen), and checking that by reading the plan's snapshot
 * headers cost a query of items that can hold a whole plan's entries, on every update. The set is
 * written in the same transaction as the snapshot it stands for (close and reopen, snapshots.ts), so
 * "not in the set" means "not closed", and an update's transaction checks the set again: an update and a
 * close at the same moment cannot both win.
 *
 * Plans closed before this item existed have none: the first reader builds it from their snapshot
 * headers. A set that says closed is confirmed against the headers before an update is refused (a
 * reopen racing that first build could leave a word behind), so the set only ever saves reads.
 */
import { conflict } from '@peopleplan/core';
import { sk } from './keys.js';
import type { Item, TenantStore, TransactItem } from './store.js';

/**
 * A period's name as a set of words, whatever their order or the dates in brackets: "Q1 2026-27 (April–
 * June 2026)", "Q1 2026-27" and "2026-27 Q1" are one period; "mid-year:2026-27" and "Mid-year 2026-27" too.
 */
export const periodWords = (s: string) =>
  (
    s
      .replace(/\([^)]*\)/g, ' ')
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? []
  )
    .sort()
    .join(' ');
export const samePeriodName = (a: string, b: string) => periodWords(a) === periodWords(b);

/** A closed period as its snapshot header names it. */
export interface ClosedPeriodName {
  key: string;
  label: string;
}

const TYPE = 'closed-periods';
const wordsOf = (periods: readonly ClosedPeriodName[]) =>
  new Set(periods.flatMap((p) => [periodWords(p.label), periodWords(p.key)]).filter(Boolean));

export class ClosedPeriods {
  constructor(private readonly store: TenantStore) {}

  /** The closed periods' names, from their snapshot headers (the record the set stands for). */
  private async headers(planId: string): Promise<ClosedPeriodName[]> {
    return this.store.queryAll<ClosedPeriodName>(sk.snapshotPrefix(planId), {
      types: ['snapshot'],
      attributes: ['label', 'key'],
    });
  }

  /** The set's item for `words`, added (ADD makes the item if there is none). */
  private addWords(planId: string, words: Set<string>): TransactItem {
    return {
      Update: {
        TableName: this.store.tableName,
        Key: { PK: this.store.pk, SK: sk.closedPeriods(planId) },
        UpdateExpression: `SET #type = :type, planId = :plan${words.size ? ' ADD #closed :words' : ''}`,
        ExpressionAttributeNames: { '#type': 'type', ...(words.size && { '#closed': 'closed' }) },
        ExpressionAttributeValues: {
          ':type': TYPE,
          ':plan': planId,
          ...(words.size && { ':words': words }),
        },
      },
    };
  }

  /**
   * For a close's transaction: the period joins the set. A plan closed before the set existed gets the
   * names of its earlier closed periods too (ADD is a union, so two closes at once lose nothing).
   */
  async closing(planId: string, period: ClosedPeriodName): Promise<TransactItem> {
    const item = await this.store.getRaw(sk.closedPeriods(planId));
    return this.addWords(planId, wordsOf(item ? [period] : [...(await this.headers(planId)), period]));
  }

  /**
   * For a reopen's transaction: the period leaves the set, unless another closed period has the same
   * name. No item means the set was never built; the next reader builds it without this period.
   */
  async reopening(planId: string, period: ClosedPeriodName): Promise<TransactItem[]> {
    if (!(await this.store.getRaw(sk.closedPeriods(planId)))) return [];
    const others = (await this.headers(planId)).filter((h) => h.key !== period.key);
    const still = wordsOf(others);
    const gone = new Set([...wordsOf([period])].filter((w) => !still.has(w)));
    if (!gone.size) return [];
    return [
      {
        Update: {
          TableName: this.store.tableName,
          Key: { PK: this.store.pk, SK: sk.closedPeriods(planId) },
          UpdateExpression: 'DELETE #closed :words',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#closed': 'closed' },
          ExpressionAttributeValues: { ':words': gone },
        },
      },
    ];
  }

  /**
   * Refuses an update filed under a closed period (409, naming it and how to reopen it). Answers the
   * condition the update's transaction checks again, so a period closed meanwhile refuses it too.
   */
  async assertOpen(planId: string, period: string): Promise<TransactItem[]> {
    const words = periodWords(period);
    const item = await this.store.getRaw(sk.closedPeriods(planId));
    const closed = item ? setOf(item.closed) : await this.build(planId);
    if (closed.has(words)) {
      const match = (await this.headers(planId)).find(
        (c) => samePeriodName(c.label, period) || samePeriodName(c.key, period),
      );
      if (match) {
        throw conflict(
          `${match.label} is closed and its report is frozen: add this update to the current period, or ask ` +
            `an administrator to reopen ${match.label}.`,
        );
      }
      // A word left behind by a reopen that raced the set's first build: the headers say open. The
      // transaction cannot check the set for this name, so it goes without that check.
      return [];
    }
    return [
      {
        ConditionCheck: {
          TableName: this.store.tableName,
          Key: { PK: this.store.pk, SK: sk.closedPeriods(planId) },
          ConditionExpression: 'attribute_not_exists(PK) OR NOT contains(#closed, :words)',
          ExpressionAttributeNames: { '#closed': 'closed' },
          ExpressionAttributeValues: { ':words': words },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
    ];
  }

  /** The set for a plan that has none yet, from its snapshot headers, kept for the next reader. */
  private async build(planId: string): Promise<Set<string>> {
    const words = wordsOf(await this.headers(planId));
    const { Update } = this.addWords(planId, words);
    await this.store.update(
      sk.closedPeriods(planId),
      Update!.UpdateExpression!,
      Update!.ExpressionAttributeNames as Record<string, string>,
      Update!.ExpressionAttributeValues as Item,
    );
    return words;
  }
}

const setOf = (v: unknown): Set<string> =>
  v instanceof Set ? (v as Set<string>) : new Set(Array.isArray(v) ? (v as string[]) : []);
