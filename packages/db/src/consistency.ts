/**
 * Which base-table reads are strongly consistent, and why (docs/architecture.md, "Read consistency").
 *
 * A strongly consistent read sees every write acknowledged before it; an eventually consistent one may
 * miss writes of the last moment (usually well under a second) and costs half as much. Every read
 * method of `TenantStore` takes `{ consistent }`; it is strong unless the caller says otherwise, so a
 * read that has not been thought about stays safe. Index queries (the `council` and `due` indexes) are
 * eventually consistent whatever is asked: DynamoDB offers nothing else on a global index.
 *
 * Strong (`STRONG`, the default), because a write depends on what is read:
 * - read-modify-write: an item read to be changed (its version goes into the condition), the reads an
 *   update, a re-baseline, a merge or a board or index repair decides from;
 * - membership and role checks, council status, consent, calendar-feed and alert-link secrets: a
 *   removal, suspension or revocation counts from the next request;
 * - idempotency: a period close, import commit or alert claim that looks for what an earlier try wrote;
 * - an item read by id that the person edits next (its version must be the one they send back);
 * - search shards: they are cached per process as of the version their stamp said, so a shard read
 *   older than its stamp would be kept until the shard changed again (the stamps themselves are
 *   eventual: one a moment old only means the change is noticed on the next search).
 *
 * Eventual (`EVENTUAL`), because nothing is written from what is read and a read a moment old is
 * harmless: dashboards and the partnership overview (boards, themes, last closed period, the listed
 * items' display fields), lists (people, members, actions, updates, periods, history and audit),
 * plan contents and reports for display, closed periods' frozen reports, calendar feeds' contents,
 * trends, my actions, exports.
 */
export interface ReadConsistency {
  /** False: an eventually consistent read (half the cost); true or absent: strongly consistent. */
  consistent?: boolean | undefined;
}

/** For reads that no write depends on (see above). */
export const EVENTUAL = { consistent: false } as const satisfies ReadConsistency;

/** DynamoDB's `ConsistentRead` for a read: strong unless the caller asked for eventual. */
export const consistentRead = (r: ReadConsistency | undefined): boolean => r?.consistent !== false;
