import { conflict, normaliseRef, sameRef } from '@peopleplan/core';
import { sk } from './keys.js';
import type { TenantStore } from './store.js';

/**
 * Refs are how a plan and its committee papers name an action ("3.3"): an action added or renumbered by
 * hand may not take a ref another action of the plan has (two "3.3"s in a report cannot be told apart).
 * Checked before the write; an import keeps the refs the document gave, even repeated ones. Look-alike
 * refs ("3.3" with a zero-width space) are the same ref (core order.ts `normaliseRef`).
 */
export async function assertActionRefFree(
  store: TenantStore,
  planId: string,
  ref: string | undefined,
  /** The action being renumbered, and the ref it has: kept as it is, it is not checked. */
  except?: { id: string; ref: string },
): Promise<void> {
  if (!ref?.trim() || (except?.ref && sameRef(except.ref, ref))) return;
  const actions = await store.queryAll<{ id: string; ref?: string; title: string }>(
    `${sk.planChildren(planId)}ACTION#`,
    { types: ['action'], attributes: ['id', 'ref', 'title'] },
  );
  const taken = actions.find((a) => a.id !== except?.id && a.ref && sameRef(a.ref, ref));
  if (taken) {
    throw conflict(
      `${ref.trim()} is already the ref of “${taken.title}” in this plan: give this action another ref.`,
    );
  }
}

/**
 * The ref a milestone added by hand gets when none is given, as imported ones have: its action's ref and
 * the next free number ("3.1.M2"). None when the action has no ref or the ref would not fit (20 characters).
 */
export function nextMilestoneRef(actionRef: string, taken: readonly string[]): string | undefined {
  if (!actionRef.trim()) return undefined;
  const used = new Set(taken.map((r) => normaliseRef(r).toLowerCase()));
  for (let n = 1; n <= taken.length + 1; n++) {
    const ref = `${actionRef.trim()}.M${n}`;
    if (ref.length > 20) return undefined;
    if (!used.has(ref.toLowerCase())) return ref;
  }
  return undefined;
}
