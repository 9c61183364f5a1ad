/**
 * Which reporting periods of a plan are closed, in one small item per plan (`CLOSED#<plan>`): an attribute
 * `closed:<words>` per closed period's name as words (its label's and its key's), and a counter `v` that
 * every change moves on. A progress update must not be filed under a closed period (its report is frozen),
 * and checking that by reading the plan's snapshot headers cost a query of items that can hold a whole
 * plan's entries, on every update. The item is changed in the same transaction as the snapshot it stands
 * for (close and reopen, snapshots.ts), so a name missing from it is a period not closed; an update's
 * transaction checks the name is still missing, so an update and a close at the same moment cannot both
 * succeed.
 *
 * Plain attributes (not a string set) so that a council's export, written back as JSON, restores them as
 * they were. Plans closed before this item existed have none: the first reader builds it from their
 * snapshot headers, and `rebuild` (npm run boards) makes it match them again after a restore. A name in
 * the item is confirmed against the headers before an update is refused: a reopen racing the first build
 * could leave one behind, and then the update's transaction checks the counter instead.
 *
 * The item also says which way its names were written (`words`): when core's `periodWords` changes, an
 * item written the old way is read as not built yet, and rebuilt from the headers by its next reader.
 */
import { conflict, periodWords, samePeriodName } from '@peopleplan/core';
import { EVENTUAL } from './consistency.js';
import { sk } from './keys.js';
import type { Item, TenantStore, TransactItem } from './store.js';

/** A closed period as its snapshot header names it. */
export interface ClosedPeriodName {
  key: string;
  label: string;
  /** The plan's own reporting points that closed with it (`SnapshotPeriod.points`). */
  points?: string[] | undefined;
}

const TYPE = 'closed-periods';
const PREFIX = 'closed:';
/**
 * How the names are written: 2 since brackets count when only they tell two names apart (core
 * `periodWords`). Moving it on makes every item be rebuilt by its next reader.
 */
const WORDS = 2;
const wordsOf = (periods: readonly ClosedPeriodName[]) =>
  new Set(
    periods
      .flatMap((p) => [p.label, p.key, ...(p.points ?? [])])
      .map(periodWords)
      .filter(Boolean),
  );
const namesIn = (item: Item) =>
  new Set(Object.keys(item).flatMap((k) => (k.startsWith(PREFIX) ? [k.slice(PREFIX.length)] : [])));

/** An update of the item: names set and removed, the counter moved on. */
function change(planId: string, set: Iterable<string>, remove: Iterable<string> = []) {
  const names: Record<string, string> = { '#type': 'type', '#v': 'v', '#words': 'words' };
  const placeholder = (w: string) => {
    const p = `#n${Object.keys(names).length}`;
    names[p] = `${PREFIX}${w}`;
    return p;
  };
  const sets = [...set].map((w) => `${placeholder(w)} = :yes`);
  const removes = [...remove].map(placeholder);
  return {
    UpdateExpression:
      `SET ${['#type = :type', 'planId = :plan', '#words = :words', ...sets].join(', ')}` +
      `${removes.length ? ` REMOVE ${removes.join(', ')}` : ''} ADD #v :one`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: {
      ':type': TYPE,
      ':plan': planId,
      ':words': WORDS,
      ':one': 1,
      ...(sets.length && { ':yes': true }),
    },
  };
}

export class ClosedPeriods {
  constructor(private readonly store: TenantStore) {}

  /** The closed periods' names, from their snapshot headers (the record the item stands for). */
  private async headers(planId: string): Promise<ClosedPeriodName[]> {
    return this.store.queryAll<ClosedPeriodName>(sk.snapshotPrefix(planId), {
      types: ['snapshot'],
      attributes: ['label', 'key', 'points'],
    });
  }

  /**
   * The item, if it has been built as this code writes it (one without a counter, or with names written
   * another way, was written by an earlier form of it).
   */
  private async item(planId: string): Promise<Item | undefined> {
    const item = await this.store.getRaw(sk.closedPeriods(planId));
    return item?.v === undefined || item.words !== WORDS ? undefined : item;
  }

  /** A change of the item, for a transaction. */
  private update(planId: string, u: ReturnType<typeof change>, condition?: string): TransactItem {
    return {
      Update: {
        TableName: this.store.tableName,
        Key: { PK: this.store.pk, SK: sk.closedPeriods(planId) },
        ...u,
        ...(condition && { ConditionExpression: condition }),
      },
    };
  }

  /** The same change written on its own, outside a transaction (the first build, a rebuild). */
  private write(planId: string, u: ReturnType<typeof change>, only?: { condition: string; values: Item }) {
    return this.store.update(
      sk.closedPeriods(planId),
      u.UpdateExpression,
      u.ExpressionAttributeNames,
      u.ExpressionAttributeValues,
      only,
    );
  }

  /**
   * For a close's transaction: the period's names join the item. A plan closed before the item existed
   * (or as it is written now) has it built from its earlier closed periods first.
   */
  async closing(planId: string, period: ClosedPeriodName): Promise<TransactItem> {
    if (!(await this.item(planId))) await this.rebuild(planId);
    return this.update(planId, change(planId, wordsOf([period])));
  }

