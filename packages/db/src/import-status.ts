import type { ReadConsistency } from './consistency.js';
import { newId } from './ids.js';
import { sk } from './keys.js';
import type { TenantStore } from './store.js';

/**
 * Which of these imports have committed: items an import writes are not visible until it has (imports.ts).
 * Apart from the import code itself, so that reading people does not load the importer's writes.
 */
export async function committedImports(
  store: TenantStore,
  importIds: Iterable<string>,
  read?: ReadConsistency,
): Promise<Set<string>> {
  const ids = [...new Set(importIds)];
  if (!ids.length) return new Set();
  const records = await store.getMany(
    ids.map((id) => sk.importPreview(id)),
    read,
  );
  return new Set(ids.filter((id) => records.get(sk.importPreview(id))?.status === 'committed'));
}

/**
 * A commit still `committing` after this long has been abandoned: a commit takes seconds, and the API's
 * functions are stopped after 28 s (infra api-stack), so no commit can still be running. Until then a
 * person the import names cannot be marked as left or merged, so the wait is kept short.
 */
export const ABANDONED_AFTER_MS = 10 * 60_000;

type ImportItem = Record<string, unknown>;
/** When a commit began, against `now` less `ABANDONED_AFTER_MS` (NaN, never either, without a start). */
const startedBefore = (record: ImportItem, now: number) =>
  Date.parse(String(record.startedAt)) - (now - ABANDONED_AFTER_MS);

/** Whether an import record is a commit still under way at `now` (not finished, failed or abandoned). */
export const stillCommitting = (record: ImportItem | undefined, now: number): boolean =>
  record?.status === 'committing' &&
  // A commit that failed (refused part way) is not running: nothing of it becomes visible until a retry.
  !record.failedAt &&
  startedBefore(record, now) >= 0;

/** Whether an import record is a commit abandoned by `now`: begun longer ago than any commit runs. */
export const abandonedCommit = (record: ImportItem, now: number): boolean =>
  record.status === 'committing' && startedBefore(record, now) < 0;

/**
 * The named mark an import commit gives the directory people its plan names (references.ts
 * `markNamed`): fresh each time, and saying which import wrote it, for `importNaming`.
 */
export const importMark = (importId: string) => `import:${importId}:${newId()}`;

/**
 * The import still committing whose commit wrote this named mark, if any. A plan naming more people than
 * its header's transaction holds has the rest marked just before the header (imports.ts): until the
 * header lands, the actions leading them are not visible, so marking one of them as left must wait.
 * A commit abandoned part way (its process ended, or it failed and said so) is not waited for (it is
 * cleaned up, and a retry matches again).
 */
export async function importNaming(
  store: TenantStore,
  mark: string | undefined,
  now = Date.now(),
): Promise<{ id: string; filename?: string } | undefined> {
  const id = mark?.startsWith('import:') ? mark.split(':')[1] : undefined;
  if (!id) return undefined;
  const record = await store.getRaw(sk.importPreview(id));
  if (!stillCommitting(record, now)) return undefined;
  return { id, ...(typeof record?.filename === 'string' ? { filename: record.filename } : {}) };
}
