import {
  conflict,
  notFound,
  type Person,
  type PersonCreate,
  type PersonPatch,
  personSearchDoc,
} from '@peopleplan/core';
import type { ReadConsistency } from './consistency.js';
import { newId } from './ids.js';
import { committedImports } from './import-status.js';
import { sk } from './keys.js';
import { NAMED_MARK } from './references.js';
import { searchWrites } from './search-index.js';
import { entityOf, type Item, type TenantStore } from './store.js';
import { markUnchanged } from './theme-marks.js';
import { firstVersion, patchedVersion } from './versioning.js';

export class PeopleRepo {
  constructor(private readonly store: TenantStore) {}

  /**
   * The directory: people merged into another are kept as records (people-merge.ts) but listed only
   * with `includeMerged` (an import matches their labels to the person they were merged into).
   */
  async list(opts: ReadConsistency & { includeMerged?: boolean } = {}): Promise<Person[]> {
    const raw = await this.store.queryAllRaw('PERSON#', ['person'], opts);
    const visible = await this.visible(raw, opts);
    return raw
      .filter(visible)
      .map((i) => entityOf<Person>(i))
      .filter((p) => opts.includeMerged || !p.mergedInto)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(id: string, read?: ReadConsistency): Promise<Person> {
    const raw = await this.store.getRaw(sk.person(id), read);
    if (!raw || !(await this.visible([raw], read))(raw)) throw notFound('Person');
    return entityOf<Person>(raw);
  }

  /** People an import is still committing are not in the directory yet (imports.ts). */
  private async visible(items: Item[], read?: ReadConsistency): Promise<(i: Item) => boolean> {
    const pending = items.flatMap((i) => (typeof i.importId === 'string' ? [i.importId] : []));
    const committed = await committedImports(this.store, pending, read);
    return (i) => typeof i.importId !== 'string' || committed.has(i.importId);
  }

  newPerson(input: PersonCreate & { unresolved?: boolean }): Person {
    return {
      ...input,
      id: newId(),
      councilId: this.store.ctx.councilId,
      unresolved: input.unresolved ?? false,
      alertPreferences: { frequency: 'immediate', dueSoon: true },
      ...firstVersion(),
    };
  }

  async create(input: PersonCreate & { unresolved?: boolean }): Promise<Person> {
    const person = this.newPerson(input);
    await this.store.transact(
      [
        this.store.putNew(sk.person(person.id), 'person', person),
        ...searchWrites(this.store, [personSearchDoc(person)]),
      ],
      [{ operation: 'create', entityType: 'person', entityId: person.id, after: person }],
      'person',
    );
    return person;
  }

  /**
   * `namedMark`, when marking someone as left: their named mark as read before their open work was
   * (people-handover.ts `refuseLeavingWhileLeading`); the write requires it unchanged, so no lead
   * named meanwhile is left with someone who has gone (references.ts).
   */
  async update(id: string, patch: PersonPatch, leaving?: { namedMark: string | undefined }): Promise<Person> {
    const before = await this.get(id);
    // A merged person's record is history; only its alert preferences (reached by its own link) may change.
    const changes = Object.keys(patch).filter((k) => k !== 'version' && k !== 'alertPreferences');
    if (before.mergedInto && changes.length) {
      throw conflict(`${before.name} was merged into another person: change that person instead.`);
    }
    const after = patchedVersion(before, patch);
    await this.store.transact(
      [
        // Nobody newly named as their lead since their work was read (references.ts).
        leaving
          ? markUnchanged(
              this.store.putVersioned(sk.person(id), 'person', after, patch.version),
              NAMED_MARK,
              leaving.namedMark,
            )
          : this.store.putVersioned(sk.person(id), 'person', after, patch.version),
        ...searchWrites(this.store, [personSearchDoc(after)], [personSearchDoc(before)]),
      ],
      [{ operation: 'update', entityType: 'person', entityId: id, before, after }],
      'person',
    );
    return after;
  }
}
