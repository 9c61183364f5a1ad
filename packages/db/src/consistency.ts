/**
 * Which base-table reads are strongly consistent, and why (docs/architecture.md, "Read consistency").
 *
 * A strongly consistent read sees every write acknowledged before it; an eventually consistent one may
 * miss writes of the last moment and costs half as much. Every read
 * method of `TenantStore` takes `{ consistent }`; it is strong unless the caller says otherwise, so a
 * read that has not been thought about stays safe. Index queries (the `council` and `due` indexes) are
 * eventually consistent whatever is asked: DynamoDB offers nothing else on a global index.
 *
 * Strong (the default), because a write depends on what is read, or a removal must count at once:
 * - read-modify-write: an item read to be changed (its version goes into the condition) and what an
 *   update decides from (a theme move's sub-actions, a progress update's action, a merge's people);
 * - repairs: a board or search index mended from the items (`BoardsRepo.repair`, `rebuild`);
 * - membership and role checks with the council's status (`withMember`), partnership consent,
 *   calendar-feed and alert-link secrets: a removal, suspension or revocation counts from the next
 *   request (docs/architecture.md, "Tenant isolation");
 * - idempotency: a period close, import commit or alert claim that looks for what an earlier try
 *   wrote; closing a period also freezes a report from what it reads;
 * - an item read by id that the person edits next (GET of a plan, action, milestone, person, theme
 *   and the other plan items): the version they send back must be the current one;
 * - what a person reads back right after their own change: the lists and pages they edit from (plan
 *   contents, actions, milestones, progress updates, plan items, people, members, saved mappings, an
 *   item's history, my actions, an action's rating). The web app reloads them the moment a save
 *   answers; an eventual read could show the page without the change just made;
 * - search shards: a search keeps each shard as of the version its stamp said, so a shard read older
 *   than its stamp would be kept until the shard changed again;
 * - exports and erasure: an export may be the council's last copy before its partition is erased.
 *
 * Eventual (`EVENTUAL`), because nothing is written from what is read, nobody is looking at their own
 * change in it, and a read a moment old is harmless: the dashboard and the partnership views (boards,
 * themes, last closed period, the listed items' display fields, shared plans); the council's audit
 * trail; trends; reports (a closed period's frozen report and snapshot never change; a live report says
 * "as at"); calendar feeds' contents; search stamps.
 * A closed period's parts land in the same transaction as its header: a read that sees the header
 * and not yet every part reads the parts again, strongly (snapshots.ts, frozen-reports.ts).
 */
export interface ReadConsistency {
  /** False: an eventually consistent read (half the cost); true or absent: strongly consistent. */
  consistent?: boolean | undefined;
}

/** For reads that no write depends on (see above): passed explicitly at each such read. */
export const EVENTUAL = { consistent: false } as const satisfies ReadConsistency;

/** DynamoDB's `ConsistentRead` for a read: strong unless the caller asked for eventual. */
export const consistentRead = (r: ReadConsistency | undefined): boolean => r?.consistent !== false;
