import { badRequest } from '@peopleplan/core';
import { type STORAGE_ATTRIBUTES, sk } from './keys.js';
import type { TenantStore, TransactItem } from './store.js';
import { markWith } from './theme-marks.js';

/** An id a write names, where it sits in the request, and what it must be. */
export interface Reference {
  path: string;
  kind: 'person' | 'action';
  id: string;
  /**
   * A person newly named (a lead added, an owner chosen): one who has left the council, or was merged
   * into another person, may not be.
   */
  added?: boolean;
}

const MESSAGE = {
  person: 'not a person in this council’s directory',
  action: 'not an action of this council',
};

/**
 * Ids a write stores must be this council's: a lead's or owner's person, a cross-referenced or linked
 * action. Read in the council's own partition (one BatchGet), so an id from another council, or none
 * at all, is refused with where it was (400) and nothing is written.
 *
 * Returns what the write's own transaction must hold for the people it newly names (`namedMarks`); the
 * caller sends them with its items.
 */
export async function assertReferences(
  store: TenantStore,
  refs: readonly Reference[],
): Promise<TransactItem[]> {
  if (!refs.length) return [];
  const keyOf = (r: Reference) => (r.kind === 'person' ? sk.person(r.id) : sk.locator(r.id));
  const found = await store.getMany(refs.map(keyOf), {
    attributes: ['target', 'name', 'leftOn', 'mergedInto', 'mergingInto'],
  });
  // A locator leads to an action or a milestone: an action's target is its key under its plan.
  const fits = (r: Reference) => {
    const item = found.get(keyOf(r));
    return !!item && (r.kind === 'person' || String(item.target).endsWith(`#ACTION#${r.id}`));
  };
  const missing = refs.filter((r) => !fits(r));
  if (missing.length) {
    throw badRequest(
      'The request names someone or something that is not in this council',
      missing.map((r) => ({ path: r.path, message: MESSAGE[r.kind] })),
    );
  }
  // Someone who has left, or was merged into someone else, leads and owns nothing new (their work is
  // handed over or moved: people-handover.ts, people-merge.ts); a lead they already had stays as it is,
  // so the action can still be edited. The refusal, rarely needed, loads only then.
  const gone = refs.flatMap((r) => {
    const person = r.kind === 'person' && r.added ? found.get(keyOf(r)) : undefined;
    return person && (person.leftOn || person.mergedInto || person.mergingInto)
      ? [{ path: r.path, person }]
      : [];
  });
  if (gone.length) await (await import('./references-gone.js')).refuseGone(store, gone);
  return namedMarks(store, refs);
}

/** The storage attribute a person is marked with when newly named (no new version: nobody is refused for it). */
export const NAMED_MARK = 'lastNamed' satisfies (typeof STORAGE_ATTRIBUTES)[number];

/**
 * For each person newly named, an update marking them as named, on condition that they have not left
 * or been merged away: checked with the write, not only read before it. Marking a person as left
 * requires the mark unchanged since it read their open work (people-handover.ts), so a lead named
 * meanwhile is either written first, and found, or refused here (422, plan-archived.ts `cancellation`).
 */
function namedMarks(store: TenantStore, refs: readonly Reference[]): TransactItem[] {
  return markNamed(
    store,
    refs.filter((r) => r.kind === 'person' && r.added).map((r) => r.id),
  );
}

/**
 * The marks of `ids` as newly named (each once), for a write that names them in its own transaction;
 * `mark`: the value to mark with (an import's, import-status.ts `importMark`), else a fresh id each.
 */
export function markNamed(store: TenantStore, ids: readonly string[], mark?: string): TransactItem[] {
  return [...new Set(ids)].map((id) =>
    markWith(store, sk.person(id), NAMED_MARK, {
      ...(mark ? { mark } : {}),
      condition:
        'attribute_exists(PK) AND attribute_not_exists(leftOn) AND attribute_not_exists(mergingInto) AND attribute_not_exists(mergedInto)',
      returnOld: true,
    }),
  );
}

/** The people an action's leads name. */
export const leadReferences = (
  leads: readonly { personId?: string | undefined }[] | undefined,
  /** The leads the item had: a person among them is not newly named. */
  before: readonly { personId?: string | undefined }[] = [],
): Reference[] =>
  (leads ?? []).flatMap((l, i) =>
    l.personId
      ? [
          {
            path: `leads.${i}.personId`,
            kind: 'person' as const,
            id: l.personId,
            added: !before.some((b) => b.personId === l.personId),
          },
        ]
      : [],
  );

/** The actions an action's cross-references name. */
export const crossRefReferences = (
  refs: readonly { actionId?: string | undefined }[] | undefined,
): Reference[] =>
  (refs ?? []).flatMap((r, i) =>
    r.actionId ? [{ path: `crossRefs.${i}.actionId`, kind: 'action' as const, id: r.actionId }] : [],
  );

/** The actions a milestone is linked to besides its own. */
export const linkedReferences = (ids: readonly string[] | undefined): Reference[] =>
  (ids ?? []).map((id, i) => ({ path: `linkedActionIds.${i}`, kind: 'action' as const, id }));

/** The person who owns a plan. */
export const ownerReferences = (personId: string | null | undefined, before?: string): Reference[] =>
  personId ? [{ path: 'ownerPersonId', kind: 'person', id: personId, added: personId !== before }] : [];
