import type { ReadConsistency } from './consistency.js';
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
