/**
 * The single table: its key schema and indexes. Pure data, shared by the CDK data stack
 * (infra) and the local stack, so both create exactly the same table. No AWS SDK imports here.
 */
export const TABLE = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** TTL attribute (epoch seconds): used for short-lived items such as import previews. */
  ttlAttribute: 'expiresAt',
  indexes: {
    /**
     * Sparse, cross-council due index: only open, dated milestones and actions carry DUEPK/DUESK.
     * DUEPK = `DUE#<shard>`, DUESK = `<yyyy-mm-dd>#C#<council>#<id>`. Only the alert job queries it.
     */
    due: { name: 'due', partitionKey: 'DUEPK', sortKey: 'DUESK' },
    /**
     * Per-council index (also sparse): partition key `C#<council>` so the tenant role may query it.
     * CPK = `C#<council>`, CSK = `DUE#<yyyy-mm-dd>#<id>` for open dated items (dashboards' "due soon").
     */
    council: { name: 'council', partitionKey: 'CPK', sortKey: 'CSK' },
  },
  /** Number of due-index shards: spreads the daily query's partitions; the job queries each. */
  dueShards: 4,
  /**
   * Items per plan board (boards.ts). More shards make each write smaller (a write is charged by the
   * whole item's size) and concurrent edits in one plan collide less; fewer make reading a plan cheaper.
   * Eight keep a 2,000-action plan's shards near 25 KB each. Changing it needs every board rebuilt.
   */
  boardShards: 8,
  /**
   * Search shards per council per year of items made (search-index.ts, keys.ts searchShardSet): each write of a searchable item updates one, charged
   * by its whole size, and a search reads them all once per process (then only those that changed).
   * Thirty-two keep a 5,000-item council's shards near 25 KB each. Changing it needs a rebuild.
   */
  searchShards: 32,
} as const;

export type TableDefinition = typeof TABLE;