  /**
   * For a reopen's transaction: the period's names leave the item, unless another closed period has the
   * same name. No item means it was never built; the next reader builds it without this period.
   */
  async reopening(planId: string, period: ClosedPeriodName): Promise<TransactItem[]> {
    if (!(await this.item(planId))) return [];
    const still = wordsOf((await this.headers(planId)).filter((h) => h.key !== period.key));
    const gone = [...wordsOf([period])].filter((w) => !still.has(w));
    return [this.update(planId, change(planId, [], gone), 'attribute_exists(PK)')];
  }

  /**
   * Refuses an update filed under a closed period (409, naming it and how to reopen it). Answers the
   * condition the update's transaction checks again, so a period closed meanwhile refuses it too.
   */
  async assertOpen(planId: string, period: string): Promise<TransactItem[]> {
    const words = periodWords(period);
    const item = (await this.item(planId)) ?? (await this.build(planId));
    const key = { PK: this.store.pk, SK: sk.closedPeriods(planId) };
    if (!namesIn(item).has(words)) {
      return [
        {
          ConditionCheck: {
            TableName: this.store.tableName,
            Key: key,
            ConditionExpression: 'attribute_not_exists(#name)',
            ExpressionAttributeNames: { '#name': `${PREFIX}${words}` },
          },
        },
      ];
    }
    const match = (await this.headers(planId)).find((c) =>
      [c.label, c.key, ...(c.points ?? [])].some((name) => samePeriodName(name, period)),
    );
    if (match) {
      const which =
        samePeriodName(match.label, period) || samePeriodName(match.key, period) ? '' : `${period}, in `;
      const message =
        `${which}${match.label} is closed and its report is frozen: add this update to the current period, or ask ` +
        `an administrator to reopen ${match.label}.`;
      // Named on the period field, so a form can say it there and link its error summary to it.
      throw conflict(message, [{ path: 'period', message }]);
    }
    // A name left behind by a reopen that raced the item's first build: the headers say open. Nothing
    // may change the item (a close would) before the update lands.
    return [
      {
        ConditionCheck: {
          TableName: this.store.tableName,
          Key: key,
          ConditionExpression: '#v = :v',
          ExpressionAttributeNames: { '#v': 'v' },
          ExpressionAttributeValues: { ':v': item.v },
        },
      },
    ];
  }

  /**
   * Whether a period of the plan is closed, by any of its names, for pages and defaults (an update's own
   * check is `assertOpen`). Reads only: a viewer's session may not write, so a plan whose item was never
   * built is answered from its snapshot headers.
   */
  async closedTest(planId: string): Promise<(name: string) => boolean> {
    const item = await this.item(planId);
    const names = item ? namesIn(item) : wordsOf(await this.headers(planId));
    return (name) => names.has(periodWords(name));
  }

  /**
   * Every plan's closed periods at once, by plan id, for the council's committee pack: one query of the
   * council's small `CLOSED#` items. A plan closed before those items existed, and not updated or closed
   * since, is missing until `npm run boards` (or its next update) builds its item.
   */
  async byPlan(): Promise<Map<string, (name: string) => boolean>> {
    const items = await this.store.queryAllRaw('CLOSED#', [TYPE], EVENTUAL);
    return new Map(
      items.map((item) => {
        const names = namesIn(item);
        return [String(item.planId), (name: string) => names.has(periodWords(name))];
      }),
    );
  }

  /** The item for a plan that has none yet (as written now), from its snapshot headers, kept for the next reader. */
  private async build(planId: string): Promise<Item> {
    await this.rebuild(planId);
    return (await this.item(planId)) ?? {};
  }

  /**
   * Makes the item say exactly what the snapshot headers say (after a council is restored from an export,
   * say). True when it had to change; with `dryRun`, nothing is written.
   */
  async rebuild(planId: string, opts: { dryRun?: boolean } = {}): Promise<boolean> {
    // Read whatever form it is in: names written another way are removed as left over.
    const raw = await this.store.getRaw(sk.closedPeriods(planId));
    const item = raw?.v === undefined ? undefined : raw;
    const want = wordsOf(await this.headers(planId));
    const have = raw ? namesIn(raw) : new Set<string>();
    const missing = [...want].filter((w) => !have.has(w));
    const extra = [...have].filter((w) => !want.has(w));
    if (item?.words === WORDS && !missing.length && !extra.length) return false;
    if (opts.dryRun) return true;
    try {
      // Only if no close or reopen came between reading the headers and this write.
      await this.write(
        planId,
        change(planId, missing, extra),
        item
          ? { condition: '#v = :v', values: { ':v': item.v } }
          : { condition: 'attribute_not_exists(v)', values: {} },
      );
    } catch (e) {
      if ((e as Error).name === 'ConditionalCheckFailedException') return this.rebuild(planId, opts);
      throw e;
    }
    return true;
  }
}
