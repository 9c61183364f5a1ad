import { nowIso } from './ids.js';

export interface VersionStamp {
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function firstVersion(): VersionStamp {
  const now = nowIso();
  return { version: 1, createdAt: now, updatedAt: now };
}

/** The next version of an entity; the write is conditional on `current.version`. */
/**
 * Problems found on reading an item (core stored.ts) are not part of it: a write stores the repaired
 * values, so the next version has none of them.
 */
function withoutReadProblems<T>(item: T): T {
  const { dataProblems: _p, ...rest } = item as T & { dataProblems?: unknown };
  return rest as T;
}

export function nextVersion<T extends VersionStamp>(current: T, changes: Partial<T>): T {
  return {
    ...withoutReadProblems(current),
    ...changes,
    version: current.version + 1,
    createdAt: current.createdAt,
    updatedAt: nowIso(),
  };
}

/**
 * Apply a PATCH body: `undefined` leaves a field alone, `null` clears it. `version` is the
 * client's expected version and is not copied.
 */
export function applyPatch<T extends object>(current: T, patch: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'version' || v === undefined) continue;
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out as T;
}

/**
 * The next version of an entity with a PATCH body applied. A field sent as `null` is gone from the
 * result (merging the patched copy over the old one, as `nextVersion` does, would bring it back).
 */
export function patchedVersion<T extends VersionStamp>(current: T, patch: Record<string, unknown>): T {
  return {
    ...applyPatch(withoutReadProblems(current), patch),
    version: current.version + 1,
    createdAt: current.createdAt,
    updatedAt: nowIso(),
  };
}
